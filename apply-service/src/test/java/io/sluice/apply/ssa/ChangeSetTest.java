package io.sluice.apply.ssa;

import io.sluice.api.events.ChangeAction;
import io.sluice.api.events.ChangeSetEntry;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What an apply and a prune did, object by object. */
class ChangeSetTest {

    private static final ObjectRef NAMESPACE = new ObjectRef("v1", "Namespace", "", "apps");
    private static final ObjectRef CONFIG = new ObjectRef("v1", "ConfigMap", "apps", "settings");
    private static final ObjectRef WEB = new ObjectRef("apps/v1", "Deployment", "apps", "web");
    private static final ObjectRef OLD = new ObjectRef("v1", "ConfigMap", "apps", "old");
    private static final ObjectRef KEPT = new ObjectRef("v1", "ConfigMap", "apps", "kept");

    private static final ChangeSet APPLIED = new ChangeSet(List.of(ChangeSet.entry(NAMESPACE, ChangeAction.UNCHANGED),
            ChangeSet.entry(CONFIG, ChangeAction.CONFIGURED), ChangeSet.entry(WEB, ChangeAction.CREATED)));
    private static final ChangeSet PRUNED = new ChangeSet(List.of(ChangeSet.entry(OLD, ChangeAction.DELETED),
            ChangeSet.entry(KEPT, ChangeAction.SKIPPED)));

    @Test
    void anEntryCarriesTheObjectAndWhatHappened() {
        assertThat(ChangeSet.entry(WEB, ChangeAction.CREATED))
                .isEqualTo(new ChangeSetEntry("apps/v1", "Deployment", "apps", "web", ChangeAction.CREATED));
    }

    @Test
    void theApplyThenThePruneInTheOrderTheyHappened() {
        assertThat(APPLIED.plus(PRUNED).entries()).extracting(ChangeSetEntry::objectName).containsExactly(
                "Namespace/apps", "ConfigMap/apps/settings", "Deployment/apps/web", "ConfigMap/apps/old", "ConfigMap/apps/kept");
        assertThat(APPLIED.plus(PRUNED).entries(ChangeAction.DELETED)).extracting(ChangeSetEntry::objectName)
                .containsExactly("ConfigMap/apps/old");
    }

    @Test
    void theAppliedObjectsAreWhatTheNewInventoryLists() {
        assertThat(APPLIED.plus(PRUNED).applied()).containsExactly(NAMESPACE, CONFIG, WEB);
    }

    @Test
    void anObjectIsLookedUpWhateverItsVersion() {
        assertThat(APPLIED.actionOf(new ObjectRef("apps/v1beta2", "Deployment", "apps", "web"))).contains(ChangeAction.CREATED);
        assertThat(APPLIED.actionOf(OLD)).isEmpty();
    }

    @Test
    void onlyCreatedConfiguredOrDeletedCountsAsAChange() {
        assertThat(APPLIED.changedAnything()).isTrue();
        assertThat(new ChangeSet(List.of(ChangeSet.entry(NAMESPACE, ChangeAction.UNCHANGED), ChangeSet.entry(KEPT, ChangeAction.SKIPPED)))
                .changedAnything()).isFalse();
        assertThat(PRUNED.changedAnything()).isTrue();
        assertThat(ChangeSet.empty().changedAnything()).isFalse();
    }

    @Test
    void theEntriesAreACopy() {
        List<ChangeSetEntry> entries = new ArrayList<>(List.of(ChangeSet.entry(WEB, ChangeAction.CREATED)));
        ChangeSet changeSet = new ChangeSet(entries);
        entries.clear();

        assertThat(changeSet.entries()).hasSize(1);
    }

    @Test
    void theSummaryListsTheChangesOrSaysNothingChanged() {
        assertThat(APPLIED.plus(PRUNED).summary()).isEqualTo("ConfigMap/apps/settings configured, Deployment/apps/web created,"
                + " ConfigMap/apps/old deleted, ConfigMap/apps/kept skipped");
        assertThat(new ChangeSet(List.of(ChangeSet.entry(NAMESPACE, ChangeAction.UNCHANGED))).summary())
                .isEqualTo("no changes (1 objects unchanged)");
    }
}
