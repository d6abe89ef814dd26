package io.sluice.sandbox.cluster.apiserver;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.util.List;
import java.util.Map;

/**
 * The resource API of the sandbox: create, read, list, watch, replace, patch (JSON, merge, strategic merge,
 * server-side apply) and delete of any resource type, with managedFields, generation and resourceVersion kept
 * as a real API server keeps them, server-side dry run, finalizers, garbage collection through
 * ownerReferences, namespace deletion, and label and field selectors. One request at a time: every request
 * holds the store's monitor, so a read-merge-write is atomic.
 *
 * <p>This class takes a request apart by method; one class per verb does the work ({@link ReadRequests},
 * {@link CreateRequests}, {@link UpdateRequests}, {@link ApplyRequests}, {@link DeleteRequests}), and
 * {@link ObjectWriter} stores what they produce; every written body goes through {@link ObjectAdmission} (decoding,
 * defaults, validation), and the simulated controllers ({@link ControllerManager}) write back as clients. What it
 * does not reproduce is listed in docs/sandbox.md.
 */
final class ApiServer implements AutoCloseable {

    private final ObjectStore store = new ObjectStore();
    private final ControllerLoop controllers = new ControllerLoop(store);
    private final ResourceTypes types = new ResourceTypes(store);
    private final Deletions deletions = new Deletions(store, types, controllers);
    private final ObjectAdmission admission = new ObjectAdmission(store, types);
    private final ObjectWriter writer;
    private final ReadRequests reads = new ReadRequests(store, types);
    private final WatchRequests watches = new WatchRequests(store, types, controllers);
    private final CreateRequests creates;
    private final UpdateRequests updates;
    private final ApplyRequests applies;
    private final DeleteRequests deletes = new DeleteRequests(store, reads, deletions);
    private final RbacAuthorizer authorizer = new RbacAuthorizer(store);
    private final AccessReviews reviews = new AccessReviews(authorizer);
    /** The simulated kube-controller-manager (deployments, replica sets, endpoints): writes as a client of this API. */
    private final ControllerManager controllerManager = new ControllerManager(
            (request, path) -> serve(request, path, null), store);

    /** @param caBundle the cluster's CA certificate (PEM), for every namespace's {@code kube-root-ca.crt} */
    ApiServer(String caBundle) {
        writer = new ObjectWriter(store, types, deletions, new Namespaces(store, caBundle), controllers,
                new RbacEscalation(store, authorizer), admission);
        creates = new CreateRequests(store, types, writer, admission);
        updates = new UpdateRequests(store, types, writer, admission);
        applies = new ApplyRequests(store, types, writer, admission);
        synchronized (store) {
            for (ObjectNode object : RbacBootstrap.objects()) {
                String plural = object.path("kind").asText().equals("ClusterRole") ? "clusterroles" : "clusterrolebindings";
                writer.insertSystemObject(new SystemObject("kube-apiserver",
                        new ResourcePath("rbac.authorization.k8s.io", "v1", null, plural, null, null, Map.of()), object));
            }
        }
    }

    /** Discovery as of now, for the read-only endpoints. */
    Discovery discovery() {
        synchronized (store) {
            return types.discovery();
        }
    }

    /**
     * Who the request acts as: the requester, or whom it impersonates if the requester may (403 otherwise, worded as
     * the real server words it).
     */
    Identity identify(RecordedRequest request, Identity requester) {
        synchronized (store) {
            for (RequestAttributes impersonation : Authenticator.impersonations(request)) {
                if (!authorizer.decide(requester, impersonation).allowed()) {
                    throw impersonation.forbidden(requester);
                }
            }
            return Authenticator.impersonated(request, requester);
        }
    }

    /** Refuses (403, in the real server's words) what RBAC does not allow {@code who}. */
    void authorize(Identity who, RequestAttributes what) {
        synchronized (store) {
            if (!authorizer.decide(who, what).allowed()) {
                throw what.forbidden(who);
            }
        }
    }

    /** A request of {@code who}, with the Warning headers of what its write dropped. */
    MockResponse handle(RecordedRequest request, ResourcePath path, Identity who) {
        return serve(request, path, java.util.Objects.requireNonNull(who));
    }

    /** Serves a request; {@code who} is null for the cluster's own controllers, which RBAC does not check here. */
    private MockResponse serve(RecordedRequest request, ResourcePath path, Identity who) {
        Warnings warnings = new Warnings();
        synchronized (store) {
            try {
                if (who != null) {
                    authorize(who, RequestAttributes.of(request.getMethod(), path));
                }
                writer.servingFor(who);
                ApiResource type = types.route(path, request.getMethod());
                RequestOptions.check(request.getMethod(), path);
                RequestOptions.checkBodySize(Requests.body(request));
                String contentType = request.getHeader("Content-Type");
                if (contentType != null && contentType.contains("protobuf")) {
                    throw new ApiException(415, "UnsupportedMediaType", "the sandbox API server reads JSON and YAML "
                            + "only, not protobuf (" + contentType + "); kubectl sends protobuf for generators such as "
                            + "'kubectl create namespace x': write a manifest and use 'kubectl apply -f' or "
                            + "'kubectl create -f' instead", null, List.of());
                }
                if (!type.stored()) {
                    // reviews are asked with a POST and answered, never stored; the other such types are not served
                    return Responses.json(201, reviews.answer(type, path, request, who));
                }
                return switch (request.getMethod()) {
                    case "GET" -> read(path, Representation.of(request.getHeader("Accept")));
                    case "POST" -> warnings.addTo(Responses.json(201, creates.create(path, request, warnings)));
                    case "PUT" -> warnings.addTo(Responses.json(200, updates.replace(path, request, warnings)));
                    case "PATCH" -> warnings.addTo(patch(path, request, warnings));
                    case "DELETE" -> Responses.json(200, deletes.delete(path, request));
                    default -> throw ApiException.methodNotAllowed();
                };
            } catch (ApiException e) {
                return warnings.addTo(Responses.failure(e)); // a real server warns before it refuses
            } finally {
                writer.servingFor(null);
            }
        }
    }

    private MockResponse read(ResourcePath path, Representation form) {
        if (path.name() != null) {
            ObjectNode object = reads.get(path);
            return switch (form) {
                case JSON -> Responses.json(200, object);
                case YAML -> Representation.yaml(200, Json.writeBytes(object));
                case TABLE -> Responses.json(200, Tables.of(List.of(object), path, types.crdFor(path).orElse(null),
                        Json.meta(object, "resourceVersion")));
            };
        }
        ListQuery query = ListQuery.of(path);
        if (WatchRequests.isWatch(path)) {
            return watches.overWebSocket(path, query);
        }
        return switch (form) {
            case JSON -> reads.listAnswer(path, query);
            case YAML -> Representation.yaml(200, reads.listAnswer(path, query).getBody().getBytes());
            case TABLE -> {
                List<ObjectNode> items = new java.util.ArrayList<>();
                reads.list(path).path("items").forEach(item -> items.add((ObjectNode) item));
                yield Responses.json(200, Tables.of(items, path, types.crdFor(path).orElse(null),
                        String.valueOf(store.resourceVersion())));
            }
        };
    }

    /**
     * A watch over plain HTTP: its events go to {@code stream}. A request the server refuses gets its answer
     * instead (nothing was sent to the stream).
     */
    java.util.Optional<MockResponse> watchOverHttp(ResourcePath path, Identity who, EventStream stream) {
        synchronized (store) {
            try {
                authorize(who, RequestAttributes.of("GET", path));
                types.route(path, "GET");
                watches.watch(path, ListQuery.of(path), stream);
                return java.util.Optional.empty();
            } catch (ApiException e) {
                return java.util.Optional.of(Responses.failure(e));
            }
        }
    }

    /** Called once the sandbox has set itself up: its own writes are not replayed to watches (see ObjectStore). */
    void started() {
        synchronized (store) {
            store.forgetHistory();
        }
    }

    private MockResponse patch(ResourcePath path, RecordedRequest request, Warnings warnings) {
        String contentType = Requests.contentType(request);
        if (!contentType.equals(Requests.APPLY_PATCH) && path.query().containsKey("force")) {
            throw new ApiException(422, "Invalid", "force: Forbidden: may not be specified for non-apply patch", null,
                    List.of());
        }
        if (contentType.equals(Requests.APPLY_PATCH)) {
            return applies.apply(path, request, warnings);
        }
        return Responses.json(200, updates.patch(path, request, contentType, warnings));
    }

    /** Stops the controllers' thread (watches end with the HTTP server). */
    @Override
    public void close() {
        controllerManager.close();
        controllers.close();
    }
}
