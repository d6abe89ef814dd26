package io.sluice.api.meta;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.CustomResource;
import io.sluice.api.helm.HelmRelease;
import io.sluice.api.image.ImagePolicy;
import io.sluice.api.image.ImageRepository;
import io.sluice.api.image.ImageUpdateAutomation;
import io.sluice.api.kustomize.Kustomization;
import io.sluice.api.notification.Alert;
import io.sluice.api.notification.Provider;
import io.sluice.api.notification.Receiver;
import io.sluice.api.source.GitRepository;
import io.sluice.api.source.HelmChart;
import io.sluice.api.source.HelmRepository;
import io.sluice.api.source.OCIRepository;

import java.util.List;
import java.util.Optional;

/**
 * The Flux kinds Sluice reads, in one place: to register their CRDs, to pick the class for a manifest by
 * {@code apiVersion} and {@code kind}, and to name them in messages.
 */
public final class FluxKinds {

    /** Every kind with a model class; each has a generated CRD {@code <plural>.<group>-v1.yml}. */
    public static final List<Class<? extends CustomResource<?, ?>>> ALL = List.of(
            GitRepository.class,
            HelmRepository.class,
            HelmChart.class,
            OCIRepository.class,
            Kustomization.class,
            HelmRelease.class,
            ImageRepository.class,
            ImagePolicy.class,
            ImageUpdateAutomation.class,
            Alert.class,
            Provider.class,
            Receiver.class);

    private FluxKinds() {
    }

    /** The model class for {@code apiVersion} (group/version) and {@code kind}, if Sluice has one. */
    public static Optional<Class<? extends CustomResource<?, ?>>> find(String apiVersion, String kind) {
        return ALL.stream()
                .filter(type -> HasMetadata.getApiVersion(type).equals(apiVersion) && HasMetadata.getKind(type).equals(kind))
                .findFirst();
    }

    /**
     * Like {@link #find} but fails with a message that lists what is supported, for a manifest that names a
     * kind or version Sluice does not read (e.g. {@code kustomize.toolkit.fluxcd.io/v1beta2}).
     */
    public static Class<? extends CustomResource<?, ?>> require(String apiVersion, String kind) {
        return find(apiVersion, kind).orElseThrow(() -> new IllegalArgumentException(
                "Sluice does not read " + kind + " in " + apiVersion + "; supported: " + supported()
                        + ". Convert older Flux versions with 'flux migrate' or change apiVersion."));
    }

    /** The CRD name, {@code <plural>.<group>}, e.g. {@code gitrepositories.source.toolkit.fluxcd.io}. */
    public static String crdName(Class<? extends CustomResource<?, ?>> type) {
        return CustomResource.getCRDName(type);
    }

    private static String supported() {
        StringBuilder out = new StringBuilder();
        for (Class<? extends CustomResource<?, ?>> type : ALL) {
            if (!out.isEmpty()) {
                out.append(", ");
            }
            out.append(HasMetadata.getKind(type)).append(" (").append(HasMetadata.getApiVersion(type)).append(')');
        }
        return out.toString();
    }
}
