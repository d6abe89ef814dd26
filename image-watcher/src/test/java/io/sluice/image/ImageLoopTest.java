package io.sluice.image;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.sluice.api.events.ImagePolicyChanged;
import io.sluice.api.events.ImagePushed;
import io.sluice.api.events.ReconcileRequested;
import io.sluice.api.image.ImagePolicy;
import io.sluice.api.image.ImageRepository;
import io.sluice.api.meta.ObjectKey;
import io.sluice.image.testing.ImageObjects;
import io.sluice.sandbox.cluster.SandboxClusterResource;
import io.sluice.sandbox.kafka.EmbeddedKafkaResource;
import io.sluice.sandbox.registry.LocalRegistry;
import io.sluice.sandbox.registry.LocalRegistryResource;
import io.sluice.sandbox.registry.RegistryImages;
import io.sluice.sandbox.testing.TestKafka;
import io.sluice.sandbox.testing.TopicTail;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The service as it runs: Kafka, the sandbox's Kubernetes API and a real registry. An ImageRepository and an
 * ImagePolicy are created; the first scan picks 1.0.0; a push of 1.0.1 announced by an {@code ImagePushed} (as the
 * gateway's registry receivers publish it) is scanned at once and the policy announces 1.0.1 on
 * {@code sluice.image.policy}; a reconcile request that finds no new tag announces nothing.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedKafkaResource.class)
@QuarkusTestResource(SandboxClusterResource.class)
@QuarkusTestResource(LocalRegistryResource.class)
class ImageLoopTest {

    private static final String NS = "image-loop";

    @Test
    void pushIsScannedAndThePolicyAnnouncesTheNewTag() {
        KubernetesClient client = SandboxClusterResource.cluster().client();
        LocalRegistry registry = LocalRegistryResource.registry();
        ImageObjects.namespace(client, NS);
        RegistryImages.push(registry, "team/app", "1.0.0");
        RegistryImages.push(registry, "team/app", "2.0.0");
        ObjectKey policy = ObjectKey.of(ImagePolicy.KIND, NS, "app");
        String image = registry.host() + "/team/app";

        try (TopicTail policies = TopicTail.fromEnd("sluice.image.policy")) {
            client.resources(ImageRepository.class).inNamespace(NS).resource(ImageObjects.repository(NS, "app", image)).create();
            client.resources(ImagePolicy.class).inNamespace(NS).resource(ImageObjects.semverPolicy(NS, "app", "app", "1.x")).create();
            assertThat(policies.next(policy.subject(), ImagePolicyChanged.class)).isEqualTo(new ImagePolicyChanged(policy, image + ":1.0.0", null));

            RegistryImages.push(registry, "team/app", "1.0.1");
            Instant pushedAt = Instant.now();
            TestKafka.publish(new ImagePushed(registry.host(), "team/app", "1.0.1", null, pushedAt));
            assertThat(policies.next(policy.subject(), ImagePolicyChanged.class))
                    .isEqualTo(new ImagePolicyChanged(policy, image + ":1.0.1", image + ":1.0.0"));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(client.resources(ImagePolicy.class).inNamespace(NS)
                    .withName("app").get().getStatus().getObservedPreviousRef().getTag()).isEqualTo("1.0.0"));

            TestKafka.publish(new ReconcileRequested(ObjectKey.of(ImageRepository.KIND, NS, "app"), Instant.now(), "test"));
            policies.assertNoneFor(policy.subject(), Duration.ofSeconds(3));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(client.resources(ImageRepository.class).inNamespace(NS)
                    .withName("app").get().getStatus().getLastHandledReconcileAt()).isNotNull());
        }
    }
}
