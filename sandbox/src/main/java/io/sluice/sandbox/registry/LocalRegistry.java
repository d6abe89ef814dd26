package io.sluice.sandbox.registry;

import io.sluice.sandbox.LoopbackPorts;
import io.sluice.sandbox.TempDirectories;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A real OCI registry for local runs and tests: Debian's {@code docker-registry} (CNCF distribution 2.8) run as a
 * child process, {@code docker-registry serve CONFIG}, on a free loopback port, storing images in a temporary
 * folder that {@link #close()} deletes. Optional: htpasswd (Basic) auth, token (Bearer) auth against a token
 * server the caller runs, TLS with a certificate the caller made.
 *
 * <p>Needs the {@code docker-registry} package ({@code apt-get install docker-registry}; {@code .ci/run} installs
 * it). Only the process started here runs: the package's own system service is not used.
 */
public final class LocalRegistry implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(LocalRegistry.class);
    private static final Duration READY_WITHIN = Duration.ofSeconds(30);
    private static final List<Path> BINARIES = List.of(Path.of("/usr/bin/docker-registry"), Path.of("/usr/local/bin/docker-registry"));

    private final Process process;
    private final Path root;
    private final int port;
    private final boolean tls;

    private LocalRegistry(Process process, Path root, int port, boolean tls) {
        this.process = process;
        this.root = root;
        this.port = port;
        this.tls = tls;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The {@code docker-registry} binary, if installed. */
    public static Optional<Path> binary() {
        return BINARIES.stream().filter(Files::isExecutable).findFirst();
    }

    /** {@code 127.0.0.1:<port>}: the registry part of image names pushed here. */
    public String host() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /** {@code http://127.0.0.1:<port>} (https with TLS). */
    public URI url() {
        return URI.create((tls ? "https" : "http") + "://" + host());
    }

    /** Where the registry keeps its blobs and manifests (deleted on close). */
    public Path storage() {
        return root.resolve("storage");
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        TempDirectories.deleteRecursively(root);
        LOG.infof("SANDBOX registry on %s stopped; its images are deleted", host());
    }

    /** What to turn on before {@link #start()}. */
    public static final class Builder {
        private String htpasswdLine;
        private String tokenRealm;
        private String tokenService;
        private String tokenIssuer;
        private String tokenRootCertPem;
        private Path tlsCertificate;
        private Path tlsKey;

        private Builder() {
        }

        /**
         * Basic auth with one user: {@code line} is an htpasswd line with a bcrypt hash, {@code user:$2y$...}
         * (distribution accepts only bcrypt), as {@code htpasswd -Bbn user password} prints it.
         */
        public Builder htpasswd(String line) {
            this.htpasswdLine = line.strip();
            return this;
        }

        /**
         * Token auth: the registry answers 401 with {@code Bearer realm=<realm>,service=<service>} and accepts JWTs
         * issued by {@code issuer} for {@code service}, signed by the key of the certificate {@code rootCertPem}.
         */
        public Builder tokenAuth(String realm, String service, String issuer, String rootCertPem) {
            this.tokenRealm = realm;
            this.tokenService = service;
            this.tokenIssuer = issuer;
            this.tokenRootCertPem = rootCertPem;
            return this;
        }

        /** HTTPS with this certificate and key (PEM files). */
        public Builder tls(Path certificate, Path key) {
            this.tlsCertificate = certificate;
            this.tlsKey = key;
            return this;
        }

        /** Starts the registry and waits until it answers {@code /v2/}. */
        public LocalRegistry start() {
            Path binary = binary().orElseThrow(() -> new IllegalStateException("The docker-registry binary is not installed (looked in "
                    + BINARIES + "). Install Debian's package: apt-get update && apt-get install -y docker-registry"));
            Path root = TempDirectories.create("sluice-registry-");
            int port = LoopbackPorts.free();
            try {
                Files.createDirectories(root.resolve("storage"));
                Path config = root.resolve("config.yml");
                Files.writeString(config, config(root, port), StandardCharsets.UTF_8);
                Process process = new ProcessBuilder(binary.toString(), "serve", config.toString())
                        .redirectErrorStream(true)
                        .redirectOutput(root.resolve("registry.log").toFile())
                        .start();
                LocalRegistry registry = new LocalRegistry(process, root, port, tlsCertificate != null);
                try {
                    registry.awaitReady();
                } catch (RuntimeException e) {
                    registry.close();
                    throw e;
                }
                LOG.infof("SANDBOX registry (docker-registry, storage deleted on stop) on %s%s", registry.url(),
                        htpasswdLine != null ? " - htpasswd auth" : tokenRealm != null ? " - token auth" : "");
                return registry;
            } catch (IOException e) {
                TempDirectories.deleteRecursively(root);
                throw new UncheckedIOException("Could not start docker-registry: " + e.getMessage(), e);
            }
        }

        private String config(Path root, int port) throws IOException {
            StringBuilder yaml = new StringBuilder();
            yaml.append("version: 0.1\n")
                    .append("log:\n  level: warn\n  accesslog:\n    disabled: true\n")
                    .append("storage:\n  filesystem:\n    rootdirectory: ").append(root.resolve("storage")).append('\n')
                    .append("  delete:\n    enabled: true\n")
                    .append("http:\n  addr: 127.0.0.1:").append(port).append('\n')
                    .append("  secret: sluice-sandbox-registry\n");
            if (tlsCertificate != null) {
                yaml.append("  tls:\n    certificate: ").append(tlsCertificate).append("\n    key: ").append(tlsKey).append('\n');
            }
            if (htpasswdLine != null) {
                Path htpasswd = Files.writeString(root.resolve("htpasswd"), htpasswdLine + "\n", StandardCharsets.UTF_8);
                yaml.append("auth:\n  htpasswd:\n    realm: sluice-sandbox\n    path: ").append(htpasswd).append('\n');
            } else if (tokenRealm != null) {
                Path bundle = Files.writeString(root.resolve("token-root.pem"), tokenRootCertPem, StandardCharsets.US_ASCII);
                yaml.append("auth:\n  token:\n    realm: ").append(tokenRealm).append("\n    service: ").append(tokenService)
                        .append("\n    issuer: ").append(tokenIssuer).append("\n    rootcertbundle: ").append(bundle).append('\n');
            }
            return yaml.toString();
        }
    }

    private void awaitReady() {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(READY_WITHIN);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("docker-registry exited with " + process.exitValue() + " at start: " + log());
            }
            try {
                if (tls) {
                    // The caller's certificate is not trusted by this JVM; a listening port is enough here.
                    try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
                        return;
                    }
                }
                int status = client.send(HttpRequest.newBuilder(url().resolve("/v2/")).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status == 200 || status == 401) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for docker-registry", e);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for docker-registry", e);
            }
        }
        throw new IllegalStateException("docker-registry did not answer on " + url() + " within " + READY_WITHIN.toSeconds() + " s: " + log());
    }

    private String log() {
        try {
            return Files.readString(root.resolve("registry.log"));
        } catch (IOException e) {
            return "(no log)";
        }
    }
}
