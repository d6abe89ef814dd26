package io.sluice.api.helm;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The names helm-controller derives from a HelmRelease, in one place for the services that need them: the release
 * name, where its objects go, where its release Secrets go, and the HelmChart made for {@code spec.chart}.
 */
public final class HelmReleaseNames {

    /** Helm refuses release names longer than this; Flux shortens longer ones with a hash. */
    static final int MAX_RELEASE_NAME = 53;
    private static final int SHORT_HASH = 12;

    private HelmReleaseNames() {
    }

    /**
     * {@code spec.releaseName}, else {@code <targetNamespace>-<name>} with a target namespace, else the HelmRelease's
     * name; longer than 53 characters it is cut to 40 and given a dash and 12 hex digits of its SHA-256, as Flux does.
     */
    public static String releaseName(HelmRelease release) {
        HelmReleaseSpec spec = release.getSpec();
        String name;
        if (spec != null && notEmpty(spec.getReleaseName())) {
            name = spec.getReleaseName();
        } else if (spec != null && notEmpty(spec.getTargetNamespace())) {
            name = spec.getTargetNamespace() + "-" + release.getMetadata().getName();
        } else {
            name = release.getMetadata().getName();
        }
        return shorten(name);
    }

    /** {@code spec.targetNamespace}, else the HelmRelease's namespace. */
    public static String releaseNamespace(HelmRelease release) {
        HelmReleaseSpec spec = release.getSpec();
        return spec != null && notEmpty(spec.getTargetNamespace()) ? spec.getTargetNamespace() : release.getMetadata().getNamespace();
    }

    /** {@code spec.storageNamespace}, else the HelmRelease's namespace. */
    public static String storageNamespace(HelmRelease release) {
        HelmReleaseSpec spec = release.getSpec();
        return spec != null && notEmpty(spec.getStorageNamespace()) ? spec.getStorageNamespace() : release.getMetadata().getNamespace();
    }

    /** The HelmChart made for {@code spec.chart}: {@code <namespace>-<name>}, in the source's namespace. */
    public static String helmChartName(HelmRelease release) {
        return release.getMetadata().getNamespace() + "-" + release.getMetadata().getName();
    }

    static String shorten(String name) {
        if (name.length() <= MAX_RELEASE_NAME) {
            return name;
        }
        try {
            String sum = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8)));
            return name.substring(0, MAX_RELEASE_NAME - (SHORT_HASH + 1)) + "-" + sum.substring(0, SHORT_HASH);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static boolean notEmpty(String value) {
        return value != null && !value.isEmpty();
    }
}
