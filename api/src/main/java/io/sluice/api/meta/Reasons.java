package io.sluice.api.meta;

/**
 * Condition reasons (CamelCase, as metav1.Condition requires) with the values Flux controllers use, so that
 * alerts and {@code flux get} output read the same for Sluice as for Flux.
 */
public final class Reasons {

    // fluxcd/pkg/apis/meta: shared by all controllers
    public static final String SUCCEEDED = "Succeeded";
    public static final String FAILED = "Failed";
    public static final String PROGRESSING = "Progressing";
    /** Progressing again after a failure, on the retry interval. */
    public static final String PROGRESSING_WITH_RETRY = "ProgressingWithRetry";
    public static final String SUSPENDED = "Suspended";
    public static final String DEPENDENCY_NOT_READY = "DependencyNotReady";
    public static final String RECONCILIATION_SUCCEEDED = "ReconciliationSucceeded";
    public static final String RECONCILIATION_FAILED = "ReconciliationFailed";
    public static final String HEALTH_CHECK_FAILED = "HealthCheckFailed";
    public static final String INVALID_URL = "InvalidURL";
    public static final String INVALID_PATH = "InvalidPath";
    public static final String INVALID_CEL_EXPRESSION = "InvalidCELExpression";
    public static final String FEATURE_GATE_DISABLED = "FeatureGateDisabled";
    public static final String ACCESS_DENIED = "AccessDenied";

    // source-controller
    public static final String GIT_OPERATION_SUCCEEDED = "GitOperationSucceeded";
    public static final String GIT_OPERATION_FAILED = "GitOperationFailed";
    public static final String AUTHENTICATION_FAILED = "AuthenticationFailed";
    public static final String VERIFICATION_ERROR = "VerificationError";
    public static final String URL_INVALID = "URLInvalid";
    public static final String ARTIFACT_UP_TO_DATE = "ArtifactUpToDate";
    public static final String NEW_REVISION = "NewRevision";
    public static final String STORAGE_OPERATION_FAILED = "StorageOperationFailed";
    public static final String ARCHIVE_OPERATION_FAILED = "ArchiveOperationFailed";
    public static final String INDEX_OPERATION_FAILED = "IndexOperationFailed";
    /** IncludeUnavailable: the included GitRepository does not exist (source-controller writes the bare word). */
    public static final String INCLUDE_NOT_FOUND = "NotFound";
    /** IncludeUnavailable: the included GitRepository has no artifact yet. */
    public static final String NO_ARTIFACT = "NoArtifact";

    // kustomize-controller
    public static final String ARTIFACT_FAILED = "ArtifactFailed";
    public static final String BUILD_FAILED = "BuildFailed";
    public static final String PRUNE_FAILED = "PruneFailed";
    public static final String VALIDATION_FAILED = "ValidationFailed";

    // helm-controller
    public static final String INSTALL_SUCCEEDED = "InstallSucceeded";
    public static final String INSTALL_FAILED = "InstallFailed";
    public static final String UPGRADE_SUCCEEDED = "UpgradeSucceeded";
    public static final String UPGRADE_FAILED = "UpgradeFailed";
    public static final String TEST_SUCCEEDED = "TestSucceeded";
    public static final String TEST_FAILED = "TestFailed";
    public static final String ROLLBACK_SUCCEEDED = "RollbackSucceeded";
    public static final String ROLLBACK_FAILED = "RollbackFailed";
    public static final String UNINSTALL_SUCCEEDED = "UninstallSucceeded";
    public static final String UNINSTALL_FAILED = "UninstallFailed";
    public static final String INIT_FAILED = "InitFailed";

    // image-reflector-controller and image-automation-controller
    public static final String IMAGE_URL_INVALID = "ImageURLInvalid";
    public static final String DEPENDENCY_NOT_FOUND = "DependencyNotFound";
    public static final String POLICY_EVALUATION_FAILED = "PolicyEvaluationFailed";
    public static final String INVALID_SOURCE_CONFIG = "InvalidSourceConfig";

    // Sluice's own
    /** Stalled: a spec that retrying cannot fix (an unreadable duration, an unknown policy); only a new spec helps. */
    public static final String INVALID_SPEC = "InvalidSpec";

    // notification-controller
    public static final String TOKEN_NOT_FOUND = "TokenNotFound";
    public static final String INITIALIZATION_FAILED = "InitializationFailed";

    private Reasons() {
    }
}
