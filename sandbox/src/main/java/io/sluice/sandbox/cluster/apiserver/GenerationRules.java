package io.sluice.sandbox.cluster.apiserver;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Set;

/**
 * Which objects have a {@code metadata.generation} and when it goes up, as each kind's strategy decides on a real
 * server: custom resources, CRDs and the workload, networking, policy and admission kinds have one; ConfigMaps,
 * Secrets, Services, Pods and most core kinds have none. It goes up when anything but metadata (and status, where a
 * status subresource exists) changes; a Deployment's also when its annotations change.
 */
final class GenerationRules {

    private static final Set<String> TRACKED_GROUPS = Set.of("apps", "batch", "policy", "admissionregistration.k8s.io",
            "apiextensions.k8s.io", "flowcontrol.apiserver.k8s.io");
    private static final Set<String> TRACKED_KINDS = Set.of("/ReplicationController", "networking.k8s.io/Ingress",
            "networking.k8s.io/IngressClass", "networking.k8s.io/NetworkPolicy");

    private GenerationRules() {
    }

    /** @param custom whether a CRD defines the kind */
    static boolean tracked(String group, String kind, boolean custom) {
        return custom || TRACKED_GROUPS.contains(group) || TRACKED_KINDS.contains(group + "/" + kind);
    }

    /** Whether an update from {@code live} to {@code desired} bumps the generation. */
    static boolean bumps(String group, String kind, ObjectNode live, ObjectNode desired, boolean hasStatus) {
        if (!Json.sameExcept(live, desired, hasStatus ? List.of("metadata", "status") : List.of("metadata"))) {
            return true;
        }
        return group.equals("apps") && kind.equals("Deployment")
                && !Json.same(live.path("metadata").get("annotations"), desired.path("metadata").get("annotations"));
    }
}
