package io.sluice.kustomize;

/** Group, version, kind. Empty strings act as wildcards when a Gvk is used as a selector. */
public record Gvk(String group, String version, String kind) {
    public Gvk {
        group = group == null ? "" : group;
        version = version == null ? "" : version;
        kind = kind == null ? "" : kind;
    }

    public static Gvk of(String apiVersion, String kind) {
        String av = apiVersion == null ? "" : apiVersion;
        int slash = av.lastIndexOf('/');
        if (slash < 0) {
            return new Gvk("", av, kind);
        }
        return new Gvk(av.substring(0, slash), av.substring(slash + 1), kind);
    }

    public String apiVersion() {
        return group.isEmpty() ? version : group + "/" + version;
    }

    /** True if {@code selector} selects this gvk (empty selector fields match anything). */
    public boolean isSelectedBy(Gvk selector) {
        if (selector == null) {
            return true;
        }
        return (selector.group.isEmpty() || selector.group.equals(group))
                && (selector.version.isEmpty() || selector.version.equals(version))
                && (selector.kind.isEmpty() || selector.kind.equals(kind));
    }

    /** kustomize's Gvk.String(): group_version_kind with ~G/~V/~K for empty parts. */
    public String idString() {
        return (group.isEmpty() ? "~G" : group) + "_" + (version.isEmpty() ? "~V" : version) + "_"
                + (kind.isEmpty() ? "~K" : kind);
    }

    public boolean isClusterScoped() {
        return ClusterScope.isClusterScoped(this);
    }

    // equals and hashCode written out: a record's generated ones set up method handles on first use, which costs a
    // cold `sluice build` several milliseconds per record type (docs/kustomize.md, "Start-up")
    @Override
    public boolean equals(Object o) {
        return o instanceof Gvk g && group.equals(g.group) && version.equals(g.version) && kind.equals(g.kind);
    }

    @Override
    public int hashCode() {
        return (group.hashCode() * 31 + version.hashCode()) * 31 + kind.hashCode();
    }
}
