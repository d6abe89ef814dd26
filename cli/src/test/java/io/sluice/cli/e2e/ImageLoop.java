package io.sluice.cli.e2e;

import static io.sluice.cli.e2e.ImageRepositoryFiles.APP_NAMESPACE;
import static io.sluice.cli.e2e.ImageRepositoryFiles.IMAGE_PATH;
import static io.sluice.cli.e2e.ImageRepositoryFiles.NAME;
import static io.sluice.cli.e2e.ImageRepositoryFiles.NAMESPACE;
import static io.sluice.cli.e2e.ImageRepositoryFiles.REPOSITORY;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.sluice.api.notification.Receiver;
import io.sluice.sandbox.registry.LocalRegistry;
import io.sluice.sandbox.registry.RegistryImages;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * The image loop the end-to-end test and the benchmark drive: the {@link Pipeline}, a real registry (Debian's
 * docker-registry) with {@code team/app}, the Git repository {@code images} and the Flux objects of
 * {@link ImageRepositoryFiles}. {@link #start} returns once the Deployment runs the first image and the Receiver has
 * its path.
 */
final class ImageLoop implements AutoCloseable {

    private static final Duration SETUP_WITHIN = Duration.ofSeconds(90);

    private final Pipeline pipeline;
    private final LocalRegistry registry;
    private final EventLog events;
    private final ClusterObjects objects;
    private final URI webhook;
    private final HttpClient http = HttpClient.newHttpClient();

    private ImageLoop(Pipeline pipeline, LocalRegistry registry, EventLog events, ClusterObjects objects, URI webhook) {
        this.pipeline = pipeline;
        this.registry = registry;
        this.events = events;
        this.objects = objects;
        this.webhook = webhook;
    }

    static ImageLoop start(Path dir) throws Exception {
        LocalRegistry registry = LocalRegistry.builder().start();
        Pipeline pipeline = null;
        EventLog events = null;
        try {
            RegistryImages.push(registry, IMAGE_PATH, "1.0.0");
            RegistryImages.push(registry, IMAGE_PATH, "2.0.0");
            pipeline = Pipeline.start(dir);
            events = new EventLog(pipeline.kafkaBootstrap());
            ClusterObjects objects = new ClusterObjects(pipeline.client());
            pipeline.git().createBareRepository(REPOSITORY);
            pipeline.git().commitFiles(REPOSITORY, "main", ImageRepositoryFiles.initialFiles(registry.host()), "images: initial manifests");

            String secret = NAME + "-webhook-token";
            objects.createSecret(NAMESPACE, secret, Map.of("token", ImageRepositoryFiles.WEBHOOK_TOKEN));
            objects.create(ImageRepositoryFiles.receiver(secret));
            objects.create(ImageRepositoryFiles.kustomization());
            objects.create(ImageRepositoryFiles.gitRepository(pipeline.git().url(REPOSITORY).toString()));
            objects.create(ImageRepositoryFiles.imageRepository(registry.host()));
            objects.create(ImageRepositoryFiles.imagePolicy());
            objects.create(ImageRepositoryFiles.imageUpdateAutomation());

            ImageLoop loop = new ImageLoop(pipeline, registry, events, objects, null);
            loop.awaitRunning("1.0.0", SETUP_WITHIN, "set-up: the first commit applied");
            String path = Await.until("Receiver " + NAMESPACE + "/" + NAME + " to get status.webhookPath (set-up)", SETUP_WITHIN,
                    () -> objects.statusField(Receiver.KIND, NAMESPACE, NAME, "webhookPath"), p -> !p.isEmpty());
            return new ImageLoop(pipeline, registry, events, objects, URI.create(pipeline.url("webhook-gateway", path)));
        } catch (Exception | Error e) {
            String logs = pipeline == null ? "" : pipeline.logTails(30);
            if (events != null) {
                events.close();
            }
            if (pipeline != null) {
                pipeline.close();
            }
            registry.close();
            throw new AssertionError("Setting up the image loop failed: " + e.getMessage() + logs, e);
        }
    }

    Pipeline pipeline() {
        return pipeline;
    }

    EventLog events() {
        return events;
    }

    ClusterObjects objects() {
        return objects;
    }

    String registryHost() {
        return registry.host();
    }

    /** Pushes {@code team/app:tag} to the registry; returns its digest. */
    String pushImage(String tag) {
        return RegistryImages.push(registry, IMAGE_PATH, tag);
    }

    /** Sends Harbor's push webhook for {@code tag} to the gateway; returns when it was sent. */
    Instant callWebhook(String tag, String digest) throws IOException, InterruptedException {
        Instant sent = Instant.now();
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(webhook)
                .header("Content-Type", "application/json")
                .header("Authorization", ImageRepositoryFiles.WEBHOOK_TOKEN)
                .POST(HttpRequest.BodyPublishers.ofString(ImageRepositoryFiles.harborPush(registry.host(), tag, digest)))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 202) {
            throw new AssertionError("webhook-gateway answered the registry webhook with HTTP " + answer.statusCode() + " " + answer.body()
                    + " (expected 202 accepted)" + pipeline.logTails(20));
        }
        return sent;
    }

    /** The image the Deployment in the sandbox runs, or a note saying it is not there. */
    String runningImage() {
        Deployment deployment = pipeline.client().apps().deployments().inNamespace(APP_NAMESPACE).withName("app").get();
        return deployment == null ? "(no Deployment " + APP_NAMESPACE + "/app)"
                : deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getImage();
    }

    void awaitRunning(String tag, Duration timeout, String what) throws InterruptedException {
        String wanted = registry.host() + "/" + IMAGE_PATH + ":" + tag;
        Await.until(what + ": Deployment " + APP_NAMESPACE + "/app running " + wanted, timeout, this::runningImage, wanted::equals);
    }

    /** The tip of {@code main} in the Git server. */
    RevCommit tip() throws IOException {
        Repository repository = pipeline.git().repository(REPOSITORY);
        try (RevWalk walk = new RevWalk(repository)) {
            return walk.parseCommit(repository.resolve("refs/heads/main"));
        }
    }

    String file(RevCommit commit, String path) throws IOException {
        Repository repository = pipeline.git().repository(REPOSITORY);
        try (TreeWalk walk = TreeWalk.forPath(repository, path, commit.getTree())) {
            return new String(repository.open(walk.getObjectId(0)).getBytes(), StandardCharsets.UTF_8);
        }
    }

    @Override
    public void close() throws Exception {
        try {
            events.close();
            pipeline.close();
        } finally {
            registry.close();
        }
    }
}
