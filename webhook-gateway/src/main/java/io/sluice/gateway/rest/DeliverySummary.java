package io.sluice.gateway.rest;

import io.sluice.api.meta.ObjectKey;
import io.sluice.gateway.payload.GitPush;
import io.sluice.gateway.payload.ImagePush;
import java.util.ArrayList;
import java.util.List;

/**
 * The answer text of an accepted delivery: what was published, named, so the caller of a webhook (a person with
 * curl, a Git host's delivery log) sees what it set in motion, e.g.
 * {@code accepted delivery sluice-…: 1 reconcile request for GitRepository flux-system/quickstart}.
 */
final class DeliverySummary {

    /** More names than this are counted, not listed: the answer stays one readable line. */
    static final int NAMED = 3;

    private DeliverySummary() {
    }

    static String of(String eventType, String deliveryId, List<GitPush> gitPushes, List<ImagePush> imagePushes,
                     List<ObjectKey> requests) {
        List<String> parts = new ArrayList<>();
        if (!gitPushes.isEmpty()) {
            parts.add(count(gitPushes.size(), "git push", "git pushes") + " ("
                    + named(gitPushes.stream().map(p -> p.ref() + " of " + p.repository().key()).toList()) + ")");
        }
        if (!imagePushes.isEmpty()) {
            parts.add(count(imagePushes.size(), "image push", "image pushes") + " ("
                    + named(imagePushes.stream().map(p -> p.registry() + "/" + p.repository() + (p.tag() == null ? "" : ":" + p.tag())).toList()) + ")");
        }
        if (requests.isEmpty()) {
            parts.add("no reconcile request (the Receiver's spec.resources match no object)");
        } else {
            parts.add(count(requests.size(), "reconcile request", "reconcile requests") + " for "
                    + named(requests.stream().map(o -> o.kind() + " " + o.namespace() + "/" + o.name()).toList()));
        }
        return "accepted " + (eventType == null ? "" : "'" + eventType + "' ") + "delivery " + deliveryId + ": "
                + String.join(", ", parts);
    }

    private static String count(int n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }

    private static String named(List<String> names) {
        if (names.size() <= NAMED) {
            return String.join(", ", names);
        }
        return String.join(", ", names.subList(0, NAMED)) + " and " + (names.size() - NAMED) + " more";
    }
}
