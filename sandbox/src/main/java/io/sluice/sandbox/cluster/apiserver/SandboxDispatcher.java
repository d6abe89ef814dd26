package io.sluice.sandbox.cluster.apiserver;

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

    private final ApiServer api;
    private final Authenticator authenticator;
    private final Map<String, LongAdder> requests = new ConcurrentHashMap<>();
    private final LongAdder dryRuns = new LongAdder();
    private volatile String serverAddress = "127.0.0.1";
    private final NonResourceEndpoints endpoints;

    /**
     * @param token    the bearer token that authenticates the sandbox's administrator
     * @param caBundle the cluster's CA certificate (PEM), for every namespace's {@code kube-root-ca.crt}
     */
    public SandboxDispatcher(String token, String caBundle) {
        this.api = new ApiServer(caBundle);
        this.authenticator = new Authenticator(token);
        this.endpoints = new NonResourceEndpoints(api::discovery, () -> serverAddress);
    }

    /** The host:port announced in {@code /api}, known only once the server has bound its port. */
    public void serverAddress(String hostAndPort) {
        this.serverAddress = hostAndPort;
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

    /** Stops the API server's controllers (the simulated ones too); called when the sandbox closes. */
    @Override
    public void shutdown() {
        api.close();
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

    /** Whether this is a watch to be answered as a stream of JSON lines (not a WebSocket upgrade). */
    public static boolean isHttpWatch(String method, String uri) {
        if (!"GET".equals(method)) {
            return false;
        }
        return ResourcePath.parse(uri).filter(path -> path.name() == null).filter(WatchRequests::isWatch).isPresent();
    }

    /**
     * A watch over plain HTTP, as kubectl and client-go watch: its events go to {@code stream}, a chunked answer of
     * JSON lines. A request the server refuses gets its answer instead, and nothing is sent to the stream.
     */
    public Optional<MockResponse> watchOverHttp(RecordedRequest request, EventStream stream) {
        count(request);
        Optional<ResourcePath> path = ResourcePath.parse(request.getPath());
        if (path.isEmpty()) {
            return Optional.of(answer(request));
        }
        try {
            return api.watchOverHttp(path.get(), api.identify(request, authenticator.authenticate(request)), stream);
        } catch (ApiException e) {
            return Optional.of(Responses.failure(e));
        }
    }

    /** Called once the sandbox has created its own namespaces and CRDs. */
    public void started() {
        api.started();
    }

    private MockResponse answer(RecordedRequest request) {
        try {
            Identity who = api.identify(request, authenticator.authenticate(request));
            Optional<ResourcePath> resource = ResourcePath.parse(request.getPath());
            if (resource.isPresent()) {
                return api.handle(request, resource.get(), who);
            }
            String path = pathOf(request);
            api.authorize(who, RequestAttributes.nonResource(request.getMethod().toLowerCase(java.util.Locale.ROOT), path));
            if ("GET".equals(request.getMethod())) {
                Optional<MockResponse> answer = endpoints.answer(path, request.getHeader("Accept"));
                if (answer.isPresent()) {
                    return answer.get();
                }
            }
            throw path.startsWith("/api/") ? ApiException.pathNotFound() : ApiException.pageNotFound();
        } catch (ApiException e) {
            return Responses.failure(e);
        } catch (RuntimeException e) {
            LOG.errorf(e, "SANDBOX API server failed on %s %s", request.getMethod(), request.getPath());
            return Responses.json(500, new ApiException(500, "InternalError", "the sandbox API server failed on "
                    + request.getMethod() + " " + request.getPath() + ": " + e, null, java.util.List.of()).toStatus());
        }
    }

    private static String pathOf(RecordedRequest request) {
        String path = request.getPath();
        int query = path.indexOf('?');
        String bare = query >= 0 ? path.substring(0, query) : path;
        return bare.length() > 1 && bare.endsWith("/") ? bare.substring(0, bare.length() - 1) : bare;
    }
}
