package io.sluice.apply.ssa;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.sluice.api.events.ChangeAction;
import io.sluice.api.events.ChangeSetEntry;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Deletes the objects that left Git: those in the last inventory and not in the new one (Flux's
 * garbage collection with {@code spec.prune: true}).
 *
 * <ul>
 *   <li>In {@link KindOrder#DELETE_ORDER}: the apply order backwards, so Namespaces and then CRDs go
 *       last (deleting them first would take the other objects with them unreported).</li>
 *   <li>Only an object that still carries this Kustomization's name and namespace labels is deleted;
 *       one another owner took over (other labels) is left alone and reported {@code skipped}.</li>
 *   <li>One annotated {@code kustomize.toolkit.fluxcd.io/prune: disabled} is left alone, {@code skipped}.</li>
 *   <li>One already gone, or already being deleted, is not reported.</li>
 *   <li>Deletion propagates in the background, as Flux does: dependents go after the object.</li>
 * </ul>
 */
public final class Pruner {

    private final Deleter deleter;

    public Pruner(KubernetesClient client) {
        this.deleter = new Deleter(client);
    }

    /**
     * Deletes what is in {@code last} and not in {@code next}; the change set has {@code deleted} and {@code skipped}
     * entries. Every object is tried; those the server refused to delete fail the prune together.
     *
     * @throws ApplyException phase {@link ApplyException.Phase#PRUNE}, naming each object not deleted with the server's
     *                        reason; its change set is what was deleted or skipped
     */
    public ChangeSet prune(Inventory last, Inventory next, ApplyOptions options) {
        List<ObjectRef> removed = new ArrayList<>(last.removedIn(next));
        removed.sort(KindOrder.DELETE_ORDER);
        List<ChangeSetEntry> entries = new ArrayList<>();
        List<ApplyException.Failure> failures = new ArrayList<>();
        for (ObjectRef ref : removed) {
            try {
                GenericKubernetesResource live = deleter.live(ref);
                if (live == null || live.getMetadata().getDeletionTimestamp() != null) {
                    continue;
                }
                if (!ownedBy(live, options) || pruneDisabled(live)) {
                    entries.add(ChangeSet.entry(ref, ChangeAction.SKIPPED));
                    continue;
                }
                deleter.delete(ref);
                entries.add(ChangeSet.entry(ref, ChangeAction.DELETED));
            } catch (KubernetesClientException e) {
                if (ServerErrors.notFound(e)) {
                    continue; // its kind is no longer served (CRD gone): so is the object
                }
                failures.add(new ApplyException.Failure(ref, ServerErrors.message(e)));
            }
        }
        if (!failures.isEmpty()) {
            throw new ApplyException(ApplyException.Phase.PRUNE, failures, new ChangeSet(entries));
        }
        return new ChangeSet(entries);
    }

    static boolean ownedBy(GenericKubernetesResource live, ApplyOptions options) {
        Map<String, String> labels = live.getMetadata().getLabels();
        return labels != null
                && options.ownerName().equals(labels.get(ApplyOptions.NAME_LABEL))
                && options.ownerNamespace().equals(labels.get(ApplyOptions.NAMESPACE_LABEL));
    }

    static boolean pruneDisabled(GenericKubernetesResource live) {
        Map<String, String> annotations = live.getMetadata().getAnnotations();
        return annotations != null && ApplyOptions.PRUNE_DISABLED.equals(annotations.get(ApplyOptions.PRUNE_ANNOTATION));
    }
}
