package io.sluice.render.reconcile;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.sluice.api.events.ArtifactReady;
import io.sluice.api.events.Digest;
import io.sluice.api.events.ManifestsRendered;
import io.sluice.api.events.ObjectEvent;
import io.sluice.api.events.RenderedManifests;
import io.sluice.api.events.Severity;
import io.sluice.api.events.SluiceEvent;
import io.sluice.api.kustomize.Kustomization;
import io.sluice.api.kustomize.PostBuild;
import io.sluice.api.kustomize.SubstituteReference;
import io.sluice.api.meta.ObjectKey;
import io.sluice.kit.metrics.StageTimer;
import io.sluice.render.config.RenderConfig;
import io.sluice.render.testing.ArtifactServer;
import io.sluice.sandbox.cluster.SandboxCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.sluice.render.testing.FluxObjects.createGitRepository;
import static io.sluice.render.testing.FluxObjects.createKustomization;
import static io.sluice.render.testing.FluxObjects.editKustomization;
import static io.sluice.render.testing.FluxObjects.getKustomization;
import static io.sluice.render.testing.FluxObjects.kustomizationKey;
import static io.sluice.render.testing.FluxObjects.readyReasonAndMessage;
import static io.sluice.render.testing.FluxObjects.setArtifact;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * One render at a time against the sandbox's in-memory Kubernetes API, with events captured instead of sent to
 * Kafka: which artifact is rendered (the triggering ArtifactReady, else the source's status.artifact), what is
 * published, what goes into the status, and when the next render is due.
 */
class KustomizationRenderHandlerTest {

    private static final String NS = "flux-system";
    private static final ObjectKey SOURCE = ObjectKey.of("GitRepository", NS, "app");
    private static final String REVISION = "main@sha1:3f2a0c1d9b8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a";
    private static final String MANIFEST = """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: settings
            data:
              env: ${env}
            """;

    private static SandboxCluster cluster;
    private static ArtifactServer artifacts;
    private static ArtifactReady ready;

    @TempDir
    Path store;
    private final List<SluiceEvent> sent = new CopyOnWriteArrayList<>();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private KustomizationRenderHandler handler;

    @BeforeAll
    static void start() {
        cluster = SandboxCluster.start();
        artifacts = new ArtifactServer();
        ready = artifacts.artifact(SOURCE, REVISION, Map.of("deploy/configmap.yaml", MANIFEST));
    }

    @AfterAll
    static void stop() {
        if (artifacts != null) {
            artifacts.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    @BeforeEach
    void handler() {
        handler = newHandler();
    }

    private KustomizationRenderHandler newHandler() {
        return new KustomizationRenderHandler(cluster.client(), event -> {
            sent.add(event);
            return CompletableFuture.completedFuture(null);
        }, settings(store), new StageTimer(meters, Clock.systemUTC()));
    }

    private static PostBuild substitute(String env) {
        PostBuild postBuild = new PostBuild();
        postBuild.setSubstitute(Map.of("env", env));
        return postBuild;
    }

    private List<ManifestsRendered> rendered(String name) {
        return sent.stream().filter(ManifestsRendered.class::isInstance).map(ManifestsRendered.class::cast)
                .filter(e -> e.app().name().equals(name)).toList();
    }

    private List<ObjectEvent> errors(String name) {
        return sent.stream().filter(ObjectEvent.class::isInstance).map(ObjectEvent.class::cast)
                .filter(e -> e.involvedObject().name().equals(name)).toList();
    }

    private static String yaml(ManifestsRendered rendered) {
        return ((RenderedManifests.Inline) rendered.manifests()).yaml();
    }

    @Test
    void publishes_rendered_manifests_with_variables_from_a_configmap_and_nothing_new_the_second_time() {
        KubernetesClient client = cluster.client();
        client.configMaps().inNamespace(NS).resource(new ConfigMapBuilder()
                .withNewMetadata().withName("cluster-vars").endMetadata().addToData("env", "prod").build()).create();
        SubstituteReference ref = new SubstituteReference();
        ref.setKind("ConfigMap");
        ref.setName("cluster-vars");
        createKustomization(client, NS, "good", "app", "./deploy", spec -> {
            spec.setPostBuild(new PostBuild());
            spec.getPostBuild().setSubstituteFrom(List.of(ref));
        });

        Duration next = handler.render(kustomizationKey(NS, "good"), ready);

        ManifestsRendered rendered = rendered("good").get(0);
        assertThat(rendered.sourceRevision()).isEqualTo(REVISION);
        assertThat(yaml(rendered)).contains("env: prod");
        assertThat(rendered.digest()).isEqualTo(Digest.sha256(yaml(rendered).getBytes(StandardCharsets.UTF_8)));
        assertThat(next).as("spec.interval").isEqualTo(Duration.ofMinutes(10));
        Timer renderStage = meters.find(StageTimer.STAGE_METRIC).tag("stage", "render").timer();
        assertThat(renderStage).isNotNull();
        assertThat(renderStage.count()).isEqualTo(1);

        sent.clear();
        handler.render(kustomizationKey(NS, "good"), ready);
        assertThat(sent).as("same revision, same manifests").isEmpty();
        assertThat(renderStage.count()).as("it was rendered again all the same").isEqualTo(2);
    }

    @Test
    void failure_sets_ready_false_with_the_reason_publishes_an_error_event_once_and_retries_on_the_retry_interval() {
        KubernetesClient client = cluster.client();
        createKustomization(client, NS, "missing-path", "app", "./deploy/prod", spec -> spec.setRetryInterval("2m"));

        Duration next = handler.render(kustomizationKey(NS, "missing-path"), ready);

        assertThat(next).isEqualTo(Duration.ofMinutes(2));
        Kustomization ks = getKustomization(client, NS, "missing-path");
        assertThat(ks.getStatus().getLastAttemptedRevision()).isEqualTo(REVISION);
        assertThat(ks.getStatus().getConditions()).singleElement().satisfies(c -> {
            assertThat(c.getType()).isEqualTo("Ready");
            assertThat(c.getStatus()).isEqualTo("False");
            assertThat(c.getReason()).isEqualTo("ArtifactFailed");
            assertThat(c.getMessage()).isEqualTo("kustomization path './deploy/prod' not found in artifact of GitRepository flux-system/app at " + REVISION);
        });
        ObjectEvent event = errors("missing-path").get(0);
        assertThat(event.severity()).isEqualTo(Severity.ERROR);
        assertThat(event.reason()).isEqualTo("ArtifactFailed");
        assertThat(event.revision()).isEqualTo(REVISION);
        assertThat(event.reportingController()).isEqualTo("render-service");
        assertThat(rendered("missing-path")).isEmpty();

        String resourceVersion = getKustomization(client, NS, "missing-path").getMetadata().getResourceVersion();
        handler.render(kustomizationKey(NS, "missing-path"), ready);
        assertThat(errors("missing-path")).as("the same failure again: no second event").hasSize(1);
        assertThat(getKustomization(client, NS, "missing-path").getMetadata().getResourceVersion())
                .as("nor a status write").isEqualTo(resourceVersion);
    }

    @Test
    void strict_substitution_failure_is_build_failed() {
        createKustomization(cluster.client(), NS, "unset-var", "app", "./deploy", spec -> {
            spec.setPostBuild(new PostBuild());
            spec.getPostBuild().setSubstitute(Map.of("unrelated", "x"));
        });

        handler.render(kustomizationKey(NS, "unset-var"), ready);

        ObjectEvent event = errors("unset-var").get(0);
        assertThat(event.reason()).isEqualTo("BuildFailed");
        assertThat(event.message()).contains("variable not set (strict mode): \"env\"");
    }

    @Test
    void without_a_trigger_the_sources_status_artifact_is_rendered() {
        KubernetesClient client = cluster.client();
        ObjectKey source = ObjectKey.of("GitRepository", NS, "from-status");
        ArtifactReady inStatus = artifacts.artifact(source, "main@sha1:" + "a".repeat(40), Map.of("deploy/configmap.yaml", MANIFEST));
        createGitRepository(client, NS, "from-status", inStatus);
        createKustomization(client, NS, "from-status", "from-status", "./deploy", spec -> spec.setPostBuild(substitute("staging")));

        handler.render(kustomizationKey(NS, "from-status"), null);

        ManifestsRendered rendered = rendered("from-status").get(0);
        assertThat(rendered.sourceRevision()).isEqualTo(inStatus.revision());
        assertThat(yaml(rendered)).contains("env: staging");
        assertThat(rendered.pushReceivedAt()).as("no push behind an interval render").isNull();

        // A trigger for a source it does not use (its sourceRef changed meanwhile) is ignored: the status is read.
        sent.clear();
        editKustomization(client, NS, "from-status", ks -> ks.getSpec().setPostBuild(substitute("changed")));
        handler.render(kustomizationKey(NS, "from-status"), ready);
        assertThat(rendered("from-status")).singleElement().satisfies(m -> {
            assertThat(m.sourceRevision()).isEqualTo(inStatus.revision());
            assertThat(yaml(m)).contains("env: changed");
        });
    }

    @Test
    void the_push_time_of_the_triggering_artifact_is_carried_to_the_rendering() {
        createKustomization(cluster.client(), NS, "pushed", "app", "./deploy", spec -> spec.setPostBuild(substitute("x")));
        Instant pushed = Instant.parse("2026-11-28T02:00:00.123456Z");
        ArtifactReady afterPush = new ArtifactReady(ready.source(), ready.revision(), ready.url(), ready.digest(), ready.size(), pushed);

        handler.render(kustomizationKey(NS, "pushed"), afterPush);

        assertThat(rendered("pushed")).singleElement().satisfies(m -> assertThat(m.pushReceivedAt()).isEqualTo(pushed));
    }

    @Test
    void missing_source_then_source_without_artifact_then_its_artifact() {
        KubernetesClient client = cluster.client();
        createKustomization(client, NS, "late", "late-repo", "./deploy", spec -> {
            spec.setRetryInterval("45s");
            spec.setPostBuild(substitute("late"));
        });
        ObjectKey key = kustomizationKey(NS, "late");

        assertThat(handler.render(key, null)).as("retryInterval").isEqualTo(Duration.ofSeconds(45));
        assertThat(condition(client, "late")).isEqualTo("False ArtifactFailed: Source 'GitRepository/flux-system/late-repo' not found, retrying in 45s");
        assertThat(errors("late")).singleElement().satisfies(e -> {
            assertThat(e.reason()).isEqualTo("ArtifactFailed");
            assertThat(e.revision()).isNull();
        });

        createGitRepository(client, NS, "late-repo", null);
        assertThat(handler.render(key, null)).as("the dependency requeue interval").isEqualTo(Duration.ofSeconds(30));
        assertThat(condition(client, "late")).isEqualTo("False ArtifactFailed: Source artifact not found, retrying in 30s");
        assertThat(errors("late")).as("a new message: a new event").hasSize(2);
        assertThat(rendered("late")).isEmpty();

        ArtifactReady artifact = artifacts.artifact(ObjectKey.of("GitRepository", NS, "late-repo"), "main@sha1:" + "d".repeat(40),
                Map.of("deploy/configmap.yaml", MANIFEST));
        setArtifact(client, NS, "late-repo", artifact);
        assertThat(handler.render(key, null)).as("spec.interval").isEqualTo(Duration.ofMinutes(10));
        assertThat(rendered("late")).singleElement().satisfies(m -> assertThat(m.sourceRevision()).isEqualTo(artifact.revision()));
    }

    @Test
    void a_source_kind_other_than_gitrepository_is_artifact_failed_naming_the_kind() {
        createKustomization(cluster.client(), NS, "bucket", "b", "./deploy", spec -> spec.getSourceRef().setKind("Bucket"));

        handler.render(kustomizationKey(NS, "bucket"), null);

        assertThat(condition(cluster.client(), "bucket")).startsWith("False ArtifactFailed: source 'Bucket/flux-system/b' of Kustomization"
                + " flux-system/bucket: kind 'Bucket' is not supported");
    }

    @Test
    void suspended_or_deleted_kustomizations_are_not_rendered_and_have_no_next_run() {
        KubernetesClient client = cluster.client();
        createKustomization(client, NS, "paused", "app", "./deploy", spec -> {
            spec.setSuspend(true);
            spec.setPostBuild(substitute("x"));
        });

        assertThat(handler.render(kustomizationKey(NS, "paused"), ready)).isNull();
        assertThat(handler.render(kustomizationKey(NS, "does-not-exist"), ready)).isNull();
        assertThat(sent).isEmpty();
        assertThat(getKustomization(client, NS, "paused").getStatus()).as("status left alone, as Flux does").isNull();
    }

    @Test
    void after_a_failure_or_forget_the_same_rendering_is_published_again() {
        KubernetesClient client = cluster.client();
        createKustomization(client, NS, "flaky", "app", "./deploy", spec -> spec.setPostBuild(substitute("one")));
        ObjectKey key = kustomizationKey(NS, "flaky");
        handler.render(key, ready);
        assertThat(rendered("flaky")).hasSize(1);

        handler.forget(key);   // deleted and created again
        handler.render(key, ready);
        assertThat(rendered("flaky")).hasSize(2);

        editKustomization(client, NS, "flaky", ks -> ks.getSpec().setPath("./nowhere"));
        handler.render(key, ready);
        editKustomization(client, NS, "flaky", ks -> ks.getSpec().setPath("./deploy"));
        handler.render(key, ready);
        assertThat(rendered("flaky")).as("the failure in between is cleared by publishing again").hasSize(3);
    }

    private static String condition(KubernetesClient client, String name) {
        return readyReasonAndMessage(client, NS, name);
    }

    static RenderConfig settings(Path store) {
        return new RenderConfig() {
            public boolean strictSubstitution() {
                return true;
            }

            public int inlineLimitBytes() {
                return 512 * 1024;
            }

            public String storeDir() {
                return store.toString();
            }

            public String storeUrl() {
                return "http://127.0.0.1/manifests/";
            }

            public long artifactMaxDownloadBytes() {
                return 1 << 20;
            }

            public long artifactMaxUnpackedBytes() {
                return 1 << 20;
            }

            public int artifactMaxEntries() {
                return 100;
            }

            public Duration artifactTimeout() {
                return Duration.ofSeconds(10);
            }

            public int workers() {
                return 2;
            }

            public Duration requeueDependency() {
                return Duration.ofSeconds(30);
            }

            public Duration defaultInterval() {
                return Duration.ofMinutes(10);
            }
        };
    }
}
