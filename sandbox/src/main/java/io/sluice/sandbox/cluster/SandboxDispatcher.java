package io.sluice.sandbox.cluster;

import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionList;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * fabric8's CRUD dispatcher plus the read-only endpoints a real API server has and the mock lacks:
 * {@code /version} and API discovery. Everything else goes to the CRUD store unchanged.
 */
final class SandboxDispatcher extends KubernetesCrudDispatcher {

    private static final String CRDS_PATH = "/apis/apiextensions.k8s.io/v1/customresourcedefinitions";

    private final KubernetesSerialization json = new KubernetesSerialization();
    private volatile String serverAddress = "127.0.0.1";

    SandboxDispatcher() {
        super(List.of());
    }

    /** The host:port announced in {@code /api}, known only once the server has bound its port. */
    void serverAddress(String hostAndPort) {
        this.serverAddress = hostAndPort;
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        if ("GET".equals(request.getMethod())) {
            Optional<MockResponse> answer = answerReadOnly(pathOf(request));
            if (answer.isPresent()) {
                return answer.get();
            }
        }
        return super.dispatch(request);
    }

    private Optional<MockResponse> answerReadOnly(String path) {
        String[] parts = path.equals("/") ? new String[0] : path.substring(1).split("/");
        if (path.equals("/version")) {
            return Optional.of(ok(Map.of("major", "1", "minor", "33", "gitVersion", "v1.33.0-sluice-sandbox",
                    "platform", "sandbox/in-memory", "goVersion", "none", "compiler", "none")));
        }
        if (path.startsWith("/openapi/")) {
            // No schemas: kubectl must be run with --validate=false (docs/sandbox.md).
            return Optional.of(notFound("The sandbox API server publishes no OpenAPI schema"));
        }
        if (path.equals("/api")) {
            return Optional.of(ok(discovery().coreVersions(serverAddress)));
        }
        if (path.equals("/api/v1")) {
            return Optional.of(ok(discovery().resources("v1").orElseThrow()));
        }
        if (path.equals("/apis")) {
            return Optional.of(ok(discovery().groups()));
        }
        if (parts.length == 2 && parts[0].equals("apis")) {
            return Optional.of(discovery().group(parts[1]).map(this::ok)
                    .orElseGet(() -> notFound("No API group " + parts[1] + " in the sandbox")));
        }
        if (parts.length == 3 && parts[0].equals("apis")) {
            String groupVersion = parts[1] + "/" + parts[2];
            return Optional.of(discovery().resources(groupVersion).map(this::ok)
                    .orElseGet(() -> notFound("No API " + groupVersion + " in the sandbox; register its CRD first")));
        }
        return Optional.empty();
    }

    /** Built from the CRDs stored right now, so a CRD created through the API shows up at once. */
    private Discovery discovery() {
        MockResponse stored = super.handleGet(CRDS_PATH);
        List<CustomResourceDefinition> crds = List.of();
        if (stored.code() == 200) {
            crds = json.unmarshal(stored.getBody().readUtf8(), CustomResourceDefinitionList.class).getItems();
        }
        return Discovery.of(crds);
    }

    private static String pathOf(RecordedRequest request) {
        String path = request.getPath();
        int query = path.indexOf('?');
        String bare = query >= 0 ? path.substring(0, query) : path;
        return bare.length() > 1 && bare.endsWith("/") ? bare.substring(0, bare.length() - 1) : bare;
    }

    private MockResponse ok(Object body) {
        return new MockResponse().setResponseCode(200).setHeader("Content-Type", "application/json")
                .setBody(json.asJson(body));
    }

    private MockResponse notFound(String message) {
        Status status = new StatusBuilder().withStatus("Failure").withReason("NotFound").withCode(404)
                .withMessage(message).build();
        return new MockResponse().setResponseCode(404).setHeader("Content-Type", "application/json")
                .setBody(json.asJson(status));
    }
}
