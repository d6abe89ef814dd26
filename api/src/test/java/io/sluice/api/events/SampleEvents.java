package io.sluice.api.events;

import io.sluice.api.meta.ObjectKey;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** One realistic instance of every event type, for round-trip tests. */
public final class SampleEvents {

    public static final Instant T0 = Instant.parse("2026-11-27T22:41:17.123Z");
    public static final String SHA_A = "3f2a0c1d9b8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a";
    public static final String SHA_B = "0123456789abcdef0123456789abcdef01234567";
    public static final Digest DIGEST = Digest.parse("sha256:" + "ab".repeat(32));

    private SampleEvents() {
    }

    public static GitPushed gitPushed() {
        return new GitPushed(GitProvider.GITHUB,
                new CloneUrls("https://github.com/Acme/Podinfo.git", "git@github.com:Acme/Podinfo.git"),
                "refs/heads/main", SHA_B, SHA_A, "72d3162e-cc78-11e3-81ab-4c9367dc0958", T0);
    }

    public static ImagePushed imagePushed() {
        return new ImagePushed("ghcr.io", "acme/podinfo", "6.5.0", DIGEST, T0);
    }

    public static ArtifactReady artifactReady() {
        return new ArtifactReady(ObjectKey.of("GitRepository", "flux-system", "podinfo"), "main@sha1:" + SHA_A,
                URI.create("http://source-service.sluice:8080/gitrepository/flux-system/podinfo/" + SHA_A + ".tar.gz"), DIGEST, 4096,
                T0.plusMillis(3));
    }

    public static ManifestsRendered manifestsRenderedInline() {
        String yaml = "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: podinfo\n";
        return new ManifestsRendered(ObjectKey.of("Kustomization", "flux-system", "podinfo"), "main@sha1:" + SHA_A,
                Digest.sha256(yaml.getBytes(java.nio.charset.StandardCharsets.UTF_8)), RenderedManifests.Inline.of(yaml),
                T0.plusMillis(3));
    }

    public static ManifestsRendered manifestsRenderedClaimCheck() {
        return new ManifestsRendered(ObjectKey.of("HelmRelease", "apps", "big-chart"), "6.5.0", DIGEST,
                new RenderedManifests.ClaimCheck(URI.create("http://render-service.sluice:8080/manifests/" + DIGEST.hex() + ".yaml.gz"), DIGEST, 3_000_000));
    }

    public static ApplyCompleted applyCompleted() {
        return new ApplyCompleted(ObjectKey.of("Kustomization", "flux-system", "podinfo"), "main@sha1:" + SHA_A,
                List.of(new ChangeSetEntry("v1", "Namespace", "", "podinfo", ChangeAction.CREATED),
                        new ChangeSetEntry("apps/v1", "Deployment", "podinfo", "podinfo", ChangeAction.CONFIGURED),
                        new ChangeSetEntry("v1", "Service", "podinfo", "podinfo", ChangeAction.UNCHANGED),
                        new ChangeSetEntry("v1", "ConfigMap", "podinfo", "old-config", ChangeAction.DELETED)),
                Health.healthy("Deployment/podinfo/podinfo is ready"), Duration.ofMillis(12_500), T0.plusMillis(3));
    }

    public static ImagePolicyChanged imagePolicyChanged() {
        return new ImagePolicyChanged(ObjectKey.of("ImagePolicy", "flux-system", "podinfo"), "ghcr.io/acme/podinfo:6.5.1", "ghcr.io/acme/podinfo:6.5.0");
    }

    public static ObjectEvent objectEvent() {
        return new ObjectEvent(ObjectKey.of("Kustomization", "flux-system", "podinfo"), Severity.ERROR, "HealthCheckFailed",
                "Deployment/podinfo/podinfo is not ready: 0/2 replicas available", "main@sha1:" + SHA_A,
                Map.of("summary", "production"), T0, "apply-service");
    }

    public static ReconcileRequested reconcileRequested() {
        return new ReconcileRequested(ObjectKey.of("GitRepository", "flux-system", "podinfo"), T0, "sluice-cli");
    }

    /** Every event type at least once (ManifestsRendered in both of its forms). */
    public static List<SluiceEvent> all() {
        return List.of(gitPushed(), imagePushed(), artifactReady(), manifestsRenderedInline(), manifestsRenderedClaimCheck(),
                applyCompleted(), imagePolicyChanged(), objectEvent(), reconcileRequested());
    }
}
