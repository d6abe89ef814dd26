package io.sluice.gateway.receiver;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.sluice.api.meta.LocalObjectReference;
import io.sluice.api.meta.ObjectKey;
import io.sluice.api.notification.CrossNamespaceObjectReference;
import io.sluice.api.notification.Receiver;
import io.sluice.api.notification.ReceiverSpec;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ReceiverEvaluationTest {

    @Test
    void readyWithFluxsPathAndMessageWhenTheSecretHasAToken() {
        ReceiverEvaluation.Outcome outcome = ReceiverEvaluation.evaluate(receiver("github", "webhook-token"), secretWithData("token"));

        assertThat(outcome).isInstanceOf(ReceiverEvaluation.Ready.class);
        ReceiverEvaluation.Ready ready = (ReceiverEvaluation.Ready) outcome;
        assertThat(ready.receiver().path()).isEqualTo(WebhookPath.of("token", "podinfo-receiver", "flux-system"));
        assertThat(ready.message()).isEqualTo("Receiver initialized for path: " + ready.receiver().path());
        assertThat(ready.receiver().key()).isEqualTo(ObjectKey.of("Receiver", "flux-system", "podinfo-receiver"));
        assertThat(ready.receiver().type()).isEqualTo(ReceiverType.GITHUB);
        assertThat(ready.receiver().token()).isEqualTo("token".getBytes(StandardCharsets.UTF_8));
        assertThat(ready.receiver().toString()).doesNotContain("token=");
    }

    @Test
    void readsStringDataAsTheSandboxKeepsIt() {
        Secret secret = new SecretBuilder().withMetadata(new ObjectMetaBuilder().withName("webhook-token").build())
                .withStringData(Map.of("token", "token")).build();
        assertThat(ReceiverEvaluation.evaluate(receiver("github", "webhook-token"), secret)).isInstanceOf(ReceiverEvaluation.Ready.class);
    }

    @Test
    void missingSecretIsTokenNotFoundWithTheFix() {
        ReceiverEvaluation.NotReady notReady = notReady(receiver("github", "webhook-token"), null);
        assertThat(notReady.reason()).isEqualTo("TokenNotFound");
        assertThat(notReady.message()).contains("Secret 'flux-system/webhook-token' not found")
                .contains("kubectl -n flux-system create secret generic webhook-token --from-literal=token=");
    }

    @Test
    void secretWithoutTokenOrWithAnEmptyOneIsTokenNotFound() {
        Secret noKey = new SecretBuilder().withMetadata(new ObjectMetaBuilder().withName("webhook-token").build())
                .withData(Map.of("other", "eA==")).build();
        assertThat(notReady(receiver("github", "webhook-token"), noKey).message()).contains("has no 'token' key");
        assertThat(notReady(receiver("github", "webhook-token"), secretWithData("")).message()).contains("has an empty 'token'");
    }

    @Test
    void noSecretRefIsTokenNotFound() {
        assertThat(notReady(receiver("github", null), null).message()).isEqualTo("spec.secretRef.name is not set; point it at a Secret with a 'token' key");
    }

    @Test
    void unsupportedTypeIsValidationFailedListingTheSupportedOnes() {
        ReceiverEvaluation.NotReady notReady = notReady(receiver("gcr", "webhook-token"), secretWithData("token"));
        assertThat(notReady.reason()).isEqualTo("ValidationFailed");
        assertThat(notReady.message()).contains("'gcr'").contains("github, gitlab, bitbucket");
    }

    @Test
    void wildcardWithoutMatchLabelsIsValidationFailed() {
        Receiver receiver = receiver("github", "webhook-token");
        CrossNamespaceObjectReference all = new CrossNamespaceObjectReference();
        all.setKind("GitRepository");
        all.setName("*");
        receiver.getSpec().setResources(List.of(all));
        assertThat(notReady(receiver, secretWithData("token")).message()).contains("spec.resources[0] has name '*' but no matchLabels");
    }

    @Test
    void eventsFilterIgnoresCaseAndAppliesOnlyToTypesWithAnEventHeader() {
        Receiver github = receiver("github", "webhook-token");
        github.getSpec().setEvents(List.of("Push", "ping"));
        ActiveReceiver active = ((ReceiverEvaluation.Ready) ReceiverEvaluation.evaluate(github, secretWithData("t"))).receiver();
        assertThat(active.accepts("push")).isTrue();
        assertThat(active.accepts("PUSH")).isTrue();
        assertThat(active.accepts("release")).isFalse();
        assertThat(active.accepts(null)).isFalse();

        Receiver harbor = receiver("harbor", "webhook-token");
        harbor.getSpec().setEvents(List.of("push"));
        ActiveReceiver registry = ((ReceiverEvaluation.Ready) ReceiverEvaluation.evaluate(harbor, secretWithData("t"))).receiver();
        assertThat(registry.accepts(null)).isTrue();
    }

    private static ReceiverEvaluation.NotReady notReady(Receiver receiver, Secret secret) {
        ReceiverEvaluation.Outcome outcome = ReceiverEvaluation.evaluate(receiver, secret);
        assertThat(outcome).isInstanceOf(ReceiverEvaluation.NotReady.class);
        return (ReceiverEvaluation.NotReady) outcome;
    }

    static Receiver receiver(String type, String secretName) {
        Receiver receiver = new Receiver();
        receiver.setMetadata(new ObjectMetaBuilder().withName("podinfo-receiver").withNamespace("flux-system").withGeneration(1L).build());
        ReceiverSpec spec = new ReceiverSpec();
        spec.setType(type);
        if (secretName != null) {
            LocalObjectReference ref = new LocalObjectReference();
            ref.setName(secretName);
            spec.setSecretRef(ref);
        }
        CrossNamespaceObjectReference repo = new CrossNamespaceObjectReference();
        repo.setKind("GitRepository");
        repo.setName("podinfo");
        spec.setResources(List.of(repo));
        receiver.setSpec(spec);
        return receiver;
    }

    private static Secret secretWithData(String token) {
        return new SecretBuilder().withMetadata(new ObjectMetaBuilder().withName("webhook-token").withNamespace("flux-system").build())
                .withData(Map.of("token", Base64.getEncoder().encodeToString(token.getBytes(StandardCharsets.UTF_8)))).build();
    }
}
