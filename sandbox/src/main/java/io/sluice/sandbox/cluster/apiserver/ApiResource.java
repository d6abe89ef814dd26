package io.sluice.sandbox.cluster.apiserver;

import java.util.List;

/** One resource type as API discovery describes it: where it lives, what it is called, its short names. */
record ApiResource(String group, String version, String kind, String plural, boolean namespaced,
        List<String> shortNames, boolean hasStatus) {

    /** {@code v1} for the core group, {@code group/version} otherwise. */
    String groupVersion() {
        return group.isEmpty() ? version : group + "/" + version;
    }

    String singular() {
        return kind.toLowerCase(java.util.Locale.ROOT);
    }
}
