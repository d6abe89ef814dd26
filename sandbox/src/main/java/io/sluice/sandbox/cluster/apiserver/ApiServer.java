package io.sluice.sandbox.cluster.apiserver;

import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.util.List;

/**
 * The resource API of the sandbox: create, read, list, watch, replace, patch (JSON, merge, strategic merge,
 * server-side apply) and delete of any resource type, with managedFields, generation and resourceVersion kept
 * as a real API server keeps them, server-side dry run, finalizers, garbage collection through
 * ownerReferences, namespace deletion, and label and field selectors. One request at a time: every request
 * holds the store's monitor, so a read-merge-write is atomic.
 *
 * <p>This class takes a request apart by method; one class per verb does the work ({@link ReadRequests},
 * {@link CreateRequests}, {@link UpdateRequests}, {@link ApplyRequests}, {@link DeleteRequests}), and
 * {@link ObjectWriter} stores what they produce. What it does not do (admission, validation, defaulting,
 * controllers, ...) is listed in docs/sandbox.md.
 */
final class ApiServer {

    private final ObjectStore store = new ObjectStore();
    private final ResourceTypes types = new ResourceTypes(store);
    private final Deletions deletions = new Deletions(store, types);
    private final ObjectWriter writer = new ObjectWriter(store, types, deletions);
    private final ReadRequests reads = new ReadRequests(store, types);
    private final CreateRequests creates = new CreateRequests(store, types, writer);
    private final UpdateRequests updates = new UpdateRequests(store, types, writer);
    private final ApplyRequests applies = new ApplyRequests(store, types, writer);
    private final DeleteRequests deletes = new DeleteRequests(store, reads, deletions);

    /** Discovery as of now, for the read-only endpoints. */
    Discovery discovery() {
        synchronized (store) {
            return types.discovery();
        }
    }

    MockResponse handle(RecordedRequest request, ResourcePath path) {
        synchronized (store) {
            try {
                String dryRun = path.query().get("dryRun");
                if (dryRun != null && !dryRun.equals("All")) {
                    throw ApiException.badRequest("dryRun: Unsupported value: \"" + dryRun + "\": supported values: \"All\"");
                }
                String contentType = request.getHeader("Content-Type");
                if (contentType != null && contentType.contains("protobuf")) {
                    throw new ApiException(415, "UnsupportedMediaType", "the sandbox API server reads JSON and YAML "
                            + "only, not protobuf (" + contentType + "); kubectl sends protobuf for generators such as "
                            + "'kubectl create namespace x': write a manifest and use 'kubectl apply -f' or "
                            + "'kubectl create -f' instead", null, List.of());
                }
                return switch (request.getMethod()) {
                    case "GET" -> reads.read(path);
                    case "POST" -> Responses.json(201, creates.create(path, request));
                    case "PUT" -> Responses.json(200, updates.replace(path, request));
                    case "PATCH" -> patch(path, request);
                    case "DELETE" -> Responses.json(200, deletes.delete(path, request));
                    default -> throw ApiException.methodNotAllowed(request.getMethod(), request.getPath());
                };
            } catch (ApiException e) {
                return Responses.failure(e);
            }
        }
    }

    private MockResponse patch(ResourcePath path, RecordedRequest request) {
        String contentType = Requests.contentType(request);
        if (!contentType.equals(Requests.APPLY_PATCH) && path.query().containsKey("force")) {
            throw new ApiException(422, "Invalid", "force: Forbidden: may not be specified for non-apply patch", null,
                    List.of());
        }
        if (path.name() == null) {
            throw ApiException.methodNotAllowed("PATCH", request.getPath() + " (a collection)");
        }
        if (contentType.equals(Requests.APPLY_PATCH)) {
            return applies.apply(path, request);
        }
        return Responses.json(200, updates.patch(path, request, contentType));
    }
}
