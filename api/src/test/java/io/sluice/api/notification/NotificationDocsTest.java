package io.sluice.api.notification;

import io.sluice.api.meta.ConditionTypes;
import io.sluice.api.meta.Conditions;
import io.sluice.api.meta.FluxDocs;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The typed getters of the notification kinds return what the Flux-docs manifests say. */
class NotificationDocsTest {

    @Test
    void alert() {
        Alert alert = (Alert) FluxDocs.named("alert.yaml").typed();
        AlertSpec spec = alert.getSpec();

        assertThat(Alert.API_VERSION).isEqualTo("notification.toolkit.fluxcd.io/v1beta3");
        assertThat(spec.getSummary()).isEqualTo("production cluster");
        assertThat(spec.getProviderRef().getName()).isEqualTo("slack-bot");
        assertThat(spec.getEventSeverity()).isEqualTo("error");
        assertThat(spec.getEventSources()).hasSize(3);
        assertThat(spec.getEventSources().get(0).getName()).isEqualTo("*");
        CrossNamespaceObjectReference webapp = spec.getEventSources().get(1);
        assertThat(webapp.getKind()).isEqualTo("Kustomization");
        assertThat(webapp.getName()).isEqualTo("webapp");
        assertThat(webapp.getNamespace()).isEqualTo("apps");
        CrossNamespaceObjectReference releases = spec.getEventSources().get(2);
        assertThat(releases.getApiVersion()).isEqualTo("helm.toolkit.fluxcd.io/v2");
        assertThat(releases.getMatchLabels()).containsEntry("team", "app");
        assertThat(spec.getInclusionList()).containsExactly(".*succeeded.*");
        assertThat(spec.getExclusionList()).hasSize(2).first().isEqualTo("^Dependencies.*");
        assertThat(spec.getEventMetadata()).containsEntry("env", "prod").containsEntry("cluster", "eu-central-1");
        assertThat(spec.getSuspend()).isFalse();
        assertThat(alert.getStatus()).isNull();
    }

    @Test
    void providers() {
        List<Provider> providers = FluxDocs.all().stream()
                .filter(doc -> doc.name().startsWith("provider.yaml#"))
                .map(doc -> (Provider) doc.typed())
                .toList();

        ProviderSpec slack = providers.get(0).getSpec();
        assertThat(slack.getType()).isEqualTo("slack");
        assertThat(slack.getChannel()).isEqualTo("general");
        assertThat(slack.getUsername()).isEqualTo("Flux");
        assertThat(slack.getAddress()).isEqualTo("https://slack.com/api/chat.postMessage");
        assertThat(slack.getTimeout()).isEqualTo("15s");
        assertThat(slack.getProxySecretRef().getName()).isEqualTo("http-proxy");
        assertThat(slack.getSecretRef().getName()).isEqualTo("slack-bot-token");
        assertThat(slack.getCertSecretRef().getName()).isEqualTo("slack-ca");
        assertThat(slack.getSuspend()).isFalse();

        ProviderSpec github = providers.get(1).getSpec();
        assertThat(github.getType()).isEqualTo("github");
        assertThat(github.getCommitStatusExpr()).contains("event.involvedObject.kind");
        assertThat(github.getInterval()).isEqualTo("1m");
        assertThat(github.getProxy()).isEqualTo("http://proxy.internal:3128");
        assertThat(github.getServiceAccountName()).isEqualTo("notifier");
    }

    @Test
    void receiver() {
        Receiver receiver = (Receiver) FluxDocs.named("receiver.yaml").typed();
        ReceiverSpec spec = receiver.getSpec();

        assertThat(Receiver.API_VERSION).isEqualTo("notification.toolkit.fluxcd.io/v1");
        assertThat(spec.getType()).isEqualTo("github");
        assertThat(spec.getInterval()).isEqualTo("10m");
        assertThat(spec.getEvents()).containsExactly("ping", "push");
        assertThat(spec.getSecretRef().getName()).isEqualTo("receiver-token");
        assertThat(spec.getResources()).hasSize(2);
        assertThat(spec.getResources().get(0).getApiVersion()).isEqualTo("source.toolkit.fluxcd.io/v1");
        assertThat(spec.getResources().get(1).getMatchLabels()).containsEntry("repo", "podinfo");
        assertThat(spec.getResourceFilter()).isEqualTo("request.body.ref == \"refs/heads/main\"");
        assertThat(spec.getSuspend()).isFalse();

        ReceiverStatus status = receiver.getStatus();
        assertThat(status.getWebhookPath()).isEqualTo("/hook/bed6d00b5555b1603e1f59b94d7fdbca58089cb5663633fb83f2815dc626d92b");
        assertThat(status.getObservedGeneration()).isEqualTo(1L);
        assertThat(Conditions.isTrue(status, ConditionTypes.READY)).isTrue();
    }
}
