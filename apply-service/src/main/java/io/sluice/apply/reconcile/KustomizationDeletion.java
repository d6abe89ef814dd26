package io.sluice.apply.reconcile;

import io.sluice.api.events.ObjectEvent;
import io.sluice.api.events.Severity;
import io.sluice.api.events.SluiceEvent;
import io.sluice.api.kustomize.Kustomization;
import io.sluice.api.kustomize.ResourceInventory;
import io.sluice.api.meta.ObjectKey;
import io.sluice.apply.ssa.ChangeSet;
import io.sluice.apply.ssa.Inventory;
import io.sluice.apply.ssa.Pruner;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What happens to a deleted Kustomization's objects, as Flux's finalizer decides: with {@code spec.deletionPolicy}
 * {@code Delete} or {@code WaitForTermination}, or the default {@code MirrorPrune} with {@code spec.prune: true}, the
 * objects of its last inventory are deleted with {@link Pruner} (only those still carrying its owner labels, never
 * those annotated {@code prune: disabled}) and an info event {@code GarbageCollected} lists them; otherwise they stay.
 */
final class KustomizationDeletion {

    private static final Logger LOG = Logger.getLogger(KustomizationDeletion.class);
    /** Event reason after the objects of a deleted Kustomization were deleted. */
    static final String GARBAGE_COLLECTED = "GarbageCollected";

    private final Appliers appliers;
    private final Consumer<SluiceEvent> publish;
    private final Duration defaultInterval;

    KustomizationDeletion(Appliers appliers, Consumer<SluiceEvent> publish, Duration defaultInterval) {
        this.appliers = appliers;
        this.publish = publish;
        this.defaultInterval = defaultInterval;
    }

    /** The Kustomization as last seen before it was deleted; called on the replica that owns it. */
    void deleted(Kustomization ks) {
        ObjectKey key = KustomizationWatcher.key(ks);
        KustomizationSettings settings;
        try {
            settings = KustomizationSettings.of(ks, defaultInterval);
        } catch (KustomizationSettings.InvalidSpecException e) {
            LOG.warnf("%s was deleted with an invalid spec (%s); its objects are left in the cluster", key, e.getMessage());
            return;
        }
        ResourceInventory inventory = ks.getStatus() == null ? null : ks.getStatus().getInventory();
        if (!settings.deletesObjectsOnDeletion() || inventory == null || inventory.getEntries() == null || inventory.getEntries().isEmpty()) {
            LOG.infof("%s was deleted; its objects stay in the cluster (deletionPolicy %s, prune %s)", key, settings.deletionPolicy(), settings.prune());
            return;
        }
        ChangeSet deleted = new Pruner(appliers.clientFor(settings.impersonatedUser()))
                .prune(Inventory.from(inventory), Inventory.empty(), settings.applyOptions());
        String message = deleted.entries().isEmpty() ? "no objects left to delete" : deleted.summary();
        LOG.infof("%s was deleted; its objects were deleted: %s", key, message);
        String revision = ks.getStatus().getLastAppliedRevision();
        publish.accept(new ObjectEvent(key, Severity.INFO, GARBAGE_COLLECTED, message, revision, Map.of(), Instant.now(),
                KustomizationApplyHandler.CONTROLLER));
    }
}
