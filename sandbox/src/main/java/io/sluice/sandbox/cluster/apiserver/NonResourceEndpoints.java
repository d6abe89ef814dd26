package io.sluice.sandbox.cluster.apiserver;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.mockwebserver.http.MockResponse;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The GET endpoints outside the resource API: {@code /version}, {@code /healthz}, {@code /readyz}, {@code /livez},
 * API discovery ({@code /api}, {@code /apis}, ..., plain or aggregated as the Accept header asks) and the
 * OpenAPI v3 index. Answered as a v1.28.7 server answers them; the sandbox says what it is in {@code /version}'s
 * {@code gitCommit}, {@code compiler} and {@code platform} (kubectl compares {@code gitVersion}, so that stays
 * the real one's).
 */
final class NonResourceEndpoints {

    static final String GIT_VERSION = "v1.28.7";
    /** The paths anyone may GET, logged in or not (the real server's {@code system:public-info-viewer} role). */
    static final List<String> PUBLIC = List.of("/healthz", "/livez", "/readyz", "/version");

    private static final String AGGREGATED = "application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList";

    private final Supplier<Discovery> discovery;
    private final Supplier<String> serverAddress;

    NonResourceEndpoints(Supplier<Discovery> discovery, Supplier<String> serverAddress) {
        this.discovery = discovery;
        this.serverAddress = serverAddress;
    }

    /** The answer for a non-resource path, or empty when the path is under the resource API. */
    Optional<MockResponse> answer(String path, String accept) {
        String[] parts = path.equals("/") ? new String[0] : path.substring(1).split("/");
        if (path.equals("/version")) {
            return Optional.of(Responses.json(200, version()));
        }
        if (path.equals("/healthz") || path.equals("/readyz") || path.equals("/livez")) {
            return Optional.of(text(200, "ok"));
        }
        if (path.equals("/")) {
            ObjectNode root = Json.object();
            ArrayNode paths = root.putArray("paths");
            List.of("/api", "/api/v1", "/apis", "/healthz", "/livez", "/openapi/v3", "/readyz", "/version").forEach(paths::add);
            return Optional.of(Responses.json(200, root));
        }
        if (path.equals("/openapi/v3")) {
            // the real server sends the index as text/plain
            return Optional.of(new MockResponse().setResponseCode(200).setHeader("Content-Type", "text/plain; charset=utf-8")
                    .setBody(Json.writeBytes(OpenApiV3.index(discovery.get()))));
        }
        if (path.startsWith("/openapi/v3/")) {
            return Optional.of(OpenApiV3.document(discovery.get(), path).map(doc -> Responses.json(200, doc))
                    .orElseThrow(ApiException::pageNotFound));
        }
        if (path.startsWith("/openapi/")) {
            throw ApiException.pageNotFound(); // no OpenAPI v2 document
        }
        if (path.equals("/api")) {
            return Optional.of(wantsAggregated(accept) ? aggregated(discovery.get().aggregated(true))
                    : Responses.json(200, discovery.get().coreVersions(serverAddress.get())));
        }
        if (path.equals("/apis")) {
            return Optional.of(wantsAggregated(accept) ? aggregated(discovery.get().aggregated(false))
                    : Responses.json(200, discovery.get().groups()));
        }
        if (parts.length == 2 && parts[0].equals("api")) {
            return Optional.of(Responses.json(200, discovery.get().resources("", parts[1]).orElseThrow(ApiException::pathNotFound)));
        }
        if (parts.length == 2 && parts[0].equals("apis")) {
            return Optional.of(Responses.json(200, discovery.get().group(parts[1]).orElseThrow(ApiException::pageNotFound)));
        }
        if (parts.length == 3 && parts[0].equals("apis")) {
            return Optional.of(Responses.json(200,
                    discovery.get().resources(parts[1], parts[2]).orElseThrow(ApiException::pageNotFound)));
        }
        return Optional.empty();
    }

    private static ObjectNode version() {
        return Json.object().put("major", "1").put("minor", "28").put("gitVersion", GIT_VERSION)
                .put("gitCommit", "sluice-sandbox").put("gitTreeState", "clean").put("buildDate", "2024-02-14T10:32:40Z")
                .put("goVersion", "none (Sluice sandbox, Java)").put("compiler", "sluice-sandbox")
                .put("platform", "sandbox/in-memory");
    }

    /** Whether the client asks for aggregated discovery in a version v1.28 serves (v2beta1; v2 came with v1.30). */
    private static boolean wantsAggregated(String accept) {
        if (accept == null) {
            return false;
        }
        for (String range : accept.split(",")) {
            String normalized = range.replace(" ", "");
            if (normalized.startsWith("application/json;") && normalized.contains("g=apidiscovery.k8s.io")
                    && normalized.contains("v=v2beta1") && normalized.contains("as=APIGroupDiscoveryList")) {
                return true;
            }
            if (normalized.equals("application/json") || normalized.startsWith("*/*")) {
                return false;
            }
        }
        return false;
    }

    private static MockResponse aggregated(ObjectNode body) {
        return new MockResponse().setResponseCode(200).setHeader("Content-Type", AGGREGATED).setBody(Json.writeBytes(body));
    }

    private static MockResponse text(int code, String body) {
        return new MockResponse().setResponseCode(code).setHeader("Content-Type", "text/plain; charset=utf-8").setBody(body);
    }
}
