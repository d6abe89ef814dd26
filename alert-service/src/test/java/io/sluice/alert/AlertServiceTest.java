package io.sluice.alert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.sluice.alert.cluster.ClusterObjects;
import io.sluice.alert.dispatch.DeadLetters;
import io.sluice.alert.provider.CapturingServer;
import io.sluice.alert.routing.RoutingTables;
import io.sluice.api.events.ObjectEvent;
import io.sluice.api.events.Severity;
import io.sluice.api.kustomize.Kustomization;
import io.sluice.api.kustomize.KustomizationSpec;
import io.sluice.api.meta.CrossNamespaceSourceReference;
import io.sluice.api.meta.LocalObjectReference;
import io.sluice.api.meta.ObjectKey;
import io.sluice.api.notification.Alert;
import io.sluice.api.notification.AlertSpec;
import io.sluice.api.notification.CrossNamespaceObjectReference;
import io.sluice.api.notification.Provider;
import io.sluice.api.notification.ProviderSpec;
import io.sluice.api.source.GitRepository;
import io.sluice.api.source.GitRepositorySpec;
import io.sluice.sandbox.cluster.SandboxClusterResource;
import io.sluice.sandbox.kafka.EmbeddedKafkaResource;
import io.sluice.sandbox.testing.PrometheusText;
import io.sluice.sandbox.testing.TestKafka;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole path inside the running service: Provider, Secret and Alert objects created in the sandbox cluster,
 * ObjectEvents published to Kafka, and what real receivers (an HTTP server, GreenMail) and the dead-letter topic
 * got. Each test uses its own objects, so the storm guard and the recovery tracker of one never see another's.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedKafkaResource.class)
@QuarkusTestResource(SandboxClusterResource.class)
class AlertServiceTest {

    private static final String NS = "flux-system";
    private static final String SHA = "4e1243bd22c66e76c2ba9eddc1f91394e57f9f83";
    private static final String REVISION = "main@sha1:" + SHA;
    private static final Duration WAIT = Duration.ofSeconds(20);
    /** How long to keep listening after the expected message, to catch a second one. */
    private static final Duration QUIET = Duration.ofMillis(1000);

    private final ObjectMapper json = new ObjectMapper();

    @Inject
    RoutingTables tables;

    @Inject
    ClusterObjects clusterObjects;

    @Test
    void appliedKustomizationReachesSlackOnceWithCommitLink() throws Exception {
        try (CapturingServer slack = new CapturingServer()) {
            gitRepository("web", "https://github.com/acme/web.git");
            kustomization("web", "web");
            secret("slack-web", Map.of("address", slack.url("/services/T0/B0/secret-token")));
            provider("slack-web", "slack", null, "slack-web", "#deploys");
            alert("web-deploys", "slack-web", "web", null);
            awaitRouted("web-deploys");
            await().atMost(WAIT).until(() -> clusterObjects.sourceUrl(ObjectKey.of("Kustomization", NS, "web")).isPresent());

            TestKafka.publish(event("web", Severity.INFO, "ReconciliationSucceeded", "Deployment/default/web configured", REVISION));

            CapturingServer.Request request = exactlyOne(slack);
            assertThat(request.path()).isEqualTo("/services/T0/B0/secret-token");
            JsonNode body = json.readTree(request.body());
            assertThat(body.path("channel").asText()).isEqualTo("#deploys");
            assertThat(body.path("text").asText())
                    .isEqualTo("[info] Kustomization/flux-system/web: applied (ReconciliationSucceeded) at main@sha1:4e1243b");
            JsonNode attachment = body.path("attachments").get(0);
            assertThat(attachment.path("text").asText()).isEqualTo("Deployment/default/web configured");
            assertThat(attachment.path("fields").toString())
                    .contains(REVISION, "https://github.com/acme/web/commit/" + SHA, "cluster", "prod-eu");
            await().atMost(WAIT).untilAsserted(() -> assertThat(PrometheusText.sample(PrometheusText.scrape(),
                    "sluice_alerts_sent_total", "provider", "flux-system/slack-web", "type", "slack")).contains(1.0));
            assertThat(PrometheusText.sample(PrometheusText.scrape(), "sluice_stage_duration_seconds_count", "stage", "notify"))
                    .as("the notify stage is timed").hasValueSatisfying(count -> assertThat(count).isGreaterThanOrEqualTo(1.0));
        }
    }

    @Test
    void theSameEventFiveTimesIsSentOnce() throws Exception {
        try (CapturingServer hook = new CapturingServer()) {
            provider("storm-hook", "generic", hook.url("/hook"), null, null);
            alert("storm", "storm-hook", "storm", null);
            awaitRouted("storm");

            for (int i = 1; i <= 5; i++) {
                // only the duration differs, as in a health check that keeps failing at every interval
                TestKafka.publish(event("storm", Severity.ERROR, "HealthCheckFailed",
                        "Health check failed after " + i + ".5s: Deployment/default/storm not ready", REVISION));
            }

            JsonNode body = json.readTree(exactlyOne(hook).body());
            assertThat(body.path("reason").asText()).isEqualTo("HealthCheckFailed");
            assertThat(body.path("involvedObject").path("name").asText()).isEqualTo("storm");
            await().atMost(WAIT).untilAsserted(() -> assertThat(PrometheusText.sample(PrometheusText.scrape(),
                    "sluice_alerts_suppressed_total", "reason", "duplicate")).hasValueSatisfying(v -> assertThat(v).isGreaterThanOrEqualTo(4.0)));
        }
    }

    @Test
    void aFailingProviderDeadLettersWhileAnotherStillDelivers() throws Exception {
        try (CapturingServer broken = new CapturingServer(); CapturingServer healthy = new CapturingServer()) {
            broken.answer(500, "internal error");
            provider("broken", "generic", broken.url("/hook"), null, null);
            provider("healthy", "generic", healthy.url("/hook"), null, null);
            alert("shaky-broken", "broken", "shaky", null);
            alert("shaky-healthy", "healthy", "shaky", null);
            awaitRouted("shaky-broken");
            awaitRouted("shaky-healthy");

            TestKafka.publish(event("shaky", Severity.ERROR, "ReconciliationFailed", "Deployment/default/shaky is invalid", REVISION));

            assertThat(json.readTree(exactlyOne(healthy).body()).path("reason").asText()).isEqualTo("ReconciliationFailed");
            ConsumerRecord<String, byte[]> letter = TestKafka.awaitRecord("sluice.events.dlq",
                    r -> "Provider/flux-system/broken".equals(header(r, DeadLetters.PROVIDER)));
            assertThat(letter.key()).isEqualTo("Kustomization/flux-system/shaky");
            assertThat(header(letter, DeadLetters.REASON)).contains("Provider/flux-system/broken", "HTTP 500", "internal error");
            assertThat(header(letter, DeadLetters.PROVIDER_TYPE)).isEqualTo("generic");
            assertThat(header(letter, DeadLetters.ALERT)).isEqualTo("Alert/flux-system/shaky-broken");
            assertThat(header(letter, DeadLetters.ATTEMPTS)).isEqualTo("3");
            assertThat(header(letter, DeadLetters.TOPIC)).isEqualTo("sluice.events");
            assertThat(header(letter, "ce_type")).isEqualTo("io.sluice.object.event.v1");
            ObjectEvent original = TestKafka.CODEC.decode(letter, ObjectEvent.class).data();
            assertThat(original.message()).isEqualTo("Deployment/default/shaky is invalid");
            assertThat(broken.requests).hasSize(3); // sluice.alerts.delivery.max-attempts in the test profile
        }
    }

    @Test
    void githubAndGitlabGetCommitStatusesOnTheRevision() throws Exception {
        try (CapturingServer github = new CapturingServer(); CapturingServer gitlab = new CapturingServer()) {
            github.answer(201, "{}");
            gitlab.answer(201, "{}");
            secret("git-token", Map.of("token", "glpat-and-ghp-token"));
            provider("gh", "github", github.url("/acme/web"), "git-token", null);
            provider("gl", "gitlab", gitlab.url("/acme/platform/web.git"), "git-token", null);
            alert("status-gh", "gh", "status", null);
            alert("status-gl", "gl", "status", null);
            awaitRouted("status-gh");
            awaitRouted("status-gl");

            // no revision: nothing to put a status on, skipped; then one with a revision (same key: read in order)
            TestKafka.publish(event("status", Severity.ERROR, "BuildFailed", "kustomization.yaml: bad patch", null));
            TestKafka.publish(event("status", Severity.ERROR, "HealthCheckFailed", "Deployment/default/web not ready", REVISION));

            CapturingServer.Request gh = exactlyOne(github);
            assertThat(gh.method()).isEqualTo("POST");
            assertThat(gh.path()).isEqualTo("/api/v3/repos/acme/web/statuses/" + SHA);
            assertThat(gh.header("Authorization")).isEqualTo("Bearer glpat-and-ghp-token");
            JsonNode ghBody = json.readTree(gh.body());
            assertThat(ghBody.path("state").asText()).isEqualTo("failure");
            assertThat(ghBody.path("description").asText()).isEqualTo("health check failed");
            assertThat(ghBody.path("context").asText()).startsWith("kustomization/status/");

            CapturingServer.Request gl = exactlyOne(gitlab);
            assertThat(gl.method()).isEqualTo("POST");
            assertThat(gl.rawPath()).isEqualTo("/api/v4/projects/acme%2Fplatform%2Fweb/statuses/" + SHA);
            assertThat(gl.header("PRIVATE-TOKEN")).isEqualTo("glpat-and-ghp-token");
            JsonNode glBody = json.readTree(gl.body());
            assertThat(glBody.path("state").asText()).isEqualTo("failed");
            assertThat(glBody.path("name").asText()).startsWith("kustomization/status/");
        }
    }

    @Test
    void invalidAlertsAndProvidersBecomeErrorEventsAndRecoverWhenFixed() throws Exception {
        try (CapturingServer hook = new CapturingServer()) {
            provider("late-secret", "generic", null, "late-secret", null);
            alert("bad-regex", "late-secret", "fixme", "([unclosed");
            alert("fixme", "late-secret", "fixme", null);

            ObjectEvent badAlert = awaitEventAbout("Alert/flux-system/bad-regex");
            assertThat(badAlert.severity()).isEqualTo(Severity.ERROR);
            assertThat(badAlert.reason()).isEqualTo("InvalidAlert");
            assertThat(badAlert.message()).contains("spec.exclusionList[0]", "([unclosed");
            assertThat(badAlert.reportingController()).isEqualTo("alert-service");
            ObjectEvent badProvider = awaitEventAbout("Provider/flux-system/late-secret");
            assertThat(badProvider.reason()).isEqualTo("InvalidProvider");
            assertThat(badProvider.message()).contains("Secret/flux-system/late-secret, which does not exist");

            // the Secret appears: the Provider is retried and the Alert that was waiting for it works
            secret("late-secret", Map.of("address", hook.url("/late")));
            awaitRouted("fixme");
            TestKafka.publish(event("fixme", Severity.INFO, "ReconciliationSucceeded", "ConfigMap/default/fixme created", REVISION));
            assertThat(exactlyOne(hook).path()).isEqualTo("/late");
        }
    }

    @Test
    void emailThroughGreenMail() throws Exception {
        GreenMail mail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        try {
            mail.setUser("alerts@example.com", "sluice", "mail-pa55");
            secret("smtp", Map.of("address", "smtp://127.0.0.1:" + mail.getSmtp().getPort(), "username", "sluice", "password", "mail-pa55"));
            ProviderSpec spec = providerSpec("email", null, "smtp", "ops@example.com");
            spec.setUsername("alerts@example.com");
            create(providerObject("mail", spec));
            alert("mail", "mail", "mailed", null);
            awaitRouted("mail");

            TestKafka.publish(event("mailed", Severity.INFO, "ReconciliationSucceeded", "Deployment/default/mailed configured", REVISION));

            assertThat(mail.waitForIncomingEmail(WAIT.toMillis(), 1)).isTrue();
            Thread.sleep(QUIET.toMillis());
            MimeMessage[] received = mail.getReceivedMessages();
            assertThat(received).hasSize(1);
            assertThat(received[0].getSubject())
                    .isEqualTo("[info] Kustomization/flux-system/mailed: applied (ReconciliationSucceeded) at main@sha1:4e1243b");
            assertThat(received[0].getAllRecipients()[0].toString()).isEqualTo("ops@example.com");
            MimeMultipart parts = (MimeMultipart) received[0].getContent();
            assertThat(GreenMailUtil.getBody(parts.getBodyPart(0))).contains("Deployment/default/mailed configured", "revision: " + REVISION);
        } finally {
            mail.stop();
        }
    }

    @Test
    void anObjectThatFailedAndWorksAgainGetsOneRecoveredMessage() throws Exception {
        try (CapturingServer hook = new CapturingServer()) {
            provider("recovery-hook", "generic", hook.url("/hook"), null, null);
            alert("flaky", "recovery-hook", "flaky", "error");
            awaitRouted("flaky");

            TestKafka.publish(event("flaky", Severity.ERROR, "HealthCheckFailed", "Deployment/default/flaky not ready", REVISION));
            TestKafka.publish(event("flaky", Severity.INFO, "ReconciliationSucceeded", "Deployment/default/flaky configured", REVISION));
            TestKafka.publish(event("flaky", Severity.INFO, "ReconciliationSucceeded", "Deployment/default/flaky unchanged", REVISION));

            await().atMost(WAIT).until(() -> hook.requests.size() >= 2);
            Thread.sleep(QUIET.toMillis());
            assertThat(hook.requests).hasSize(2); // the error, then one Recovered; the later success is info (filtered)
            JsonNode recovered = json.readTree(hook.requests.get(1).body());
            assertThat(recovered.path("reason").asText()).isEqualTo("Recovered");
            assertThat(recovered.path("message").asText()).contains("recovered after HealthCheckFailed", "Deployment/default/flaky configured");
            assertThat(recovered.path("metadata").path("recoveredFrom").asText()).isEqualTo("HealthCheckFailed");
        }
    }

    // --- helpers ------------------------------------------------------------------------------------------------

    private static KubernetesClient kube() {
        return SandboxClusterResource.cluster().client();
    }

    private CapturingServer.Request exactlyOne(CapturingServer server) throws InterruptedException {
        await().atMost(WAIT).until(() -> !server.requests.isEmpty());
        Thread.sleep(QUIET.toMillis());
        assertThat(server.requests).hasSize(1);
        return server.requests.get(0);
    }

    private void awaitRouted(String alert) {
        ObjectKey key = ObjectKey.of("Alert", NS, alert);
        await().atMost(WAIT).until(() -> tables.current().routes().containsKey(key));
    }

    private ObjectEvent awaitEventAbout(String subject) {
        ConsumerRecord<String, byte[]> record = TestKafka.awaitRecord("sluice.events", r -> subject.equals(r.key()));
        return TestKafka.CODEC.decode(record, ObjectEvent.class).data();
    }

    private static String header(ConsumerRecord<String, byte[]> record, String key) {
        var header = record.headers().lastHeader(key);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static ObjectEvent event(String kustomization, Severity severity, String reason, String message, String revision) {
        return new ObjectEvent(ObjectKey.of("Kustomization", NS, kustomization), severity, reason, message, revision,
                Map.of(), Instant.now(), "apply-service");
    }

    private static void secret(String name, Map<String, String> data) {
        Map<String, String> encoded = new HashMap<>();
        data.forEach((k, v) -> encoded.put(k, Base64.getEncoder().encodeToString(v.getBytes(StandardCharsets.UTF_8))));
        kube().secrets().inNamespace(NS).resource(new SecretBuilder().withNewMetadata().withName(name).withNamespace(NS)
                .endMetadata().withData(encoded).build()).create();
    }

    private static ProviderSpec providerSpec(String type, String address, String secret, String channel) {
        ProviderSpec spec = new ProviderSpec();
        spec.setType(type);
        spec.setAddress(address);
        spec.setChannel(channel);
        spec.setTimeout("5s");
        if (secret != null) {
            LocalObjectReference ref = new LocalObjectReference();
            ref.setName(secret);
            spec.setSecretRef(ref);
        }
        return spec;
    }

    private static Provider providerObject(String name, ProviderSpec spec) {
        Provider provider = new Provider();
        provider.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(NS).build());
        provider.setSpec(spec);
        return provider;
    }

    private static void provider(String name, String type, String address, String secret, String channel) {
        create(providerObject(name, providerSpec(type, address, secret, channel)));
    }

    private static void create(Provider provider) {
        kube().resources(Provider.class).inNamespace(NS).resource(provider).create();
    }

    /** An Alert on one Kustomization, with eventMetadata cluster=prod-eu. */
    private static void alert(String name, String provider, String kustomization, String exclusionOrSeverity) {
        AlertSpec spec = new AlertSpec();
        LocalObjectReference ref = new LocalObjectReference();
        ref.setName(provider);
        spec.setProviderRef(ref);
        CrossNamespaceObjectReference source = new CrossNamespaceObjectReference();
        source.setKind("Kustomization");
        source.setName(kustomization);
        spec.setEventSources(List.of(source));
        spec.setEventMetadata(Map.of("cluster", "prod-eu"));
        if ("error".equals(exclusionOrSeverity)) {
            spec.setEventSeverity("error");
        } else if (exclusionOrSeverity != null) {
            spec.setExclusionList(List.of(exclusionOrSeverity));
        }
        Alert alert = new Alert();
        alert.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(NS).build());
        alert.setSpec(spec);
        kube().resources(Alert.class).inNamespace(NS).resource(alert).create();
    }

    private static void gitRepository(String name, String url) {
        GitRepositorySpec spec = new GitRepositorySpec();
        spec.setUrl(url);
        spec.setInterval("5m");
        GitRepository repo = new GitRepository();
        repo.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(NS).build());
        repo.setSpec(spec);
        kube().resources(GitRepository.class).inNamespace(NS).resource(repo).create();
    }

    private static void kustomization(String name, String gitRepository) {
        KustomizationSpec spec = new KustomizationSpec();
        CrossNamespaceSourceReference ref = new CrossNamespaceSourceReference();
        ref.setKind("GitRepository");
        ref.setName(gitRepository);
        spec.setSourceRef(ref);
        spec.setInterval("5m");
        spec.setPath("./");
        spec.setPrune(true);
        Kustomization kustomization = new Kustomization();
        kustomization.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(NS).build());
        kustomization.setSpec(spec);
        kube().resources(Kustomization.class).inNamespace(NS).resource(kustomization).create();
    }
}
