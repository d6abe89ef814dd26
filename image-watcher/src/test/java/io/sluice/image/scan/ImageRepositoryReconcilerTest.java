package io.sluice.image.scan;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.sluice.api.events.ObjectEvent;
import io.sluice.api.events.Severity;
import io.sluice.api.events.SluiceEvent;
import io.sluice.api.image.ImageRepository;
import io.sluice.api.meta.ConditionTypes;
import io.sluice.api.meta.Conditions;
import io.sluice.api.meta.ObjectKey;
import io.sluice.image.registry.RegistryClient;
import io.sluice.image.testing.FakeRegistry;
import io.sluice.image.testing.Htpasswd;
import io.sluice.image.testing.ImageObjects;
import io.sluice.sandbox.LoopbackPorts;
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
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One scan at a time against the sandbox's Kubernetes API and real registries, events captured: the status Flux
 * writes, nothing published when the tags did not change, and each bad input a condition, an event and a message.
 */
class ImageRepositoryReconcilerTest {

    private static final String NS = "scan-test";
    private static SandboxCluster cluster;
    private static LocalRegistry open;
    private static LocalRegistry basic;

    private final List<SluiceEvent> events = new CopyOnWriteArrayList<>();
    private final List<ObjectKey> changed = new CopyOnWriteArrayList<>();
    private ImageRepositoryReconciler reconciler;

    @TempDir
    Path store;

    @BeforeAll
    static void start() {
        cluster = SandboxCluster.start();
        ImageObjects.namespace(cluster.client(), NS);
        open = LocalRegistry.builder().start();
        basic = LocalRegistry.builder().htpasswd(Htpasswd.bcryptLine("robot", "s3cret")).start();
        for (String tag : List.of("1.0.0", "1.0.1", "1.0.1.sig")) {
            RegistryImages.push(open, "team/app", tag);
        }
        RegistryImages.push(basic.host(), "team/app", "2.0.0", "robot", "s3cret");
    }

    @AfterAll
    static void stop() {
        open.close();
        basic.close();
        cluster.close();
    }

    @BeforeEach
    void newReconciler() {
        reconciler = new ImageRepositoryReconciler(client(), new RegistryClient(100), new TagStore(store), event -> {
            events.add(event);
            return CompletableFuture.completedFuture(null);
        }, new ImageRepositoryReconciler.Settings(Duration.ofMinutes(5), Duration.ofSeconds(1), "image-watcher"), changed::add);
    }

    @Test
    void scanWritesFluxStatusAndStoresTheTagsOnce() throws Exception {
        ObjectKey key = create(ImageObjects.repository(NS, "app", open.host() + "/team/app"));

        assertThat(reconciler.reconcile(key)).as("next scan after spec.interval").isEqualTo(Duration.ofHours(1));
        ImageRepository repo = get(key);
        assertThat(repo.getStatus().getCanonicalImageName()).isEqualTo(open.host() + "/team/app");
        assertThat(repo.getStatus().getLastScanResult().getTagCount()).as("1.0.1.sig excluded by the default exclusionList").isEqualTo(2);
        assertThat(repo.getStatus().getLastScanResult().getLatestTags()).containsExactly("1.0.1", "1.0.0");
        assertThat(repo.getStatus().getObservedExclusionList()).containsExactly("^.*\\.sig$");
        assertThat(ready(repo).getStatus()).isEqualTo("True");
        assertThat(ready(repo).getMessage()).isEqualTo("successful scan: found 2 tags with checksum " + repo.getStatus().getLastScanResult().getRevision());
        assertThat(new TagStore(store).load(key)).hasValueSatisfying(t -> assertThat(t.tags()).containsExactlyInAnyOrder("1.0.0", "1.0.1"));
        assertThat(changed).containsExactly(key);
        assertThat(events).hasSize(1).first().isInstanceOfSatisfying(ObjectEvent.class, e -> assertThat(e.severity()).isEqualTo(Severity.INFO));

        reconciler.reconcile(key);
        assertThat(changed).as("the same tags: no policy evaluation").containsExactly(key);
        assertThat(events).as("the same tags: nothing published").hasSize(1);
    }

    @Test
    void dockerConfigSecretLogsIntoAnHtpasswdRegistry() {
        ObjectKey without = create(ImageObjects.repository(NS, "basic-anonymous", basic.host() + "/team/app"));
        reconciler.reconcile(without);
        Condition refused = ready(get(without));
        assertThat(refused.getStatus()).isEqualTo("False");
        assertThat(refused.getReason()).isEqualTo("AuthenticationFailed");
        assertThat(refused.getMessage()).contains("wants a user name and password").contains("spec.secretRef");
        assertThat(errorEvents()).anySatisfy(e -> assertThat(e.message()).isEqualTo(refused.getMessage()));

        ImageObjects.dockerConfigSecret(client(), NS, "regcred", basic.host(), "robot", "s3cret");
        ImageRepository withSecret = ImageObjects.repository(NS, "basic-secret", basic.host() + "/team/app");
        withSecret.getSpec().setSecretRef(ImageObjects.ref("regcred"));
        ObjectKey key = create(withSecret);
        reconciler.reconcile(key);
        assertThat(get(key).getStatus().getLastScanResult().getLatestTags()).containsExactly("2.0.0");
    }

    @Test
    void missingSecretIsAnAuthenticationFailure() {
        ImageRepository repo = ImageObjects.repository(NS, "no-secret", open.host() + "/team/app");
        repo.getSpec().setSecretRef(ImageObjects.ref("does-not-exist"));
        ObjectKey key = create(repo);
        reconciler.reconcile(key);
        assertThat(ready(get(key)).getReason()).isEqualTo("AuthenticationFailed");
        assertThat(ready(get(key)).getMessage()).contains("secret '" + NS + "/does-not-exist' named by spec.secretRef does not exist");
    }

    @Test
    void unreachableRegistryIsReadOperationFailedAndRetriedWithBackoff() {
        ObjectKey key = create(ImageObjects.repository(NS, "unreachable", "127.0.0.1:" + LoopbackPorts.free() + "/team/app"));
        assertThat(reconciler.reconcile(key)).isEqualTo(Duration.ofSeconds(1));
        assertThat(reconciler.reconcile(key)).as("backoff doubles").isEqualTo(Duration.ofSeconds(2));
        Condition ready = ready(get(key));
        assertThat(ready.getReason()).isEqualTo("ReadOperationFailed");
        assertThat(ready.getMessage()).startsWith("scan failed: cannot connect to").contains("nothing accepts connections");
        assertThat(errorEvents()).as("one error event: the second failure says the same").hasSize(1);
        assertThat(get(key).getStatus().getLastScanResult()).isNull();
    }

    @Test
    void rateLimitWaitsForRetryAfterAndMalformedListKeepsTheLastScan() throws Exception {
        try (FakeRegistry fake = new FakeRegistry()) {
            fake.answer("/v2/team/app/tags/list", 429, Map.of("Retry-After", "120"), "");
            ObjectKey key = create(ImageObjects.repository(NS, "limited", fake.host() + "/team/app"));
            assertThat(reconciler.reconcile(key)).as("the registry's Retry-After").isEqualTo(Duration.ofSeconds(120));
            assertThat(ready(get(key)).getMessage()).contains("HTTP 429").contains("retry after 120s");

            fake.answer("/v2/team/app/tags/list", 200, Map.of(), "{\"tags\":[\"1.0.0\"]}");
            reconciler.reconcile(key);
            String revision = get(key).getStatus().getLastScanResult().getRevision();
            fake.answer("/v2/team/app/tags/list", 200, Map.of(), "{\"tags\": \"1.0.0\"}");
            reconciler.reconcile(key);
            assertThat(ready(get(key)).getMessage()).contains("is not a tag list").contains("\"tags\" is not an array");
            assertThat(get(key).getStatus().getLastScanResult().getRevision()).as("the last good scan stays").isEqualTo(revision);
        }
    }

    @Test
    void imageWithATagIsStalled() {
        ObjectKey key = create(ImageObjects.repository(NS, "tagged", open.host() + "/team/app:1.0.0"));
        assertThat(reconciler.reconcile(key)).as("no retry: only a spec change helps").isNull();
        ImageRepository repo = get(key);
        assertThat(ready(repo).getReason()).isEqualTo("ImageURLInvalid");
        assertThat(ready(repo).getMessage()).contains("names a tag").contains("write it without the tag: " + open.host() + "/team/app");
        assertThat(Conditions.isTrue(repo.getStatus(), ConditionTypes.STALLED)).isTrue();
    }

    @Test
    void cloudProviderAuthIsStalledNotIgnored() {
        ImageRepository repo = ImageObjects.repository(NS, "aws", open.host() + "/team/app");
        repo.getSpec().setProvider("aws");
        ObjectKey key = create(repo);
        assertThat(reconciler.reconcile(key)).isNull();
        assertThat(ready(get(key)).getMessage()).contains("spec.provider 'aws'").contains("not supported");
        assertThat(Conditions.isTrue(get(key).getStatus(), ConditionTypes.STALLED)).isTrue();
    }

    private List<ObjectEvent> errorEvents() {
        return events.stream().filter(ObjectEvent.class::isInstance).map(ObjectEvent.class::cast).filter(e -> e.severity() == Severity.ERROR).toList();
    }

    private static KubernetesClient client() {
        return cluster.client();
    }

    private static ObjectKey create(ImageRepository repo) {
        client().resources(ImageRepository.class).inNamespace(NS).resource(repo).create();
        return ObjectKey.of(ImageRepository.KIND, NS, repo.getMetadata().getName());
    }

    private static ImageRepository get(ObjectKey key) {
        return client().resources(ImageRepository.class).inNamespace(key.namespace()).withName(key.name()).get();
    }

    private static Condition ready(ImageRepository repo) {
        return Conditions.get(repo.getStatus(), ConditionTypes.READY).orElseThrow();
    }
}
