package io.sluice.image.registry;

import io.sluice.image.testing.FakeRegistry;
import io.sluice.image.testing.Htpasswd;
import io.sluice.image.testing.TokenServer;
import io.sluice.sandbox.LoopbackPorts;
import io.sluice.sandbox.registry.LocalRegistry;
import io.sluice.sandbox.registry.RegistryImages;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The registry client against real registries (Debian's docker-registry: anonymous, htpasswd, and token auth with
 * a token server of our own), and against a stand-in for the answers a real one will not give on demand.
 */
class RegistryClientTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private static LocalRegistry open;
    private static LocalRegistry basic;
    private static LocalRegistry token;
    private static TokenServer tokens;

    @BeforeAll
    static void startRegistries(@TempDir Path work) throws Exception {
        open = LocalRegistry.builder().start();
        basic = LocalRegistry.builder().htpasswd(Htpasswd.bcryptLine("robot", "s3cret")).start();
        tokens = new TokenServer(work, "robot", "t0ken-pass");
        token = LocalRegistry.builder().tokenAuth(tokens.realm(), TokenServer.SERVICE, TokenServer.ISSUER, tokens.certificatePem()).start();
        for (String tag : List.of("1.0.0", "1.0.1", "1.1.0", "2.0.0-rc.1", "latest")) {
            RegistryImages.push(open, "team/app", tag);
        }
        RegistryImages.push(basic.host(), "team/app", "1.0.0", "robot", "s3cret");
        RegistryImages.push(token.host(), "team/app", "3.0.0", "robot", "t0ken-pass");
    }

    @AfterAll
    static void stopRegistries() {
        for (AutoCloseable part : new AutoCloseable[] {open, basic, token, tokens}) {
            try {
                if (part != null) {
                    part.close();
                }
            } catch (Exception ignored) {
                // best effort
            }
        }
    }

    @Test
    void listsEveryTagOfARealRegistry() throws Exception {
        List<String> tags = new ArrayList<>();
        new RegistryClient(2).listTags(ImageName.parse(open.host() + "/team/app"), RegistryAccess.anonymous(true, TIMEOUT), tags::add);

        assertThat(tags).containsExactlyInAnyOrder("1.0.0", "1.0.1", "1.1.0", "2.0.0-rc.1", "latest");
    }

    /** docker-registry 2.8 sends every tag at once; Quay and others cap pages and link the next one (relative URL). */
    @Test
    void followsLinkPagesUntilThereIsNoNext() throws Exception {
        try (FakeRegistry fake = new FakeRegistry()) {
            fake.answer("/v2/team/app/tags/list", 200, Map.of("Link", "</v2/team/app/tags/list?n=2&last=b>; rel=\"next\""),
                    "{\"name\":\"team/app\",\"tags\":[\"a\",\"b\"]}");
            fake.answer("/v2/team/app/tags/list?n=2&last=b", 200, Map.of("Link", "<http://" + fake.host() + "/v2/team/app/tags/list?n=2&last=d>; rel=\"next\""),
                    "{\"name\":\"team/app\",\"tags\":[\"c\",\"d\"]}");
            fake.answer("/v2/team/app/tags/list?n=2&last=d", 200, Map.of(), "{\"name\":\"team/app\",\"tags\":[\"e\"]}");
            List<String> tags = new ArrayList<>();
            int pages = new RegistryClient(100).listTags(ImageName.parse(fake.host() + "/team/app"), RegistryAccess.anonymous(true, TIMEOUT), tags::add);
            assertThat(tags).containsExactly("a", "b", "c", "d", "e");
            assertThat(pages).isEqualTo(3);
            assertThat(fake.requested()).contains("/v2/team/app/tags/list?n=100");
        }
    }

    @Test
    void basicAuthNeedsTheSecretsCredentials() throws Exception {
        ImageName image = ImageName.parse(basic.host() + "/team/app");
        assertThatThrownBy(() -> new RegistryClient(100).listTags(image, RegistryAccess.anonymous(true, TIMEOUT), t -> { }))
                .isInstanceOfSatisfying(RegistryException.class, e -> {
                    assertThat(e.failure()).isEqualTo(RegistryException.Failure.UNAUTHORIZED);
                    assertThat(e.getMessage()).contains("wants a user name and password").contains("spec.secretRef");
                });
        RegistryAccess wrong = new RegistryAccess(true, null, Optional.of(new RegistryCredentials("robot", "wrong")), TIMEOUT);
        assertThatThrownBy(() -> new RegistryClient(100).listTags(image, wrong, t -> { }))
                .isInstanceOfSatisfying(RegistryException.class, e -> {
                    assertThat(e.failure()).isEqualTo(RegistryException.Failure.UNAUTHORIZED);
                    assertThat(e.getMessage()).contains("HTTP 401").contains("check the credentials").doesNotContain("wrong");
                });

        List<String> tags = new ArrayList<>();
        RegistryAccess right = new RegistryAccess(true, null, Optional.of(new RegistryCredentials("robot", "s3cret")), TIMEOUT);
        new RegistryClient(100).listTags(image, right, tags::add);
        assertThat(tags).containsExactly("1.0.0");
    }

    @Test
    void bearerTokenFlowWithAndWithoutCredentials() throws Exception {
        ImageName image = ImageName.parse(token.host() + "/team/app");
        assertThatThrownBy(() -> new RegistryClient(100).listTags(image, RegistryAccess.anonymous(true, TIMEOUT), t -> { }))
                .isInstanceOfSatisfying(RegistryException.class, e -> {
                    assertThat(e.failure()).isEqualTo(RegistryException.Failure.UNAUTHORIZED);
                    assertThat(e.getMessage()).contains("token server").contains("refused anonymous access");
                });

        int before = tokens.issued();
        List<String> tags = new ArrayList<>();
        RegistryAccess access = new RegistryAccess(true, null, Optional.of(new RegistryCredentials("robot", "t0ken-pass")), TIMEOUT);
        new RegistryClient(100).listTags(image, access, tags::add);
        assertThat(tags).containsExactly("3.0.0");
        assertThat(tokens.issued()).as("tokens issued for the scan").isEqualTo(before + 1);
        assertThat(new RegistryClient(100).manifestDigest(image, "3.0.0", access)).hasValueSatisfying(d -> assertThat(d).startsWith("sha256:"));
    }

    @Test
    void unreachableRegistrySaysNothingListens() {
        String host = "127.0.0.1:" + LoopbackPorts.free();
        assertThatThrownBy(() -> new RegistryClient(100).listTags(ImageName.parse(host + "/team/app"), RegistryAccess.anonymous(true, TIMEOUT), t -> { }))
                .isInstanceOfSatisfying(RegistryException.class, e -> {
                    assertThat(e.failure()).isEqualTo(RegistryException.Failure.UNREACHABLE);
                    assertThat(e.getMessage()).contains("cannot connect to http://" + host).contains("nothing accepts connections");
                });
    }

    @Test
    void missingRepositoryIsNotFound() {
        assertThatThrownBy(() -> new RegistryClient(100).listTags(ImageName.parse(open.host() + "/team/nothing"), RegistryAccess.anonymous(true, TIMEOUT), t -> { }))
                .isInstanceOfSatisfying(RegistryException.class, e -> {
                    assertThat(e.failure()).isEqualTo(RegistryException.Failure.NOT_FOUND);
                    assertThat(e.getMessage()).contains("has no repository " + open.host() + "/team/nothing");
                });
    }

    @Test
    void rateLimitCarriesRetryAfter() throws Exception {
        try (FakeRegistry fake = new FakeRegistry()) {
            fake.answer("/v2/team/app/tags/list", 429, Map.of("Retry-After", "42"), "{\"errors\":[{\"code\":\"TOOMANYREQUESTS\"}]}");
            assertThatThrownBy(() -> new RegistryClient(100).listTags(ImageName.parse(fake.host() + "/team/app"), RegistryAccess.anonymous(true, TIMEOUT), t -> { }))
                    .isInstanceOfSatisfying(RegistryException.class, e -> {
                        assertThat(e.failure()).isEqualTo(RegistryException.Failure.RATE_LIMITED);
                        assertThat(e.retryAfter()).contains(Duration.ofSeconds(42));
                        assertThat(e.getMessage()).contains("HTTP 429").contains("retry after 42s");
                    });
        }
    }

    @Test
    void malformedTagListIsRefusedWithWhere() throws Exception {
        try (FakeRegistry fake = new FakeRegistry()) {
            fake.answer("/v2/team/app/tags/list", 200, Map.of(), "{\"name\":\"team/app\",\"tags\":[\"1.0.0\", 7]}");
            fake.answer("/v2/team/broken/tags/list", 200, Map.of(), "<html>not json");
            assertThatThrownBy(() -> new RegistryClient(100).listTags(ImageName.parse(fake.host() + "/team/app"), RegistryAccess.anonymous(true, TIMEOUT), t -> { }))
                    .isInstanceOfSatisfying(RegistryException.class, e -> {
                        assertThat(e.failure()).isEqualTo(RegistryException.Failure.MALFORMED_RESPONSE);
                        assertThat(e.getMessage()).contains("is not a tag list").contains("VALUE_NUMBER_INT");
                    });
            assertThatThrownBy(() -> new RegistryClient(100).listTags(ImageName.parse(fake.host() + "/team/broken"), RegistryAccess.anonymous(true, TIMEOUT), t -> { }))
                    .isInstanceOfSatisfying(RegistryException.class, e -> assertThat(e.getMessage()).contains("is not valid JSON"));
        }
    }

    @Test
    void privateCaFromCertSecretRef(@TempDir Path dir) throws Exception {
        Path key = dir.resolve("registry.key");
        Path cert = dir.resolve("registry.crt");
        Process openssl = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=127.0.0.1",
                "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", key.toString(), "-out", cert.toString()).redirectErrorStream(true).start();
        String said = new String(openssl.getInputStream().readAllBytes());
        assertThat(openssl.waitFor()).as("openssl: " + said).isZero();
        try (LocalRegistry tls = LocalRegistry.builder().tls(cert, key).start()) {
            ImageName image = ImageName.parse(tls.host() + "/team/app");
            assertThatThrownBy(() -> new RegistryClient(100).listTags(image, RegistryAccess.anonymous(false, TIMEOUT), t -> { }))
                    .isInstanceOfSatisfying(RegistryException.class, e -> {
                        assertThat(e.failure()).isEqualTo(RegistryException.Failure.TLS);
                        assertThat(e.getMessage()).contains("spec.certSecretRef");
                    });
            RegistryAccess trusted = new RegistryAccess(false, java.nio.file.Files.readString(cert), Optional.empty(), TIMEOUT);
            assertThatThrownBy(() -> new RegistryClient(100).listTags(image, trusted, t -> { }))
                    .as("trusted: the registry answers, and has no such repository yet")
                    .isInstanceOfSatisfying(RegistryException.class, e -> assertThat(e.failure()).isEqualTo(RegistryException.Failure.NOT_FOUND));
        }
    }

    @Test
    void plainHttpRegistryWithoutInsecureSaysSo() {
        assertThatThrownBy(() -> new RegistryClient(100).listTags(ImageName.parse(open.host() + "/team/app"), RegistryAccess.anonymous(false, TIMEOUT), t -> { }))
                .isInstanceOfSatisfying(RegistryException.class, e -> {
                    assertThat(e.failure()).isEqualTo(RegistryException.Failure.TLS);
                    assertThat(e.getMessage()).contains("spec.insecure: true");
                });
    }
}
