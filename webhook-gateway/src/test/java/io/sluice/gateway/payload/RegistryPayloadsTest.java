package io.sluice.gateway.payload;

import io.sluice.api.events.Digest;
import io.sluice.gateway.verify.WebhookRequest;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RegistryPayloadsTest {

    @Test
    void harborPushArtifact() throws Exception {
        ParsedPayload parsed = new HarborPayloads().parse(request("harbor-push-artifact.json"));
        assertThat(parsed.imagePushes()).containsExactly(new ImagePush("hub.harbor.com", "test-webhook/debian", "latest",
                Digest.parse("sha256:8a9e9863dbb6e10edb5adfe917c00da84e1700fa76e7ed02476aa6e6fb8ee0d8")));
        assertThat(parsed.deliveryId()).startsWith("harbor-").isEqualTo(new HarborPayloads().parse(request("harbor-push-artifact.json")).deliveryId());
    }

    @Test
    void harborOtherEventsPublishNoImage() throws Exception {
        byte[] pull = "{\"type\":\"PULL_ARTIFACT\",\"event_data\":{}}".getBytes(StandardCharsets.UTF_8);
        assertThat(new HarborPayloads().parse(WebhookRequest.of(Map.of(), pull)).imagePushes()).isEmpty();
    }

    @Test
    void dockerHubPush() throws Exception {
        ParsedPayload parsed = new DockerHubPayloads().parse(request("dockerhub-push.json"));
        assertThat(parsed.imagePushes()).containsExactly(new ImagePush("docker.io", "svendowideit/testhook", "latest", null));
        assertThat(parsed.deliveryId()).isEqualTo("https://registry.hub.docker.com/u/svendowideit/testhook/hook/2141b5bi5i5b02bec211i4eeih0242eg11000a/");
    }

    @Test
    void quayPushOnePerTag() throws Exception {
        assertThat(new QuayPayloads().parse(request("quay-push.json")).imagePushes())
                .containsExactly(new ImagePush("quay.io", "mynamespace/repository", "latest", null));
        byte[] twoTags = "{\"docker_url\":\"quay.io/ns/app\",\"updated_tags\":[\"1.0\",\"latest\"]}".getBytes(StandardCharsets.UTF_8);
        assertThat(new QuayPayloads().parse(WebhookRequest.of(Map.of(), twoTags)).imagePushes()).extracting(ImagePush::tag).containsExactly("1.0", "latest");
    }

    @Test
    void nexusDockerComponentNeedsTheRegistryAnnotation() throws Exception {
        WebhookRequest request = WebhookRequest.of(Map.of("X-Nexus-Webhook-Delivery", "7f6b1c9e-3c1a-4a7b-9d0e-1f2a3b4c5d6e"),
                Fixtures.payload("nexus-component-created.json"));
        ParsedPayload parsed = new NexusPayloads("nexus.example.com:8082").parse(request);
        assertThat(parsed.deliveryId()).isEqualTo("7f6b1c9e-3c1a-4a7b-9d0e-1f2a3b4c5d6e");
        assertThat(parsed.imagePushes()).containsExactly(new ImagePush("nexus.example.com:8082", "acme/podinfo", "6.5.1", null));
        assertThat(new NexusPayloads(null).parse(request).imagePushes()).isEmpty();
    }

    @Test
    void acrPush() throws Exception {
        ParsedPayload parsed = new AcrPayloads().parse(request("acr-push.json"));
        assertThat(parsed.deliveryId()).isEqualTo("cb8c3971-9adc-488b-xxxx-43cbb4974ff5");
        assertThat(parsed.imagePushes()).containsExactly(new ImagePush("myregistry.azurecr.io", "hello-world", "v1",
                Digest.parse("sha256:80f0d5c8786bb9e621a45ece0db56d11cdc624ad20da9fe62e9d25490f331d7d")));
    }

    @Test
    void registryPayloadsMustParse() {
        WebhookRequest garbage = WebhookRequest.of(Map.of(), "not json".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> new DockerHubPayloads().parse(garbage)).hasMessageStartingWith("Docker Hub payload is not valid JSON");
        assertThatThrownBy(() -> new QuayPayloads().parse(garbage)).hasMessageStartingWith("Quay payload is not valid JSON");
        assertThatThrownBy(() -> new AcrPayloads().parse(garbage)).hasMessageStartingWith("ACR payload is not valid JSON");
        assertThatThrownBy(() -> new HarborPayloads().parse(garbage)).hasMessageStartingWith("Harbor payload is not valid JSON");
        assertThatThrownBy(() -> new NexusPayloads(null).parse(garbage)).hasMessageStartingWith("Nexus payload is not valid JSON");

        WebhookRequest noTag = WebhookRequest.of(Map.of(), "{\"repository\":{\"repo_name\":\"a/b\"}}".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> new DockerHubPayloads().parse(noTag)).hasMessage("Docker Hub payload has no push_data.tag");
        WebhookRequest badDigest = WebhookRequest.of(Map.of(),
                "{\"action\":\"push\",\"target\":{\"repository\":\"a\",\"digest\":\"sha256:zz\"},\"request\":{\"host\":\"r.azurecr.io\"}}".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> new AcrPayloads().parse(badDigest)).hasMessageStartingWith("ACR payload field target.digest is not a digest");
    }

    private static WebhookRequest request(String fixture) {
        return WebhookRequest.of(Map.of("Content-Type", "application/json"), Fixtures.payload(fixture));
    }
}
