package io.sluice.render.reconcile;

import io.sluice.api.events.ArtifactReady;
import io.sluice.api.events.ManifestsRendered;
import io.sluice.api.events.RenderedManifests;
import io.sluice.api.kustomize.Kustomization;
import io.sluice.api.meta.ObjectKey;
import io.sluice.render.artifact.ArtifactFetcher;
import io.sluice.render.artifact.UnpackedArtifact;
import io.sluice.render.build.KustomizationRenderer;
import io.sluice.render.build.RenderException;
import io.sluice.render.build.RenderedSet;
import io.sluice.render.store.ManifestPacker;
import io.sluice.render.substitute.VariableSource;

import java.util.ArrayList;
import java.util.List;

/**
 * The render step of the pipeline without Kafka or Kubernetes: given a new artifact and the Kustomizations that
 * exist, render each one that uses the artifact's source and say what to publish. The artifact is downloaded
 * and verified once for all of them; when that fails, each of them fails with {@code ArtifactFailed}.
 */
public final class ArtifactRenderer {

    private final ArtifactFetcher fetcher;
    private final KustomizationRenderer renderer;
    private final ManifestPacker packer;
    private final PublishedRenderings published;

    public ArtifactRenderer(ArtifactFetcher fetcher, KustomizationRenderer renderer, ManifestPacker packer,
                            PublishedRenderings published) {
        this.fetcher = fetcher;
        this.renderer = renderer;
        this.packer = packer;
        this.published = published;
    }

    /** "artifact of GitRepository flux-system/app at main@sha1:…", as messages name it. */
    public static String describe(ArtifactReady artifact) {
        ObjectKey s = artifact.source();
        return "artifact of " + s.kind() + " " + s.namespace() + "/" + s.name() + " at " + artifact.revision();
    }

    /**
     * @param kustomizations all Kustomizations; those not referring to the artifact's source are ignored
     * @param variables      ConfigMaps and Secrets for postBuild.substituteFrom
     */
    public List<RenderOutcome> onArtifact(ArtifactReady artifact, List<Kustomization> kustomizations, VariableSource variables) {
        List<Kustomization> users = kustomizations.stream().filter(k -> SourceMatch.refersTo(k, artifact.source())).toList();
        List<RenderOutcome> outcomes = new ArrayList<>();
        List<Kustomization> active = new ArrayList<>();
        for (Kustomization ks : users) {
            if (Boolean.TRUE.equals(ks.getSpec().getSuspend())) {
                outcomes.add(new RenderOutcome.Suspended(SourceMatch.keyOf(ks)));
            } else {
                active.add(ks);
            }
        }
        if (active.isEmpty()) {
            return outcomes;
        }
        String what = describe(artifact);
        UnpackedArtifact unpacked;
        try {
            unpacked = fetcher.fetch(artifact.url(), artifact.digest(), what);
        } catch (RenderException e) {
            for (Kustomization ks : active) {
                fail(outcomes, SourceMatch.keyOf(ks), artifact.revision(), e);
            }
            return outcomes;
        }
        try (unpacked) {
            for (Kustomization ks : active) {
                outcomes.add(renderOne(unpacked, ks, artifact, what, variables));
            }
        }
        return outcomes;
    }

    private RenderOutcome renderOne(UnpackedArtifact unpacked, Kustomization ks, ArtifactReady artifact, String what,
                                    VariableSource variables) {
        ObjectKey app = SourceMatch.keyOf(ks);
        try {
            RenderedSet set = renderer.render(unpacked.root(), ks, what, variables);
            if (published.alreadyPublished(app, artifact.revision(), set.digest())) {
                return new RenderOutcome.Unchanged(app, artifact.revision(), set.digest());
            }
            RenderedManifests manifests = packer.pack(set);
            // the push that led to this artifact (if any) travels on, for apply-service's push-to-applied latency
            ManifestsRendered event = new ManifestsRendered(app, artifact.revision(), set.digest(), manifests, artifact.pushReceivedAt());
            return new RenderOutcome.Rendered(app, event, set.size());
        } catch (RenderException e) {
            published.forget(app);
            return new RenderOutcome.Failed(app, artifact.revision(), e);
        } catch (RuntimeException e) {
            // a bug or an I/O failure (claim-check store): still this Kustomization's failure, not the partition's
            published.forget(app);
            return new RenderOutcome.Failed(app, artifact.revision(), RenderException.build("render failed: " + e, e));
        }
    }

    private void fail(List<RenderOutcome> outcomes, ObjectKey app, String revision, RenderException e) {
        published.forget(app);
        outcomes.add(new RenderOutcome.Failed(app, revision, e));
    }
}
