package io.sluice.apply.realserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.vertx.VertxHttpClientFactory;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * A loopback HTTP server that answers the requests of Sluice's applier in the shapes a real kube-apiserver v1.28.7
 * answers them, taken from its recorded answers ({@link RecordedAnswers}), where the sandbox answers otherwise:
 * <ul>
 *   <li>discovery of {@code v1} and {@code apps/v1} as recorded (01-discovery-core, 02-discovery-groups);</li>
 *   <li>a LIST is {@code {"kind":"ConfigMapList","apiVersion":"v1","metadata":{"resourceVersion":...},"items":[...]}}
 *       whose <b>items carry no apiVersion and no kind</b> (05-list-basics); a GET carries both;</li>
 *   <li>objects hold what the server sets: uid, resourceVersion, creationTimestamp, managedFields, and whatever a test
 *       stores (server defaults, other managers' fields: recorded bodies of 08, 16, 34);</li>
 *   <li>404 is the server's Status ({@code configmaps "x" not found}, 10-ssa-dryrun); a DELETE answers Status Success
 *       (26-delete-background-orphan).</li>
 * </ul>
 * It is no API server: a server-side apply (and its dry run) answers the stored object with the applied values merged
 * in ({@link RealServerObjects#mergedOver}), which is what a real server answers for the
 * objects these tests apply; field ownership and validation are not modelled. Every request is recorded, so a test
 * can count what Sluice wrote. Tests that need more use the sandbox or a real cluster.
 */
public final class RealServerStub implements AutoCloseable, AfterEachCallback {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One request seen. */
    public record Request(String method, String path, String query) {

        public boolean dryRun() {
            return query != null && query.contains("dryRun=All");
        }

        /** A request that changes something: any method but GET, and not a dry run. */
        public boolean write() {
            return !method.equals("GET") && !dryRun();
        }
    }

    /** A prepared answer for the requests {@code matches} selects, instead of the stub's own. */
    private record PreparedAnswer(Predicate<Request> matches, int status, JsonNode body) {
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(8);
    private final Map<String, ObjectNode> objects = new ConcurrentHashMap<>();
    private final Map<String, Resource> resources = new ConcurrentHashMap<>();
    private final Map<String, JsonNode> discovery = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final List<PreparedAnswer> overrides = new CopyOnWriteArrayList<>();
    private final AtomicLong resourceVersion = new AtomicLong(1000);
    private final KubernetesClient client;

    /** A resource of discovery: its kind, apiVersion and whether it is namespaced. */
    private record Resource(String apiVersion, String kind, boolean namespaced) {
    }

    private RealServerStub() throws IOException {
        serveDiscovery(RecordedAnswers.step("01-discovery-core", 2).body());
        serveDiscovery(RecordedAnswers.step("02-discovery-groups", 2).body());
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(threads);
        server.createContext("/", this::answer);
        server.start();
        Config config = new ConfigBuilder(Config.empty())
                .withMasterUrl(url())
                .withNamespace("default")
                .withRequestTimeout(60_000)
                .build();
        client = new KubernetesClientBuilder().withHttpClientFactory(new VertxHttpClientFactory()).withConfig(config).build();
    }

    public static RealServerStub start() {
        try {
            return new RealServerStub();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the real-server stub on loopback", e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** A fabric8 client for this server (closed with it). */
    public KubernetesClient client() {
        return client;
    }

    /**
     * Stores an object as the server would hold it (it must carry apiVersion, kind, metadata.name, and
     * metadata.namespace when namespaced); the server's metadata that it lacks is added.
     */
    public void store(ObjectNode object) {
        ObjectNode copy = object.deepCopy();
        ObjectNode metadata = (ObjectNode) copy.get("metadata");
        metadata.put("resourceVersion", Long.toString(resourceVersion.incrementAndGet()));
        if (!metadata.has("uid")) {
            metadata.put("uid", "uid-" + resourceVersion.get());
        }
        if (!metadata.has("creationTimestamp")) {
            metadata.put("creationTimestamp", "2026-12-07T00:00:00Z");
        }
        objects.put(key(copy.path("apiVersion").asText(), copy.path("kind").asText(),
                metadata.path("namespace").asText(""), metadata.path("name").asText()), copy);
    }

    /** The object as stored, or empty. */
    public Optional<ObjectNode> stored(String apiVersion, String kind, String namespace, String name) {
        return Optional.ofNullable(objects.get(key(apiVersion, kind, namespace, name))).map(ObjectNode::deepCopy);
    }

    /** Every request so far, in order. */
    public List<Request> requests() {
        return List.copyOf(requests);
    }

    public List<Request> writes() {
        return requests.stream().filter(Request::write).toList();
    }

    public List<Request> dryRuns() {
        return requests.stream().filter(Request::dryRun).toList();
    }

    public void clearRequests() {
        requests.clear();
    }

    /** Answers the requests {@code matches} selects with {@code status} and {@code body} (a recorded refusal). */
    public void answer(Predicate<Request> matches, int status, JsonNode body) {
        overrides.add(new PreparedAnswer(matches, status, body));
    }

    /** Serves one more API discovery list (an APIResourceList, e.g. a CRD's group as recorded in 19-crd-discovery). */
    public void serveDiscovery(ObjectNode list) {
        String groupVersion = list.path("groupVersion").asText();
        discovery.put(groupVersion, list);
        for (JsonNode resource : list.path("resources")) {
            String name = resource.path("name").asText();
            if (!name.contains("/")) {
                resources.put(groupVersion + "|" + name, new Resource(groupVersion, resource.path("kind").asText(),
                        resource.path("namespaced").asBoolean()));
            }
        }
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            String query = exchange.getRequestURI().getRawQuery();
            Request request = new Request(exchange.getRequestMethod(), path, query);
            requests.add(request);
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            for (PreparedAnswer override : overrides) {
                if (override.matches().test(request)) {
                    send(exchange, override.status(), override.body());
                    return;
                }
            }
            Answer answer = route(request, body);
            send(exchange, answer.status(), answer.body());
        }
    }

    private record Answer(int status, JsonNode body) {
    }

    private Answer route(Request request, byte[] body) throws IOException {
        String path = request.path();
        String groupVersion;
        String rest;
        if (path.startsWith("/api/v1")) {
            groupVersion = "v1";
            rest = path.substring("/api/v1".length());
        } else if (path.startsWith("/apis/")) {
            String[] parts = path.substring("/apis/".length()).split("/", 3);
            if (parts.length < 2) {
                return notFoundPage();
            }
            groupVersion = parts[0] + "/" + parts[1];
            rest = parts.length == 3 ? "/" + parts[2] : "";
        } else {
            return notFoundPage();
        }
        if (rest.isEmpty()) {
            JsonNode list = discovery.get(groupVersion);
            return list == null ? notFoundPage() : new Answer(200, list);
        }
        String[] segments = rest.substring(1).split("/");
        String namespace = "";
        int at = 0;
        if (segments.length >= 3 && segments[0].equals("namespaces")) {
            namespace = decode(segments[1]);
            at = 2;
        }
        Resource resource = resources.get(groupVersion + "|" + segments[at]);
        if (resource == null || resource.namespaced() == namespace.isEmpty()) {
            return notFoundPage();
        }
        String plural = segments[at];
        if (segments.length == at + 1) {
            return request.method().equals("GET") ? list(resource, namespace) : notFoundPage();
        }
        String name = decode(segments[at + 1]);
        String key = key(resource.apiVersion(), resource.kind(), namespace, name);
        return switch (request.method()) {
            case "GET" -> Optional.ofNullable(objects.get(key)).map(o -> new Answer(200, o))
                    .orElseGet(() -> notFound(plural, name));
            case "PATCH" -> apply(request, key, (ObjectNode) JSON.readTree(body), resource);
            case "DELETE" -> delete(key, plural, name);
            default -> new Answer(405, status(405, "MethodNotAllowed", "the stub answers GET, PATCH (apply) and DELETE"));
        };
    }

    /** The real server's LIST: items in name order, without apiVersion and kind. */
    private Answer list(Resource resource, String namespace) {
        TreeMap<String, ObjectNode> byName = new TreeMap<>();
        objects.values().stream()
                .filter(o -> o.path("apiVersion").asText().equals(resource.apiVersion()) && o.path("kind").asText().equals(resource.kind())
                        && o.path("metadata").path("namespace").asText("").equals(namespace))
                .forEach(o -> byName.put(o.path("metadata").path("name").asText(), o));
        ObjectNode list = JSON.createObjectNode();
        list.put("kind", resource.kind() + "List");
        list.put("apiVersion", resource.apiVersion());
        list.putObject("metadata").put("resourceVersion", Long.toString(resourceVersion.get()));
        ArrayNode items = list.putArray("items");
        for (ObjectNode object : byName.values()) {
            ObjectNode item = object.deepCopy();
            item.remove("apiVersion");
            item.remove("kind");
            items.add(item);
        }
        return new Answer(200, list);
    }

    private Answer apply(Request request, String key, ObjectNode applied, Resource resource) {
        ObjectNode live = objects.get(key);
        ObjectNode result;
        if (live == null) {
            result = applied.deepCopy();
            ObjectNode metadata = (ObjectNode) result.get("metadata");
            metadata.put("uid", "uid-" + resourceVersion.incrementAndGet());
            metadata.put("creationTimestamp", "2026-12-07T00:00:00Z");
            metadata.putArray("managedFields").addObject().put("manager", "sluice").put("operation", "Apply")
                    .put("apiVersion", resource.apiVersion()).put("time", "2026-12-07T00:00:00Z").put("fieldsType", "FieldsV1");
        } else {
            result = live.deepCopy();
            RealServerObjects.merge(result, applied);
        }
        if (request.dryRun()) {
            return new Answer(live == null ? 201 : 200, result);
        }
        if (live == null || !result.equals(live)) {
            ((ObjectNode) result.get("metadata")).put("resourceVersion", Long.toString(resourceVersion.incrementAndGet()));
            objects.put(key, result);
        }
        return new Answer(live == null ? 201 : 200, result);
    }

    private Answer delete(String key, String plural, String name) {
        ObjectNode gone = objects.remove(key);
        if (gone == null) {
            return notFound(plural, name);
        }
        ObjectNode status = JSON.createObjectNode();
        status.put("kind", "Status").put("apiVersion", "v1").putObject("metadata");
        status.put("status", "Success");
        status.putObject("details").put("name", name).put("kind", plural).put("uid", gone.path("metadata").path("uid").asText());
        return new Answer(200, status);
    }

    /** {@code configmaps "x" not found}, as recorded in 10-ssa-dryrun. */
    private static Answer notFound(String plural, String name) {
        ObjectNode status = status(404, "NotFound", plural + " \"" + name + "\" not found");
        status.putObject("details").put("name", name).put("kind", plural);
        return new Answer(404, status);
    }

    /** A path nothing serves, as recorded in 01-discovery-core. */
    private static Answer notFoundPage() {
        ObjectNode status = status(404, "NotFound", "the server could not find the requested resource");
        status.putObject("details");
        return new Answer(404, status);
    }

    private static ObjectNode status(int code, String reason, String message) {
        ObjectNode status = JSON.createObjectNode();
        status.put("kind", "Status").put("apiVersion", "v1").putObject("metadata");
        status.put("status", "Failure").put("message", message).put("reason", reason).put("code", code);
        return status;
    }

    private static void send(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static String key(String apiVersion, String kind, String namespace, String name) {
        return apiVersion + "|" + kind + "|" + namespace + "|" + name;
    }

    private static String decode(String segment) {
        return URLDecoder.decode(segment, StandardCharsets.UTF_8);
    }

    /** As a test's extension ({@code @RegisterExtension final RealServerStub server = RealServerStub.start();}): stopped after the test. */
    @Override
    public void afterEach(ExtensionContext context) {
        close();
    }

    @Override
    public void close() {
        client.close();
        server.stop(0);
        threads.shutdownNow();
    }
}
