package io.sluice.api.meta;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;
import java.util.Map;

/**
 * Which namespaces may refer to an object from another namespace (Flux acl.AccessFrom): an ImageRepository with
 * {@code accessFrom.namespaceSelectors[].matchLabels} is visible to ImagePolicies in namespaces whose labels match
 * one of the selectors.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class AccessFrom extends KeepsUnknownFields {

    private List<NamespaceSelector> namespaceSelectors;

    public List<NamespaceSelector> getNamespaceSelectors() {
        return namespaceSelectors;
    }

    public void setNamespaceSelectors(List<NamespaceSelector> namespaceSelectors) {
        this.namespaceSelectors = namespaceSelectors;
    }

    /** One selector: every label in {@code matchLabels} must be on the namespace; an empty one matches all. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static class NamespaceSelector extends KeepsUnknownFields {

        private Map<String, String> matchLabels;

        public Map<String, String> getMatchLabels() {
            return matchLabels;
        }

        public void setMatchLabels(Map<String, String> matchLabels) {
            this.matchLabels = matchLabels;
        }
    }

    /** Whether a namespace with these labels may refer to the object. */
    public boolean admits(Map<String, String> namespaceLabels) {
        if (namespaceSelectors == null) {
            return false;
        }
        Map<String, String> labels = namespaceLabels == null ? Map.of() : namespaceLabels;
        return namespaceSelectors.stream().anyMatch(s -> s.getMatchLabels() == null
                || s.getMatchLabels().entrySet().stream().allMatch(e -> e.getValue().equals(labels.get(e.getKey()))));
    }
}
