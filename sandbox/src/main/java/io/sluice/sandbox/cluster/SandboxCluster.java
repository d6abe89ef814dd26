package io.sluice.sandbox.cluster;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.vertx.VertxHttpClientFactory;
import io.sluice.sandbox.LoopbackPorts;
import io.sluice.sandbox.PortInUseException;
import io.sluice.sandbox.cluster.apiserver.SandboxDispatcher;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * An in-memory Kubernetes API server on 127.0.0.1 (the sandbox's own API implementation, {@link SandboxDispatcher},
 * behind Vert.x HTTP servers on several event loops, {@link SandboxHttpServer}) with the Sluice CRDs registered and
 * the {@code default} and {@code flux-system} namespaces created.
 *
 * <p>It is a SANDBOX: it stores and serves objects with watches, the status subresource, server-side
 * apply with managedFields, garbage collection and namespace deletion, but runs no pods, no controllers
 * and no admission, and validates nothing against schemas. docs/sandbox.md lists exactly which
 * API-server behaviours it lacks.
 */
public final class SandboxCluster implements AutoCloseable {

    /** Cluster, context and user name in the written kubeconfig. */
    public static final String NAME = "sluice-sandbox";
    public static final String DEFAULT_NAMESPACE = "default";
    /** Namespaces every sandbox starts with: {@code default} and Flux's {@code flux-system}. */
    public static final List<String> NAMESPACES = List.of(DEFAULT_NAMESPACE, "flux-system");

    private static final Logger LOG = Logger.getLogger(SandboxCluster.class);

    private final SandboxHttpServer server;
    private final SandboxDispatcher dispatcher;
    private final String masterUrl;
    private final String token;
    private final KubernetesClient client;
    private final Set<String> crdNames = new LinkedHashSet<>();
    private boolean closed;

    private SandboxCluster(SandboxHttpServer server, SandboxDispatcher dispatcher, String token) {
        this.server = server;
        this.dispatcher = dispatcher;
        this.token = token;
        this.masterUrl = "https://127.0.0.1:" + server.port();
        // An explicit HTTP client factory: in a Quarkus app that has quarkus-kubernetes-client, fabric8's service
        // lookup through the context class loader finds QuarkusHttpClientFactory loaded beside a different copy of
        // HttpClient.Factory ("not a subtype"), and the sandbox's own client could not be built.
        this.client = new KubernetesClientBuilder()
                .withHttpClientFactory(new VertxHttpClientFactory())
                .withConfig(config())
                .build();
    }

    /** Starts the API server on a free loopback port. */
    public static SandboxCluster start() {
        return launch(0);
    }

    /**
     * Starts the API server on {@code port} (as {@code sluice up} does).
     *
     * @throws PortInUseException when the port is taken; checked before anything starts
     */
    public static SandboxCluster start(int port) {
        LoopbackPorts.requireFree(port, "Kubernetes API server");
        return launch(port);
    }

    private static SandboxCluster launch(int port) {
        String token = newToken();
        SandboxTls tls = SandboxTls.get();
        SandboxDispatcher dispatcher = new SandboxDispatcher(token, tls.caPem());
        SandboxHttpServer server = SandboxHttpServer.start(InetAddress.getLoopbackAddress(), port, dispatcher, tls);
        dispatcher.serverAddress("127.0.0.1:" + server.port());
        SandboxCluster cluster = new SandboxCluster(server, dispatcher, token);
        try {
            NAMESPACES.forEach(cluster::createNamespace);
            // The context loader sees the application's class path (Quarkus tests use their own loader);
            // the sandbox's loader sees at least sluice-api. Registration skips CRDs seen twice.
            cluster.registerCustomResourceDefinitions(Thread.currentThread().getContextClassLoader());
            cluster.registerCustomResourceDefinitions(SandboxCluster.class.getClassLoader());
            dispatcher.started();
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
        LOG.infof("SANDBOX Kubernetes API (in-memory fabric8 mock: stores objects, runs no pods) on %s"
                + " with %d CRDs and namespaces %s", cluster.masterUrl, cluster.crdNames.size(), NAMESPACES);
        return cluster;
    }

    /**
     * {@code https://127.0.0.1:<port>}: HTTPS with a certificate from the sandbox's own CA ({@link #caCertificate()});
     * every request needs {@link #token()} (or is anonymous).
     */
    public String masterUrl() {
        return masterUrl;
    }

    /**
     * The bearer token of the sandbox's administrator (user {@code sluice-sandbox-admin}, group
     * {@code system:masters}), made at start: {@link #config()}, {@link #client()} and the written kubeconfig carry
     * it. Without it a request is {@code system:anonymous} (403 for almost everything); with another token, 401.
     */
    public String token() {
        return token;
    }

    /** The CA certificate (PEM) that signed the server's: what the kubeconfig and {@link #config()} trust. */
    public String caCertificate() {
        return SandboxTls.get().caPem();
    }

    /** A TLS context that trusts the sandbox (for Java's own HTTP client; fabric8 clients use {@link #config()}). */
    public javax.net.ssl.SSLContext sslContext() {
        return SandboxTls.get().clientContext();
    }

    public int port() {
        return server.port();
    }

    /** A client for this server, namespace {@code default}; closed with the sandbox. */
    public KubernetesClient client() {
        return client;
    }

    /** A fresh client configuration for this server that ignores ~/.kube/config and the environment. */
    public Config config() {
        return new ConfigBuilder(Config.empty())
                .withMasterUrl(masterUrl)
                .withOauthToken(token)
                .withCaCertData(Base64.getEncoder().encodeToString(caCertificate().getBytes(java.nio.charset.StandardCharsets.US_ASCII)))
                .withNamespace(DEFAULT_NAMESPACE)
                // Generous: the sandbox shares its machine with builds and tests; a slow answer is not a failure.
                .withRequestTimeout(60_000)
                .build();
    }

    /** How many requests the API server has answered so far: tests compare two snapshots to show "no write". */
    public RequestCounts requests() {
        return new RequestCounts(dispatcher.requestCounts(), dispatcher.dryRunCount());
    }

    /** Names of the CRDs registered so far, e.g. {@code gitrepositories.source.toolkit.fluxcd.io}. */
    public List<String> customResourceDefinitions() {
        return List.copyOf(crdNames);
    }

    /**
     * Writes a kubeconfig (cluster, context and user {@value #NAME}, namespace default) that kubectl and
     * other processes can use: {@code kubectl --kubeconfig <file> get gitrepositories -A}.
     */
    public Path writeKubeconfig(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, Kubeconfig.yaml(NAME, masterUrl, DEFAULT_NAMESPACE, token, caCertificate()));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the sandbox kubeconfig to " + file
                    + "; check that the folder is writable", e);
        }
    }

    /**
     * Registers every {@code META-INF/fabric8/*-v1.yml} CRD visible to {@code loader}; a CRD already
     * registered (the same file seen twice on the class path) is skipped.
     */
    public List<String> registerCustomResourceDefinitions(ClassLoader loader) {
        List<String> registered = new ArrayList<>();
        if (loader == null) {
            return registered;
        }
        for (URL url : CrdResources.find(loader)) {
            try (InputStream in = url.openStream()) {
                registered.addAll(register(in, url.toString()));
            } catch (IOException e) {
                throw new UncheckedIOException("Could not read CRD file " + url, e);
            }
        }
        return registered;
    }

    /** Registers the CustomResourceDefinitions in a YAML or JSON stream (one or more documents). */
    public List<String> registerCustomResourceDefinitions(InputStream yaml) {
        return register(yaml, "the given stream");
    }

    private List<String> register(InputStream yaml, String origin) {
        List<HasMetadata> items = client.load(yaml).items();
        List<String> registered = new ArrayList<>();
        for (HasMetadata item : items) {
            if (!(item instanceof CustomResourceDefinition crd)) {
                throw new IllegalArgumentException("Expected only CustomResourceDefinitions in " + origin
                        + " but found " + item.getKind() + " " + item.getMetadata().getName());
            }
            String name = crd.getMetadata().getName();
            if (crdNames.contains(name)) {
                continue;
            }
            client.apiextensions().v1().customResourceDefinitions().resource(crd).create();
            // Established a moment after the create, as on a real server: wait, so callers can use the kind at once.
            client.apiextensions().v1().customResourceDefinitions().withName(name)
                    .waitUntilCondition(SandboxCluster::established, 30, TimeUnit.SECONDS);
            crdNames.add(name);
            registered.add(name);
        }
        return Collections.unmodifiableList(registered);
    }

    /** A token no one can guess: 32 random bytes, URL-safe base64. */
    private static String newToken() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return "sluice-sandbox." + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static boolean established(CustomResourceDefinition crd) {
        return crd != null && crd.getStatus() != null && crd.getStatus().getConditions() != null
                && crd.getStatus().getConditions().stream()
                        .anyMatch(c -> "Established".equals(c.getType()) && "True".equals(c.getStatus()));
    }

    private void createNamespace(String name) {
        client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build()).create();
    }

    /** Stops the server and drops every stored object. Calling it twice is harmless. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            client.close();
        } finally {
            server.close();
            dispatcher.shutdown();
        }
        LOG.infof("SANDBOX Kubernetes API on %s stopped; its objects are gone", masterUrl);
    }
}
