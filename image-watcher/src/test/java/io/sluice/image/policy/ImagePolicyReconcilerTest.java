package io.sluice.image.policy;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.sluice.api.events.ImagePolicyChanged;
import io.sluice.api.events.ObjectEvent;
import io.sluice.api.events.Severity;
import io.sluice.api.events.SluiceEvent;
import io.sluice.api.image.ImagePolicy;
import io.sluice.api.image.ImageRepository;
import io.sluice.api.meta.ConditionTypes;
import io.sluice.api.meta.Conditions;
import io.sluice.api.meta.ObjectKey;
import io.sluice.image.cluster.Secrets;
import io.sluice.image.registry.RegistryClient;
import io.sluice.image.scan.ImageRepositoryReconciler;
import io.sluice.image.scan.ManifestDigests;
import io.sluice.image.scan.TagStore;
import io.sluice.image.testing.ImageObjects;
import io.sluice.sandbox.cluster.SandboxCluster;
import io.sluice.sandbox.registry.LocalRegistry;
import io.sluice.sandbox.registry.RegistryImages;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ImagePolicies evaluated from what a real scan stored, against the sandbox's Kubernetes API: latestRef and
 * observedPreviousRef, ImagePolicyChanged only when the choice changes, digests, and a policy that matches nothing.
 */
class ImagePolicyReconcilerTest {

    private static final String NS = "policy-test";
    private static SandboxCluster cluster;
    private static LocalRegistry registry;

    private final List<SluiceEvent> events = new CopyOnWriteArrayList<>();
    private ImageRepositoryReconciler scanner;
    private ImagePolicyReconciler evaluator;
    private ObjectKey repo;

    @TempDir
    Path store;

    @BeforeAll
    static void start() {
        cluster = SandboxCluster.start();
        ImageObjects.namespace(cluster.client(), NS);
        registry = LocalRegistry.builder().start();
    }

    @AfterAll
    static void stop() {
        registry.close();
        cluster.close();
    }

    @BeforeEach
    void reconcilers(org.junit.jupiter.api.TestInfo test) {
        TagStore tags = new TagStore(store);
        RegistryClient client = new RegistryClient(100);
        scanner = new ImageRepositoryReconciler(client(), client, tags, this::capture,
                new ImageRepositoryReconciler.Settings(Duration.ofMinutes(5), Duration.ofSeconds(1), "image-watcher"), key -> { });
        evaluator = new ImagePolicyReconciler(new ImagePolicyReconciler.Collaborators(client(), tags, new ManifestDigests(client, new Secrets(client())),
                this::capture, key -> true, key -> { }, "image-watcher", Duration.ofSeconds(30)));
        String name = test.getTestMethod().orElseThrow().getName().toLowerCase();
        repo = ObjectKey.of(ImageRepository.KIND, NS, name);
        client().resources(ImageRepository.class).inNamespace(NS).resource(ImageObjects.repository(NS, name, registry.host() + "/" + name)).create();
    }

    @Test
    void selectionChangesAreAnnouncedOnce() {
        push("1.0.0", "2.0.0");
        ObjectKey policy = createPolicy("app", ">=1.0.0 <2.0.0");

        evaluator.reconcile(policy);
        ImagePolicy first = get(policy);
        assertThat(first.getStatus().getLatestRef().getName()).isEqualTo(registry.host() + "/" + repo.name());
        assertThat(first.getStatus().getLatestRef().getTag()).isEqualTo("1.0.0");
        assertThat(ready(first).getMessage()).isEqualTo("Latest image tag for " + registry.host() + "/" + repo.name() + " resolved to 1.0.0");
        assertThat(changes()).containsExactly(new ImagePolicyChanged(policy, registry.host() + "/" + repo.name() + ":1.0.0", null));

        evaluator.reconcile(policy);
        assertThat(changes()).as("the same choice: nothing published").hasSize(1);

        push("1.0.1", "3.0.0");
        evaluator.reconcile(policy);
        ImagePolicy second = get(policy);
        assertThat(second.getStatus().getLatestRef().getTag()).isEqualTo("1.0.1");
        assertThat(second.getStatus().getObservedPreviousRef().getTag()).isEqualTo("1.0.0");
        assertThat(ready(second).getMessage()).endsWith("resolved to 1.0.1 (previously " + registry.host() + "/" + repo.name() + ":1.0.0)");
        assertThat(changes()).hasSize(2).last().isEqualTo(new ImagePolicyChanged(policy,
                registry.host() + "/" + repo.name() + ":1.0.1", registry.host() + "/" + repo.name() + ":1.0.0"));
    }

    @Test
    void noMatchingTagNamesThePolicyAndTheScan() {
        push("1.0.0", "latest");
        ObjectKey policy = createPolicy("none", ">=5.0.0");
        evaluator.reconcile(policy);
        Condition ready = ready(get(policy));
        assertThat(ready.getStatus()).isEqualTo("False");
        assertThat(ready.getReason()).isEqualTo("PolicyEvaluationFailed");
        assertThat(ready.getMessage()).contains("ImagePolicy " + NS + "/none-" + repo.name() + ": no tag of " + registry.host() + "/" + repo.name())
                .contains("2 tags scanned").contains("latest tags: latest, 1.0.0").contains("matches semver range '>=5.0.0'");
        assertThat(events).filteredOn(ObjectEvent.class::isInstance).map(ObjectEvent.class::cast)
                .anySatisfy(e -> assertThat(e.severity()).isEqualTo(Severity.ERROR));
        assertThat(changes()).isEmpty();
    }

    @Test
    void digestIsReflectedWhenAsked() {
        String digest = RegistryImages.push(registry, repo.name(), "1.0.0");
        scanner.reconcile(repo);
        ImagePolicy policy = ImageObjects.semverPolicy(NS, "pinned", repo.name(), "1.x");
        policy.getSpec().setDigestReflectionPolicy("IfNotPresent");
        client().resources(ImagePolicy.class).inNamespace(NS).resource(policy).create();
        ObjectKey key = ObjectKey.of(ImagePolicy.KIND, NS, "pinned");
        evaluator.reconcile(key);
        assertThat(get(key).getStatus().getLatestRef().getDigest()).isEqualTo(digest);
        assertThat(changes()).last().isEqualTo(new ImagePolicyChanged(key, registry.host() + "/" + repo.name() + ":1.0.0@" + digest, null));
    }

    @Test
    void missingRepositoryIsDependencyNotReady() {
        ObjectKey policy = createPolicy("orphan", "*");
        ImagePolicy orphan = get(policy);
        orphan.getSpec().getImageRepositoryRef().setName("nowhere");
        client().resources(ImagePolicy.class).inNamespace(NS).resource(orphan).update();
        assertThat(evaluator.reconcile(policy)).isEqualTo(Duration.ofSeconds(30));
        assertThat(ready(get(policy)).getReason()).isEqualTo("DependencyNotReady");
        assertThat(ready(get(policy)).getMessage()).contains("ImageRepository " + NS + "/nowhere does not exist");
    }

    private void push(String... tags) {
        for (String tag : tags) {
            RegistryImages.push(registry, repo.name(), tag);
        }
        scanner.reconcile(repo);
    }

    private ObjectKey createPolicy(String name, String range) {
        client().resources(ImagePolicy.class).inNamespace(NS).resource(ImageObjects.semverPolicy(NS, name + "-" + repo.name(), repo.name(), range)).create();
        return ObjectKey.of(ImagePolicy.KIND, NS, name + "-" + repo.name());
    }

    private List<ImagePolicyChanged> changes() {
        return events.stream().filter(ImagePolicyChanged.class::isInstance).map(ImagePolicyChanged.class::cast).toList();
    }

    private CompletableFuture<Void> capture(SluiceEvent event) {
        events.add(event);
        return CompletableFuture.completedFuture(null);
    }

    private static KubernetesClient client() {
        return cluster.client();
    }

    private static ImagePolicy get(ObjectKey key) {
        return client().resources(ImagePolicy.class).inNamespace(key.namespace()).withName(key.name()).get();
    }

    private static Condition ready(ImagePolicy policy) {
        return Conditions.get(policy.getStatus(), ConditionTypes.READY).orElseThrow();
    }
}
