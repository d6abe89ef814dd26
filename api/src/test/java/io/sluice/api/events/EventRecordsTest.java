package io.sluice.api.events;

import io.sluice.api.messaging.Topic;
import io.sluice.api.meta.ObjectKey;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static io.sluice.api.events.SampleEvents.DIGEST;
import static io.sluice.api.events.SampleEvents.SHA_A;
import static io.sluice.api.events.SampleEvents.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventRecordsTest {

    private static final ObjectKey APP = ObjectKey.of("Kustomization", "flux-system", "podinfo");

    @Test
    void everyEventClassHasExactlyOneEventTypeAndTheRightTopic() {
        Set<Class<?>> permitted = Set.of(SluiceEvent.class.getPermittedSubclasses());
        Set<Class<?>> typed = Arrays.stream(EventType.values()).map(EventType::recordClass).collect(Collectors.toSet());
        assertThat(typed).isEqualTo(permitted).hasSize(EventType.values().length);
        for (SluiceEvent event : SampleEvents.all()) {
            assertThat(event.eventType().recordClass()).isEqualTo(event.getClass());
        }
        assertThat(SampleEvents.gitPushed().topic()).isEqualTo(Topic.GIT_PUSH);
        assertThat(SampleEvents.imagePushed().topic()).isEqualTo(Topic.IMAGE_PUSH);
        assertThat(SampleEvents.artifactReady().topic()).isEqualTo(Topic.SOURCE_ARTIFACT);
        assertThat(SampleEvents.manifestsRenderedInline().topic()).isEqualTo(Topic.RENDER_MANIFESTS);
        assertThat(SampleEvents.applyCompleted().topic()).isEqualTo(Topic.APPLY_RESULT);
        assertThat(SampleEvents.imagePolicyChanged().topic()).isEqualTo(Topic.IMAGE_POLICY);
        assertThat(SampleEvents.objectEvent().topic()).isEqualTo(Topic.EVENTS);
        assertThat(SampleEvents.reconcileRequested().topic()).isEqualTo(Topic.RECONCILE_REQUESTS);
    }

    @Test
    void ceTypesFollowOneSchemeAndAreUnique() {
        List<String> types = new ArrayList<>();
        for (EventType type : EventType.values()) {
            // io.sluice.<record name split before its last word, lower case>.v1
            String[] words = type.recordClass().getSimpleName().split("(?=[A-Z])");
            String noun = String.join("", Arrays.copyOf(words, words.length - 1)).toLowerCase();
            String verb = words[words.length - 1].toLowerCase();
            assertThat(type.ceType()).isEqualTo("io.sluice." + noun + "." + verb + ".v1");
            assertThat(EventType.fromCeType(type.ceType())).contains(type);
            types.add(type.ceType());
        }
        assertThat(types).doesNotHaveDuplicates().contains("io.sluice.git.pushed.v1");
        assertThat(EventType.fromCeType("io.sluice.git.pushed.v2")).isEmpty();
    }

    @Test
    void subjectsAreTheObjectKeyOrTheRepository() {
        assertThat(SampleEvents.gitPushed().subject()).isEqualTo("https://github.com/acme/podinfo");
        assertThat(SampleEvents.imagePushed().subject()).isEqualTo("ghcr.io/acme/podinfo");
        assertThat(SampleEvents.artifactReady().subject()).isEqualTo("GitRepository/flux-system/podinfo");
        assertThat(SampleEvents.manifestsRenderedInline().subject()).isEqualTo("Kustomization/flux-system/podinfo");
        assertThat(SampleEvents.applyCompleted().subject()).isEqualTo("Kustomization/flux-system/podinfo");
        assertThat(SampleEvents.imagePolicyChanged().subject()).isEqualTo("ImagePolicy/flux-system/podinfo");
        assertThat(SampleEvents.objectEvent().subject()).isEqualTo("Kustomization/flux-system/podinfo");
        assertThat(SampleEvents.reconcileRequested().subject()).isEqualTo("GitRepository/flux-system/podinfo");
    }

    @Test
    void aSwitchOverEventTypeCoversEveryEvent() {
        // Java 17 has no pattern switch over the sealed type; a switch expression over the EventType enum is
        // checked for exhaustiveness instead: adding an event without handling it here fails to compile.
        for (SluiceEvent event : SampleEvents.all()) {
            String described = switch (event.eventType()) {
                case GIT_PUSHED -> ((GitPushed) event).shortRef();
                case IMAGE_PUSHED -> ((ImagePushed) event).imageRef();
                case ARTIFACT_READY -> ((ArtifactReady) event).revision();
                case MANIFESTS_RENDERED -> ((ManifestsRendered) event).digest().toString();
                case APPLY_COMPLETED -> ((ApplyCompleted) event).health().status().json();
                case IMAGE_POLICY_CHANGED -> ((ImagePolicyChanged) event).latest();
                case OBJECT_EVENT -> ((ObjectEvent) event).reason();
                case RECONCILE_REQUESTED -> ((ReconcileRequested) event).requestedBy();
            };
            assertThat(described).isNotBlank();
        }
    }

    @Test
    void gitPushedHelpers() {
        GitPushed push = SampleEvents.gitPushed();
        assertThat(push.shortRef()).isEqualTo("main");
        assertThat(push.refDeleted()).isFalse();
        GitPushed deletion = new GitPushed(GitProvider.GITLAB, new CloneUrls(null, "git@gitlab.com:g/p.git"), "refs/tags/v1.0.0",
                SHA_A, "0".repeat(40), "d-1", T0);
        assertThat(deletion.refDeleted()).isTrue();
        assertThat(deletion.shortRef()).isEqualTo("v1.0.0");
        assertThat(deletion.subject()).isEqualTo("https://gitlab.com/g/p");
    }

    @Test
    void gitPushedRejectsBadInput() {
        CloneUrls urls = new CloneUrls("https://github.com/org/repo", null);
        assertThatThrownBy(() -> new GitPushed(GitProvider.GITHUB, urls, "refs/heads/main", null, "not-a-sha", "d", T0))
                .hasMessageContaining("GitPushed.after must be a commit SHA");
        assertThatThrownBy(() -> new GitPushed(GitProvider.GITHUB, urls, " ", null, SHA_A, "d", T0))
                .hasMessageContaining("GitPushed.ref is required");
        assertThatThrownBy(() -> new GitPushed(null, urls, "refs/heads/main", null, SHA_A, "d", T0))
                .hasMessageContaining("GitPushed.provider");
        assertThatThrownBy(() -> new CloneUrls(null, ""))
                .hasMessageContaining("needs an http or an ssh clone URL");
        assertThatThrownBy(() -> new CloneUrls("ftp://x/y", null))
                .hasMessageContaining("scheme 'ftp'");
        assertThat(new GitPushed(GitProvider.GITHUB, urls, "refs/heads/main", null, SHA_A.toUpperCase(), "d", T0).after()).isEqualTo(SHA_A);
    }

    @Test
    void imagePushedNeedsATagOrDigest() {
        assertThatThrownBy(() -> new ImagePushed("ghcr.io", "acme/app", null, null, T0)).hasMessageContaining("needs a tag or a digest");
        assertThat(new ImagePushed("GHCR.io", "acme/app", null, DIGEST, T0).imageRef()).isEqualTo("ghcr.io/acme/app@" + DIGEST);
        assertThat(SampleEvents.imagePushed().imageRef()).isEqualTo("ghcr.io/acme/podinfo:6.5.0@" + DIGEST);
        assertThatThrownBy(() -> new ImagePushed("ghcr.io", "/acme/app", "1", null, T0)).hasMessageContaining("must not start or end with '/'");
    }

    @Test
    void artifactReadyRejectsBadInput() {
        ObjectKey src = ObjectKey.of("GitRepository", "a", "b");
        assertThatThrownBy(() -> new ArtifactReady(src, "r", URI.create("/relative.tar.gz"), DIGEST, 1)).hasMessageContaining("must be absolute");
        assertThatThrownBy(() -> new ArtifactReady(src, "r", URI.create("http://x/a"), DIGEST, -1)).hasMessageContaining("size must not be negative");
        assertThatThrownBy(() -> new ArtifactReady(src, "r", URI.create("http://x/a"), null, 1)).hasMessageContaining("ArtifactReady.digest is required");
    }

    @Test
    void applyCompletedSummarisesItsChangeSet() {
        ApplyCompleted apply = SampleEvents.applyCompleted();
        assertThat(apply.entries(ChangeAction.CREATED)).extracting(ChangeSetEntry::objectName).containsExactly("Namespace/podinfo");
        assertThat(apply.entries(ChangeAction.CONFIGURED)).extracting(ChangeSetEntry::objectName).containsExactly("Deployment/podinfo/podinfo");
        assertThat(apply.changedAnything()).isTrue();
        ApplyCompleted noop = new ApplyCompleted(APP, "main@sha1:" + SHA_A,
                List.of(new ChangeSetEntry("v1", "Service", "a", "b", ChangeAction.UNCHANGED)), Health.notChecked(), Duration.ZERO);
        assertThat(noop.changedAnything()).isFalse();
        assertThatThrownBy(() -> new ApplyCompleted(APP, "r", List.of(), Health.notChecked(), Duration.ofSeconds(-1)))
                .hasMessageContaining("duration must not be negative");
    }

    @Test
    void pushReceivedAtIsOptionalAndCarriedThroughARendering() {
        ManifestsRendered polled = new ManifestsRendered(APP, "main@sha1:" + SHA_A, DIGEST, RenderedManifests.Inline.of("kind: Namespace\n"));
        assertThat(polled.pushReceivedAt()).isNull();
        Instant pushed = Instant.parse("2026-11-28T01:00:00Z");
        assertThat(polled.withPushReceivedAt(pushed)).isEqualTo(new ManifestsRendered(APP, "main@sha1:" + SHA_A, DIGEST,
                RenderedManifests.Inline.of("kind: Namespace\n"), pushed));
        assertThat(new ApplyCompleted(APP, "r", List.of(), Health.notChecked(), Duration.ZERO).pushReceivedAt()).isNull();
    }

    @Test
    void objectEventCopiesItsMetadata() {
        Map<String, String> metadata = new HashMap<>(Map.of("a", "b"));
        ObjectEvent event = new ObjectEvent(APP, Severity.INFO, "R", "m", "", metadata, Instant.EPOCH, "x");
        metadata.put("c", "d");
        assertThat(event.metadata()).containsOnlyKeys("a");
        assertThat(event.revision()).as("blank means absent").isNull();
        assertThat(new ObjectEvent(APP, Severity.INFO, "R", "m", null, null, Instant.EPOCH, "x").metadata()).isEmpty();
        assertThatThrownBy(() -> new ObjectEvent(APP, Severity.INFO, "R", "", null, null, Instant.EPOCH, "x"))
                .hasMessageContaining("ObjectEvent.message is required but blank");
    }
}
