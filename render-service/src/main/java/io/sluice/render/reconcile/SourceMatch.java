package io.sluice.render.reconcile;

import io.sluice.api.kustomize.Kustomization;
import io.sluice.api.meta.CrossNamespaceSourceReference;
import io.sluice.api.meta.ObjectKey;

/** Whether a Kustomization's {@code spec.sourceRef} names a source object (its namespace defaults to the Kustomization's). */
public final class SourceMatch {

    private SourceMatch() {
    }

    public static boolean refersTo(Kustomization ks, ObjectKey source) {
        if (ks.getSpec() == null || ks.getSpec().getSourceRef() == null || ks.getMetadata() == null) {
            return false;
        }
        CrossNamespaceSourceReference ref = ks.getSpec().getSourceRef();
        String namespace = ref.getNamespace() == null || ref.getNamespace().isEmpty()
                ? ks.getMetadata().getNamespace() : ref.getNamespace();
        return source.kind().equals(ref.getKind()) && source.name().equals(ref.getName())
                && source.namespace().equals(namespace);
    }

    public static ObjectKey keyOf(Kustomization ks) {
        return ObjectKey.of(Kustomization.KIND, ks.getMetadata().getNamespace(), ks.getMetadata().getName());
    }
}
