package io.sluice.sandbox.cluster.apiserver;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.jboss.logging.Logger;

/**
 * The sandbox's Kubernetes API server behind its HTTP front end ({@code SandboxHttpServer}): {@code /version}, health and API
 * discovery answered here, every resource path by {@link ApiServer} (objects in memory, server-side apply,
 * watches, garbage collection). docs/sandbox.md says what it does and does not reproduce.
 */
public final class SandboxDispatcher extends Dispatcher {

    private static final Logger LOG = Logger.getLogger(SandboxDispatcher.class);

    private final ApiServer api = new ApiServer();
    private final KubernetesSerialization serialization = new KubernetesSerialization();
    private final Map<String, LongAdder> requests = new ConcurrentHashMap<>();
    private final LongAdder dryRuns = new LongAdder();
    private volatile String serverAddress = "127.0.0.1";

    /** The host:port announced in {@code /api}, known only once the server has bound its port. */
    public void serverAddress(String hostAndPort) {
        this.serverAddress = hostAndPort;
    }

    /** Stops the simulated controllers behind the API. */
    public void close() {
        api.close();
    }

    /** Requests answered so far, per HTTP method (dry runs apart). */
    public Map<String, Long> requestCounts() {
        Map<String, Long> counts = new java.util.TreeMap<>();
        requests.forEach((method, count) -> counts.put(method, count.sum()));
        return counts;
    }

    /** Requests with {@code dryRun} answered so far. */
    public long dryRunCount() {
        return dryRuns.sum();
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        count(request);
        return answer(request);
    }

    private void count(RecordedRequest request) {
        String path = request.getPath();
        if (path != null && path.contains("dryRun=")) {
            dryRuns.increment();
        } else {
            requests.computeIfAbsent(String.valueOf(request.getMethod()), m -> new LongAdder()).increment();
        }
    }

    private MockResponse answer(RecordedRequest request) {
        try {
            String path = pathOf(request);
            if ("GET".equals(request.getMethod())) {
                Optional<MockResponse> answer = answerReadOnly(path);
                if (answer.isPresent()) {
                    return answer.get();
                }
            }
            Optional<ResourcePath> resource = ResourcePath.parse(request.getPath());
            if (resource.isPresent()) {
                return api.handle(request, resource.get());
            }
            return ApiServer.respond(404, ApiException.notFound("the server could not find the requested resource "
                    + "(" + request.getMethod() + " " + path + ")").toStatus());
        } catch (ApiException e) {
            return ApiServer.respond(e.code(), e.toStatus());
        } catch (RuntimeException e) {
            LOG.errorf(e, "SANDBOX API server failed on %s %s", request.getMethod(), request.getPath());
            return ApiServer.respond(500, new ApiException(500, "InternalError", "the sandbox API server failed on "
                    + request.getMethod() + " " + request.getPath() + ": " + e, null, java.util.List.of()).toStatus());
        }
    }

    private Optional<MockResponse> answerReadOnly(String path) {
        String[] parts = path.equals("/") ? new String[0] : path.substring(1).split("/");
        if (path.equals("/version")) {
            return Optional.of(ok(Map.of("major", "1", "minor", "33", "gitVersion", "v1.33.0-sluice-sandbox",
                    "platform", "sandbox/in-memory", "goVersion", "none", "compiler", "none")));
        }
        if (path.equals("/healthz") || path.equals("/readyz") || path.equals("/livez")) {
            return Optional.of(new MockResponse().setResponseCode(200).setHeader("Content-Type", "text/plain")
                    .setBody("ok"));
        }
        if (path.equals("/")) {
            ObjectNode root = Json.object();
            ArrayNode paths = root.putArray("paths");
            for (String p : new String[] {"/api", "/api/v1", "/apis", "/healthz", "/livez", "/readyz", "/version"}) {
                paths.add(p);
            }
            return Optional.of(ApiServer.respond(200, root));
        }
        if (path.equals("/openapi/v3")) {
            return Optional.of(ApiServer.respond(200, OpenApiV3.index(api.discovery())));
        }
        if (path.startsWith("/openapi/v3/")) {
            return Optional.of(OpenApiV3.document(api.discovery(), path).map(doc -> ApiServer.respond(200, doc))
                    .orElseGet(() -> notFound("No OpenAPI document for " + path + " in the sandbox")));
        }
        if (path.startsWith("/openapi/")) {
            // Only the v3 index above (no schemas); OpenAPI v2 is not served.
            return Optional.of(notFound("The sandbox API server publishes no OpenAPI v2 document"));
        }
        if (path.equals("/api")) {
            return Optional.of(ok(api.discovery().coreVersions(serverAddress)));
        }
        if (path.equals("/api/v1")) {
            return Optional.of(ok(api.discovery().resources("v1").orElseThrow()));
        }
        if (path.equals("/apis")) {
            return Optional.of(ok(api.discovery().groups()));
        }
        if (parts.length == 2 && parts[0].equals("apis")) {
            return Optional.of(api.discovery().group(parts[1]).map(this::ok)
                    .orElseGet(() -> notFound("No API group " + parts[1] + " in the sandbox")));
        }
        if (parts.length == 3 && parts[0].equals("apis")) {
            String groupVersion = parts[1] + "/" + parts[2];
            return Optional.of(api.discovery().resources(groupVersion).map(this::ok)
                    .orElseGet(() -> notFound("No API " + groupVersion + " in the sandbox; register its CRD first")));
        }
        return Optional.empty();
    }

    private static String pathOf(RecordedRequest request) {
        String path = request.getPath();
        int query = path.indexOf('?');
        String bare = query >= 0 ? path.substring(0, query) : path;
        return bare.length() > 1 && bare.endsWith("/") ? bare.substring(0, bare.length() - 1) : bare;
    }

    private MockResponse ok(Object body) {
        return new MockResponse().setResponseCode(200).setHeader("Content-Type", "application/json")
                .setBody(serialization.asJson(body));
    }

    private MockResponse notFound(String message) {
        return ApiServer.respond(404, ApiException.notFound(message).toStatus());
    }
}
