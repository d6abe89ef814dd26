package io.sluice.sandbox.cluster.apiserver;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * One resource type as API discovery describes it: where it lives, what it is called, its verbs, short names,
 * categories and subresources.
 *
 * @param stored whether objects of the type are stored (discovery then gives a storageVersionHash); reviews and
 *               bindings are not
 * @param custom whether a CRD serves it
 */
record ApiResource(String group, String version, String kind, String plural, String singular, boolean namespaced,
        List<String> verbs, List<String> shortNames, List<String> categories, List<Subresource> subresources,
        boolean stored, boolean custom) {

    /** A subresource: its name, the kind it answers with (group and version empty: the parent's), its verbs. */
    record Subresource(String name, String group, String version, String kind, List<String> verbs) {
    }

    /** {@code v1} for the core group, {@code group/version} otherwise. */
    String groupVersion() {
        return group.isEmpty() ? version : group + "/" + version;
    }

    boolean hasStatus() {
        return hasSubresource("status");
    }

    boolean hasSubresource(String name) {
        return subresources.stream().anyMatch(s -> s.name().equals(name));
    }

    /**
     * What discovery calls the storage version hash: the first 8 bytes of the SHA-256 of {@code group/version/kind}
     * in base64, so clients can tell when the stored version changes.
     */
    String storageVersionHash() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((group + "/" + version + "/" + kind).getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(digest, 8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }

    static String singularOf(String kind) {
        return kind.toLowerCase(Locale.ROOT);
    }
}
