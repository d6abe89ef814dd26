package io.sluice.apply.realserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The answers a real kube-apiserver v1.28.7 gave, as recorded in the sandbox's conformance scenarios
 * ({@code sandbox/src/test/conformance/scenarios/NN-name.json}, see its README): the tests of how Sluice reads a real
 * server take their bodies from there, not from what the sandbox answers. Volatile values are masked in the
 * recording ({@code "<uid>"}, {@code "<rv>"}, {@code "<time>"}); they are plain strings here.
 */
public final class RecordedAnswers {

    /** The scenarios, from apply-service's folder (where Maven runs the tests). */
    static final Path SCENARIOS = Path.of("..", "sandbox", "src", "test", "conformance", "scenarios");

    private static final ObjectMapper JSON = new ObjectMapper();

    private RecordedAnswers() {
    }

    /** One recorded exchange: the request as sent and the real server's answer. */
    public record Step(String scenario, int index, JsonNode request, JsonNode answer) {

        public int status() {
            return answer.path("status").asInt();
        }

        /** The answer's body (a copy: callers may change it). */
        public ObjectNode body() {
            return answer.path("body").deepCopy();
        }

        /** The request's body (a copy). */
        public ObjectNode requestBody() {
            return request.path("body").deepCopy();
        }

        /** The answer as fabric8 throws it for an error status: code, reason and the server's message. */
        public KubernetesClientException asException() {
            JsonNode body = answer.path("body");
            return new KubernetesClientException(new StatusBuilder().withCode(status())
                    .withReason(body.path("reason").asText(null)).withMessage(body.path("message").asText()).build());
        }
    }

    /**
     * Step {@code index} (0-based, in file order) of scenario {@code name} ({@code "05-list-basics"}).
     *
     * @throws IllegalArgumentException when the scenario or the step does not exist
     */
    public static Step step(String name, int index) {
        JsonNode scenario = read(name);
        JsonNode steps = scenario.path("steps");
        if (index < 0 || index >= steps.size()) {
            throw new IllegalArgumentException(name + " has " + steps.size() + " steps, not step " + index);
        }
        JsonNode step = steps.get(index);
        return new Step(name, index, step, step.path("answer"));
    }

    /**
     * The real server's refusal of a DELETE by an account RBAC does not allow to delete: the recorded refusal of a
     * patch (29-rbac-impersonation step 12) with the verb and object named as for this DELETE.
     */
    public static Step forbiddenDelete(String plural, String name) {
        Step patch = step("29-rbac-impersonation", 12);
        ObjectNode answer = patch.answer().deepCopy();
        ObjectNode body = (ObjectNode) answer.get("body");
        body.put("message", body.path("message").asText().replace("cannot patch", "cannot delete")
                .replace("configmaps \"c1\"", plural + " \"" + name + "\"").replace("\"configmaps\"", "\"" + plural + "\""));
        ((ObjectNode) body.get("details")).put("name", name).put("kind", plural);
        return new Step(patch.scenario(), patch.index(), patch.request(), answer);
    }

    private static JsonNode read(String name) {
        Path file = SCENARIOS.resolve(name + ".json");
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no recorded scenario " + file.toAbsolutePath().normalize()
                    + "; the tests run from apply-service/ and read the sandbox's conformance recordings");
        }
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
