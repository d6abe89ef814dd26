package io.sluice.kit;

import io.sluice.api.events.ApplyCompleted;
import io.sluice.api.events.ArtifactReady;
import io.sluice.api.events.ChangeAction;
import io.sluice.api.events.ChangeSetEntry;
import io.sluice.api.events.CloneUrls;
import io.sluice.api.events.Digest;
import io.sluice.api.events.GitProvider;
import io.sluice.api.events.GitPushed;
import io.sluice.api.events.Health;
import io.sluice.api.events.ImagePolicyChanged;
import io.sluice.api.events.ImagePushed;
import io.sluice.api.events.ManifestsRendered;
import io.sluice.api.events.ObjectEvent;
import io.sluice.api.events.ReconcileRequested;
import io.sluice.api.events.RenderedManifests;
import io.sluice.api.events.Severity;
import io.sluice.api.events.SluiceEvent;
import io.sluice.api.meta.ObjectKey;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** One instance of every event type (ManifestsRendered in both forms), for tests that go through a broker. */
public final class Samples {

    private static final Instant T0 = Instant.parse("2026-11-27T22:41:17.123456Z");
    private static final String SHA = "3f2a0c1d9b8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a";
    private static final Digest DIGEST = Digest.sha256(new byte[]{1, 2, 3});
    private static final ObjectKey APP = ObjectKey.of("Kustomization", "flux-system", "podinfo");

    private Samples() {
    }

    public static GitPushed gitPushed() {
        return new GitPushed(GitProvider.GITEA, new CloneUrls("http://127.0.0.1:3000/team/app.git", null), "refs/heads/main",
                "0".repeat(40), SHA, "delivery-1", T0);
    }

    public static List<SluiceEvent> all() {
        return List.of(
                gitPushed(),
                new ImagePushed("127.0.0.1:5000", "team/app", "1.0.1", DIGEST, T0),
                new ArtifactReady(ObjectKey.of("GitRepository", "flux-system", "app"), "main@sha1:" + SHA,
                        URI.create("http://127.0.0.1:9090/artifacts/app.tar.gz"), DIGEST, 2048),
                new ManifestsRendered(APP, "main@sha1:" + SHA, DIGEST, RenderedManifests.Inline.of("kind: Namespace\n")),
                new ManifestsRendered(ObjectKey.of("HelmRelease", "apps", "big"), "1.2.3", DIGEST,
                        new RenderedManifests.ClaimCheck(URI.create("http://127.0.0.1:9091/m/x.yaml.gz"), DIGEST, 2_000_000)),
                new ApplyCompleted(APP, "main@sha1:" + SHA,
                        List.of(new ChangeSetEntry("v1", "Namespace", "", "podinfo", ChangeAction.CREATED),
                                new ChangeSetEntry("v1", "ConfigMap", "podinfo", "old", ChangeAction.DELETED)),
                        Health.unhealthy("Deployment/podinfo/podinfo: 0/1 ready"), Duration.ofSeconds(31)),
                new ImagePolicyChanged(ObjectKey.of("ImagePolicy", "flux-system", "app"), "127.0.0.1:5000/team/app:1.0.1", null),
                new ObjectEvent(APP, Severity.INFO, "ReconciliationSucceeded", "Applied revision main@sha1:" + SHA, "main@sha1:" + SHA,
                        Map.of("summary", "dev"), T0, "apply-service"),
                new ReconcileRequested(APP, T0, "sluice-cli"));
    }
}
