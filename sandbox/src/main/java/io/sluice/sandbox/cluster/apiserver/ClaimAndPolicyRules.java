package io.sluice.sandbox.cluster.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Two small kinds' rules: PersistentVolumeClaims and NetworkPolicies. */
final class ClaimAndPolicyRules {

    private ClaimAndPolicyRules() {
    }

    /** PVCs: {@code volumeMode: Filesystem}, phase Pending, access modes and a storage request, an immutable spec. */
    static final KindRules CLAIMS = new KindRules() {
        @Override
        public void defaults(ObjectNode object) {
            Defaults.putIfAbsent(Defaults.object(object, "spec"), "volumeMode", "Filesystem");
            Defaults.putIfAbsent(Defaults.object(object, "status"), "phase", "Pending");
        }

        @Override
        public void validate(ObjectNode object, FieldErrors errors) {
            JsonNode spec = object.path("spec");
            if (spec.path("accessModes").isEmpty()) {
                errors.required("spec.accessModes", "at least 1 access mode is required");
            }
            if (!spec.path("resources").path("requests").has("storage")) {
                errors.required("spec.resources[storage]", "");
            }
        }

        @Override
        public void validateUpdate(ObjectNode live, ObjectNode desired, FieldErrors errors) {
            if (!Json.same(withoutRequests(live), withoutRequests(desired))) {
                errors.forbidden("spec", "spec is immutable after creation except resources.requests and "
                        + "volumeAttributesClassName for bound claims");
            }
        }

        private ObjectNode withoutRequests(ObjectNode claim) {
            ObjectNode spec = claim.get("spec") instanceof ObjectNode existing ? existing.deepCopy() : Json.object();
            if (spec.get("resources") instanceof ObjectNode resources) {
                resources.remove("requests");
            }
            spec.remove("volumeAttributesClassName");
            return spec;
        }
    };

    /** NetworkPolicies: ports' {@code protocol: TCP}, {@code policyTypes} from the rules given. */
    static final KindRules NETWORK_POLICIES = new KindRules() {
        @Override
        public void defaults(ObjectNode object) {
            ObjectNode spec = Defaults.object(object, "spec");
            for (String direction : new String[] {"ingress", "egress"}) {
                for (JsonNode rule : spec.path(direction)) {
                    for (JsonNode port : rule.path("ports")) {
                        if (port instanceof ObjectNode entry) {
                            Defaults.putIfAbsent(entry, "protocol", "TCP");
                        }
                    }
                }
            }
            if (spec.path("policyTypes").isEmpty()) {
                spec.putArray("policyTypes").add("Ingress");
                if (spec.has("egress")) {
                    ((com.fasterxml.jackson.databind.node.ArrayNode) spec.get("policyTypes")).add("Egress");
                }
            }
        }
    };
}
