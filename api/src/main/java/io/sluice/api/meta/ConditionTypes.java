package io.sluice.api.meta;

/**
 * Condition types written by Flux controllers, so that Flux's CLI and dashboards read Sluice's status as
 * their own. The first four are from {@code fluxcd/pkg/apis/meta}; the rest are kind-specific.
 */
public final class ConditionTypes {

    /** The object is fully reconciled (True), failed (False) or in progress (Unknown). Every kind has it. */
    public static final String READY = "Ready";
    /** A reconciliation is under way; True only while work is in progress. */
    public static final String RECONCILING = "Reconciling";
    /** Reconciliation cannot go on without a change to the object (e.g. an invalid spec); retrying will not help. */
    public static final String STALLED = "Stalled";
    /** Result of the last health assessment of a Kustomization's or HelmRelease's objects. */
    public static final String HEALTHY = "Healthy";

    // source-controller
    /** The artifact in storage matches the latest revision of the source. */
    public static final String ARTIFACT_IN_STORAGE = "ArtifactInStorage";
    /** The stored artifact is older than the latest revision; a new one is being made. */
    public static final String ARTIFACT_OUTDATED = "ArtifactOutdated";
    /** Fetching the source failed (clone, auth, network). A negative-polarity condition: present only when True. */
    public static final String FETCH_FAILED = "FetchFailed";
    /** The commit or tag signature was verified ({@code spec.verify}). */
    public static final String SOURCE_VERIFIED = "SourceVerified";
    /** A GitRepository named in {@code spec.include} has no artifact yet. */
    public static final String INCLUDE_UNAVAILABLE = "IncludeUnavailable";
    /** Building the artifact failed: a HelmChart that could not be packaged (values files, dependencies, Chart.yaml). */
    public static final String BUILD_FAILED = "BuildFailed";
    /** Writing the artifact to storage failed. */
    public static final String STORAGE_OPERATION_FAILED = "StorageOperationFailed";

    // helm-controller
    /** The last Helm install or upgrade succeeded. */
    public static final String RELEASED = "Released";
    /** The Helm tests of the last release passed. */
    public static final String TEST_SUCCESS = "TestSuccess";
    /** The last failed release was rolled back or uninstalled. */
    public static final String REMEDIATED = "Remediated";
    /** The cluster's objects drifted from the release manifest ({@code spec.driftDetection}). */
    public static final String DRIFTED = "Drifted";

    private ConditionTypes() {
    }
}
