package io.sluice.sandbox.cluster.apiserver;

import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The order Kubernetes gives API versions, highest priority first: GA before beta before alpha, higher numbers
 * first within each ({@code v2, v1, v1beta2, v1beta1, v1alpha1}), then versions of other shapes by name.
 */
final class KubeVersions {

    private static final Pattern KUBE = Pattern.compile("v(\\d+)(?:(alpha|beta)(\\d+))?");

    static final Comparator<String> PRIORITY = Comparator.comparingInt(KubeVersions::stability).reversed()
            .thenComparing(Comparator.comparingInt(KubeVersions::major).reversed())
            .thenComparing(Comparator.comparingInt(KubeVersions::minor).reversed())
            .thenComparing(Comparator.naturalOrder());

    private KubeVersions() {
    }

    /** 3 for GA, 2 for beta, 1 for alpha, 0 for a version that is not Kubernetes-shaped. */
    private static int stability(String version) {
        Matcher m = KUBE.matcher(version);
        if (!m.matches()) {
            return 0;
        }
        return m.group(2) == null ? 3 : m.group(2).equals("beta") ? 2 : 1;
    }

    private static int major(String version) {
        Matcher m = KUBE.matcher(version);
        return m.matches() ? Integer.parseInt(m.group(1)) : 0;
    }

    private static int minor(String version) {
        Matcher m = KUBE.matcher(version);
        return m.matches() && m.group(3) != null ? Integer.parseInt(m.group(3)) : 0;
    }
}
