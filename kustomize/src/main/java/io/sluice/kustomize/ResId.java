package io.sluice.kustomize;

/** A resource's identity: gvk, name and namespace ("" when unset). */
public record ResId(Gvk gvk, String name, String namespace) {
    public ResId {
        name = name == null ? "" : name;
        namespace = namespace == null ? "" : namespace;
    }

    /** kustomize treats an empty namespace on a namespaced object as "default". */
    public String effectiveNamespace() {
        if (gvk.isClusterScoped()) {
            return "";
        }
        return namespace.isEmpty() ? "default" : namespace;
    }

    public boolean isNsEquals(ResId o) {
        return effectiveNamespace().equals(o.effectiveNamespace());
    }

    /** Same gvk, name and effective namespace. */
    public boolean matches(ResId o) {
        return gvk.equals(o.gvk) && name.equals(o.name) && isNsEquals(o);
    }

    // equals and hashCode written out, as in Gvk: no method handle set-up on a cold start
    @Override
    public boolean equals(Object o) {
        return o instanceof ResId r && gvk.equals(r.gvk) && name.equals(r.name) && namespace.equals(r.namespace);
    }

    @Override
    public int hashCode() {
        return (gvk.hashCode() * 31 + name.hashCode()) * 31 + namespace.hashCode();
    }

    @Override
    public String toString() {
        return gvk.idString() + "|" + (namespace.isEmpty() ? "~X" : namespace) + "|" + (name.isEmpty() ? "~N" : name);
    }

    /** Human form for error messages: Kind/namespace/name. */
    public String describe() {
        String av = gvk.apiVersion();
        return (av.isEmpty() ? "" : av + ", ") + "Kind=" + gvk.kind() + ", "
                + (namespace.isEmpty() ? "" : "Namespace=" + namespace + ", ") + "Name=" + name;
    }
}
