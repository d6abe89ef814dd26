package io.sluice.cli.flux;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.sluice.api.helm.HelmRelease;
import io.sluice.api.image.ImagePolicy;
import io.sluice.api.image.ImageRepository;
import io.sluice.api.image.ImageUpdateAutomation;
import io.sluice.api.kustomize.Kustomization;
import io.sluice.api.notification.Alert;
import io.sluice.api.notification.Provider;
import io.sluice.api.notification.Receiver;
import io.sluice.api.source.GitRepository;
import java.util.function.Function;

/**
 * The Flux kinds {@code sluice get} lists and {@code sluice reconcile} reconciles, each with how its REVISION column
 * is read. Read as generic objects, so a field Sluice's models do not know yet does not break listing.
 */
public enum FluxKind {
    GIT_REPOSITORY(GitRepository.class, o -> o.text("status", "artifact", "revision"), true),
    KUSTOMIZATION(Kustomization.class, o -> o.text("status", "lastAppliedRevision"), true),
    HELM_RELEASE(HelmRelease.class, o -> o.text("status", "lastAttemptedRevision"), true),
    /** As {@code flux get images repository}: its "revision" column is the last scan time. */
    IMAGE_REPOSITORY(ImageRepository.class, "LAST SCAN", o -> o.text("status", "lastScanResult", "scanTime"), true, true),
    /** As {@code flux get images policy}: the latest image the policy chose, and no SUSPENDED column. */
    IMAGE_POLICY(ImagePolicy.class, "LATEST IMAGE", FluxKind::latestImage, true, false),
    /** As {@code flux get images update}: when it last ran. */
    IMAGE_UPDATE(ImageUpdateAutomation.class, "LAST RUN", o -> o.text("status", "lastAutomationRunTime"), true, true),
    RECEIVER(Receiver.class, null, true),
    /** notification.toolkit.fluxcd.io/v1beta3 Alerts and Providers are static: they have no status. */
    ALERT(Alert.class, null, false),
    PROVIDER(Provider.class, null, false);

    private final Class<? extends CustomResource<?, ?>> type;
    private final String revisionHeader;
    private final Function<FluxObject, String> revision;
    private final boolean hasStatus;
    private final boolean hasSuspend;

    FluxKind(Class<? extends CustomResource<?, ?>> type, Function<FluxObject, String> revision, boolean hasStatus) {
        this(type, "REVISION", revision, hasStatus, true);
    }

    FluxKind(Class<? extends CustomResource<?, ?>> type, String revisionHeader, Function<FluxObject, String> revision,
             boolean hasStatus, boolean hasSuspend) {
        this.type = type;
        this.revisionHeader = revisionHeader;
        this.revision = revision;
        this.hasStatus = hasStatus;
        this.hasSuspend = hasSuspend;
    }

    /** {@code GitRepository}, {@code Kustomization}, ... */
    public String kind() {
        return HasMetadata.getKind(type);
    }

    /** {@code source.toolkit.fluxcd.io/v1}, ... */
    public String apiVersion() {
        return HasMetadata.getApiVersion(type);
    }

    /** The CRD name, e.g. {@code gitrepositories.source.toolkit.fluxcd.io}, for "CRD missing" messages. */
    public String crdName() {
        return CustomResource.getCRDName(type);
    }

    public ResourceDefinitionContext context() {
        return ResourceDefinitionContext.fromResourceType(type);
    }

    public boolean hasRevision() {
        return revision != null;
    }

    /** The header of the revision column: REVISION, or what the image kinds show there (LAST SCAN, LATEST IMAGE, LAST RUN). */
    public String revisionHeader() {
        return revisionHeader;
    }

    /** False for ImagePolicy, which {@code flux get images policy} lists without a SUSPENDED column. */
    public boolean hasSuspend() {
        return hasSuspend;
    }

    public boolean hasStatus() {
        return hasStatus;
    }

    /** The REVISION column; empty when the object has none yet. */
    public String revisionOf(FluxObject object) {
        String value = revision == null ? null : revision.apply(object);
        return value == null ? "" : value;
    }

    private static String latestImage(FluxObject policy) {
        String name = policy.text("status", "latestRef", "name");
        String tag = policy.text("status", "latestRef", "tag");
        return name == null ? null : tag == null ? name : name + ":" + tag;
    }
}
