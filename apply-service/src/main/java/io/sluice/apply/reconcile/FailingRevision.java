package io.sluice.apply.reconcile;

import io.fabric8.kubernetes.api.model.Condition;
import io.sluice.api.kustomize.KustomizationStatus;
import io.sluice.api.meta.ConditionTypes;
import io.sluice.api.meta.Conditions;
import io.sluice.api.meta.Reasons;

import java.util.Optional;

/**
 * A newer revision of the Kustomization's source that does not build, while the desired state here is still the last
 * good rendering. render-service publishes nothing for a revision it cannot fetch or build; it marks the Kustomization
 * Ready=False ({@code ArtifactFailed} or {@code BuildFailed}) with that revision in {@code lastAttemptedRevision}. Flux
 * keeps it so until a commit fixes it, while the objects of the last good revision keep running: apply-service may
 * still correct drift of the last good rendering then, but must not report the Kustomization Ready over the failure
 * (issue 11, "a broken commit stays broken").
 *
 * <p>Told apart from apply-service's own failures by the revision: those always record the rendering's own revision.
 */
final class FailingRevision {

    private FailingRevision() {
    }

    /**
     * The Ready condition of a failing newer revision, when the status shows one.
     *
     * @param appliedRevision the revision of the rendering that is the desired state and was applied before
     */
    static Optional<Condition> of(KustomizationStatus status, String appliedRevision) {
        String attempted = status.getLastAttemptedRevision();
        if (attempted == null || attempted.equals(appliedRevision)) {
            return Optional.empty();
        }
        return Conditions.get(status, ConditionTypes.READY)
                .filter(ready -> Conditions.FALSE.equals(ready.getStatus()))
                .filter(ready -> Reasons.BUILD_FAILED.equals(ready.getReason()) || Reasons.ARTIFACT_FAILED.equals(ready.getReason()));
    }
}
