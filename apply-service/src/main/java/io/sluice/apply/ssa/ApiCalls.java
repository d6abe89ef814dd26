package io.sluice.apply.ssa;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.filter.FilteringParserDelegate;
import com.fasterxml.jackson.core.filter.TokenFilter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.APIResourceList;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.http.HttpClient;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.HttpResponse;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The requests of the apply hot path - server-side apply (and its dry run), GET and LIST - sent with the
 * fabric8 client's own HTTP client (same credentials, impersonation and retries as every other call; the
 * client's request timeout bounds each whole exchange, see {@link #send}), without the typed DSL. The DSL costs about twice the CPU of the HTTP exchange itself per request
 * (URL templating with regular expressions, resource handler lookup, typed (de)serialisation); on a
 * revision of a thousand objects that decides whether Sluice is faster than kubectl or slower.
 *
 * <p>Bodies are JSON trees in and out. Every call is asynchronous so that callers can keep several
 * requests in flight ({@link InFlight}). An error answer becomes a {@link KubernetesClientException}
 * carrying the server's Status (code, reason, message), as the DSL would throw it.
 *
 * <p>Paths come from API discovery (one request per apiVersion, kept for the life of this object):
 * the resource's plural name and whether it is namespaced. One instance serves one apply run; after
 * CRDs are created, {@link #forgetUnserved()} lets their kinds be discovered.
 */
final class ApiCalls {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String APPLY_PATCH = "application/apply-patch+yaml";

    private final KubernetesClient client;
    private final HttpClient http;
    private final String base;
    private final long timeoutMillis;
    private final Map<String, Optional<APIResourceList>> discovery = new ConcurrentHashMap<>();

    ApiCalls(KubernetesClient client) {
        this.client = client;
        this.http = client.getHttpClient();
        String master = client.getMasterUrl().toString();
        this.base = master.endsWith("/") ? master.substring(0, master.length() - 1) : master;
        int timeout = client.getConfiguration().getRequestTimeout();
        this.timeoutMillis = timeout > 0 ? timeout : TimeUnit.MINUTES.toMillis(1);
    }

    /** Lets kinds that were not served on the first look be discovered again (their CRDs were just applied). */
    void forgetUnserved() {
        discovery.values().removeIf(Optional::isEmpty);
    }

    /** Server-side apply with field manager {@link ApplyOptions#FIELD_MANAGER}, taking conflicting fields (force). */
    CompletableFuture<Void> apply(ObjectRef ref, String body) {
        return send(applyRequest(ref, body, false), false, ApiCalls::ignore).thenApply(answer -> null);
    }

    /**
     * The same apply with {@code dryRun=All}: the server validates it and answers with the object it would store,
     * writing nothing. With {@code readAnswer} false the answer is not parsed (the future completes with null):
     * for an object that does not exist yet, only the server's verdict counts.
     */
    CompletableFuture<ObjectNode> dryRun(ObjectRef ref, String body, boolean readAnswer) {
        return send(applyRequest(ref, body, true), false, readAnswer ? ApiCalls::parse : ApiCalls::ignore)
                .thenApply(answer -> answer.map(ObjectNode.class::cast).orElse(null));
    }

    private HttpRequest applyRequest(ObjectRef ref, String body, boolean dryRun) {
        String query = "?fieldManager=" + ApplyOptions.FIELD_MANAGER + "&force=true" + (dryRun ? "&dryRun=All" : "");
        return http.newHttpRequestBuilder()
                .uri(base + objectPath(ref) + query)
                .method("PATCH", APPLY_PATCH, body)
                .build();
    }

    /** The live object, or empty when it does not exist. */
    CompletableFuture<Optional<ObjectNode>> get(ObjectRef ref) {
        return send(getRequest(base + objectPath(ref)), true).thenApply(response -> response.map(ObjectNode.class::cast));
    }

    /**
     * Every object of one kind in one namespace ("" for cluster-scoped kinds), by name, each as a GET answers it.
     * A real API server's list items carry no {@code apiVersion} and no {@code kind} (the list says them once; the
     * sandbox's items used to carry them): they are set here from the request, as client-go does, so an item compares
     * equal to the same object read with a GET, to a dry-run answer and to the desired object.
     */
    CompletableFuture<Map<String, ObjectNode>> list(ObjectRef sample) {
        return send(getRequest(base + collectionPath(sample)), true, ApiCalls::parseWithoutManagedFields).thenApply(response -> {
            Map<String, ObjectNode> byName = new HashMap<>();
            response.ifPresent(list -> list.path("items").forEach(item -> {
                ObjectNode object = (ObjectNode) item;
                object.put("apiVersion", sample.apiVersion());
                object.put("kind", sample.kind());
                byName.put(object.path("metadata").path("name").asText(), object);
            }));
            return byName;
        });
    }

    private HttpRequest getRequest(String url) {
        return http.newHttpRequestBuilder().uri(url).build();
    }

    /** The answer's JSON (empty on 404 when reading); an error fails the future with the server's Status. */
    private CompletableFuture<Optional<JsonNode>> send(HttpRequest request, boolean read) {
        return send(request, read, ApiCalls::parse);
    }

    /**
     * Sends one request. The time limit is set here, on the whole exchange (retries included), not on the request:
     * fabric8 gives each request with a timeout its own scheduled task and cancels it with an exception when the
     * answer comes, which cost more CPU than the rest of the client side of an apply together.
     */
    private CompletableFuture<Optional<JsonNode>> send(HttpRequest request, boolean read,
                                                       java.util.function.Function<HttpResponse<byte[]>, JsonNode> parser) {
        CompletableFuture<HttpResponse<byte[]>> exchange = http.sendAsync(request, byte[].class);
        exchange.orTimeout(timeoutMillis, TimeUnit.MILLISECONDS);
        return exchange.handle((response, failure) -> {
            if (failure != null) {
                throw failure instanceof TimeoutException || failure.getCause() instanceof TimeoutException
                        ? new KubernetesClientException("no answer from the API server within " + timeoutMillis + " ms to "
                                + request.method() + " " + request.uri())
                        : failure instanceof CompletionException completion ? completion : new CompletionException(failure);
            }
            if (read && response.code() == 404) {
                return Optional.empty();
            }
            if (!response.isSuccessful()) {
                throw error(response.code(), parse(response), request);
            }
            return Optional.ofNullable(parser.apply(response));
        });
    }

    /** For answers nothing reads (a write's echo of the object): not parsed at all. */
    private static JsonNode ignore(HttpResponse<byte[]> response) {
        return null;
    }

    /**
     * A list answer without the items' {@code metadata.managedFields}: nothing here reads them (the unchanged
     * check and {@link Differ} ignore them), and in a list of objects Sluice applied they are a third or more of
     * the bytes, so leaving them out of the tree makes reading the live state of a large set much cheaper.
     */
    private static JsonNode parseWithoutManagedFields(HttpResponse<byte[]> response) {
        byte[] bytes = response.body();
        if (bytes == null || bytes.length == 0) {
            return JSON.createObjectNode();
        }
        try (JsonParser parser = new FilteringParserDelegate(JSON.createParser(bytes), WITHOUT_MANAGED_FIELDS,
                TokenFilter.Inclusion.INCLUDE_ALL_AND_PATH, true)) {
            JsonNode tree = JSON.readTree(parser);
            return tree == null ? JSON.createObjectNode() : tree;
        } catch (IOException e) {
            return parse(response);
        }
    }

    /**
     * Every property but {@code managedFields}, at any depth. Empty objects and arrays are kept: Jackson's filtering
     * drops them by default, and a real API server's objects are full of them ({@code resources: {}} in every container,
     * a pod template's {@code securityContext: {}}); without them a listed object no longer equals its dry-run answer
     * and every drift check would re-apply it.
     */
    private static final TokenFilter WITHOUT_MANAGED_FIELDS = new TokenFilter() {
        @Override
        public TokenFilter includeProperty(String name) {
            return "managedFields".equals(name) ? null : this;
        }

        @Override
        public boolean includeEmptyObject(boolean contentsFiltered) {
            return true;
        }

        @Override
        public boolean includeEmptyArray(boolean contentsFiltered) {
            return true;
        }
    };

    private static JsonNode parse(HttpResponse<byte[]> response) {
        byte[] bytes = response.body();
        if (bytes == null || bytes.length == 0) {
            return JSON.createObjectNode();
        }
        try {
            return JSON.readTree(bytes);
        } catch (IOException e) {
            // not JSON (a proxy's error page): keep the text as the message
            return JSON.createObjectNode().put("message", new String(bytes, StandardCharsets.UTF_8));
        }
    }

    private static KubernetesClientException error(int code, JsonNode status, HttpRequest request) {
        String message = status.path("message").asText("");
        if (message.isEmpty()) {
            message = "HTTP " + code + " from " + request.method() + " " + request.uri();
        }
        return new KubernetesClientException(new StatusBuilder().withCode(code).withMessage(message)
                .withReason(status.path("reason").asText(null)).build());
    }

    private String objectPath(ObjectRef ref) {
        return collectionPath(ref) + "/" + encode(ref.name());
    }

    private String collectionPath(ObjectRef ref) {
        APIResource resource = resource(ref);
        String root = ref.group().isEmpty() ? "/api/" + ref.apiVersion() : "/apis/" + ref.apiVersion();
        if (Boolean.TRUE.equals(resource.getNamespaced())) {
            if (ref.namespace().isEmpty()) {
                throw new KubernetesClientException(new StatusBuilder().withCode(422).withReason("Invalid")
                        .withMessage(ref.kind() + " is namespaced but the object has no metadata.namespace;"
                                + " set one (Kustomize: namespace or targetNamespace)").build());
            }
            return root + "/namespaces/" + encode(ref.namespace()) + "/" + resource.getName();
        }
        return root + "/" + resource.getName();
    }

    private APIResource resource(ObjectRef ref) {
        Optional<APIResourceList> resources = discovery.computeIfAbsent(ref.apiVersion(), this::discover);
        return resources.flatMap(list -> list.getResources().stream()
                        .filter(r -> ref.kind().equals(r.getKind()) && !r.getName().contains("/"))
                        .findFirst())
                .orElseThrow(() -> new KubernetesClientException(ServerErrors.NOT_SERVED));
    }

    private Optional<APIResourceList> discover(String apiVersion) {
        try {
            return Optional.ofNullable(client.getApiResources(apiVersion));
        } catch (KubernetesClientException e) {
            if (e.getCode() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8);
    }
}
