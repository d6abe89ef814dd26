package io.sluice.sandbox.cluster.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.util.ArrayList;
import java.util.List;

/**
 * The review types, which are asked, not stored: {@code SelfSubjectAccessReview} ("may I?", as {@code kubectl auth
 * can-i} asks), {@code SubjectAccessReview} and {@code LocalSubjectAccessReview} ("may they?"), answered by the
 * same {@link RbacAuthorizer} that checks every request, and {@code SelfSubjectReview} ("who am I?"). The answer
 * is the review with its {@code status}, 201 as from a real server. Other types that are not stored (token
 * reviews, rules reviews, bindings, component statuses) are not served by the sandbox.
 */
final class AccessReviews {

    private final RbacAuthorizer authorizer;

    AccessReviews(RbacAuthorizer authorizer) {
        this.authorizer = authorizer;
    }

    ObjectNode answer(ApiResource type, ResourcePath path, RecordedRequest request, Identity who) {
        if (!"POST".equals(request.getMethod()) || !type.kind().endsWith("Review")) {
            throw notServed(type);
        }
        ObjectNode review = (ObjectNode) Requests.object(request, path, type).tree();
        types(review, type);
        JsonNode spec = review.path("spec");
        switch (type.kind()) {
            case "SelfSubjectAccessReview" -> decide(review, who, attributes(spec, ""));
            case "LocalSubjectAccessReview" -> decide(review, subject(spec), attributes(spec, path.namespace()));
            case "SubjectAccessReview" -> decide(review, subject(spec), attributes(spec, ""));
            case "SelfSubjectReview" -> {
                ObjectNode user = review.putObject("status").putObject("userInfo").put("username", who.user());
                who.groups().forEach(user.withArray("groups")::add);
            }
            default -> throw notServed(type);
        }
        return review;
    }

    private static ApiException notServed(ApiResource type) {
        return ApiException.notFound("the server could not find the requested resource (" + type.plural()
                + (type.group().isEmpty() ? "" : "." + type.group()) + " is not served by the sandbox)");
    }

    private void decide(ObjectNode review, Identity who, RequestAttributes what) {
        RbacAuthorizer.Decision decision = authorizer.decide(who, what);
        ObjectNode status = review.putObject("status").put("allowed", decision.allowed());
        if (!decision.reason().isEmpty()) {
            status.put("reason", decision.reason());
        }
    }

    private static void types(ObjectNode review, ApiResource type) {
        review.put("kind", type.kind()).put("apiVersion", type.groupVersion());
        ObjectNode metadata = Json.metadata(review);
        metadata.putNull("creationTimestamp");
    }

    private static Identity subject(JsonNode spec) {
        List<String> groups = new ArrayList<>();
        spec.path("groups").forEach(g -> groups.add(g.asText()));
        return new Identity(spec.path("user").asText(""), groups);
    }

    /** What the review asks about; a local review's namespace is its own. */
    private static RequestAttributes attributes(JsonNode spec, String namespace) {
        JsonNode nonResource = spec.path("nonResourceAttributes");
        if (nonResource.isObject()) {
            return RequestAttributes.nonResource(nonResource.path("verb").asText(""), nonResource.path("path").asText(""));
        }
        JsonNode resource = spec.path("resourceAttributes");
        String inNamespace = namespace == null || namespace.isEmpty() ? resource.path("namespace").asText("") : namespace;
        return new RequestAttributes(resource.path("verb").asText(""), resource.path("group").asText(""),
                resource.path("resource").asText(""), resource.path("subresource").asText(""), inNamespace,
                resource.path("name").asText(""), null);
    }
}
