package io.sluice.image.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A token server for the distribution token flow, for a docker-registry started with
 * {@code LocalRegistry.builder().tokenAuth(realm(), SERVICE, ISSUER, certificatePem())}: answers
 * {@code GET /token?service=…&scope=repository:<name>:<actions>} with a JWT (RS256, the signing certificate in
 * {@code x5c}) granting the asked actions, anonymously or only to one user (Basic auth), as real token servers do.
 * The key pair and self-signed certificate come from the JDK's keytool.
 */
public final class TokenServer implements AutoCloseable {

    public static final String SERVICE = "sluice-test-registry";
    public static final String ISSUER = "sluice-test-token-server";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final PrivateKey key;
    private final Certificate certificate;
    private final String user;
    private final String password;
    private final AtomicInteger issued = new AtomicInteger();

    /** @param user null to give tokens to anyone; otherwise only to this user with this password */
    public TokenServer(Path work, String user, String password) throws Exception {
        this.user = user;
        this.password = password;
        Path keystore = work.resolve("token-signing.p12");
        Files.deleteIfExists(keystore);
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "token", "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=" + ISSUER,
                "-validity", "2", "-storetype", "PKCS12", "-keystore", keystore.toString(), "-storepass", "changeit")
                .redirectErrorStream(true).start();
        String out = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
            throw new IllegalStateException("keytool failed: " + out);
        }
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(keystore)) {
            store.load(in, "changeit".toCharArray());
        }
        key = (PrivateKey) store.getKey("token", "changeit".toCharArray());
        certificate = store.getCertificate("token");
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/token", this::handle);
        server.start();
    }

    public String realm() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/token";
    }

    public String certificatePem() throws Exception {
        return "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(certificate.getEncoded())
                + "\n-----END CERTIFICATE-----\n";
    }

    /** How many tokens were handed out. */
    public int issued() {
        return issued.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            if (user != null && !authorized(exchange.getRequestHeaders().getFirst("Authorization"))) {
                send(exchange, 401, "{\"errors\":[{\"code\":\"UNAUTHORIZED\",\"message\":\"authentication required\"}]}");
                return;
            }
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            List<Map<String, Object>> access = new ArrayList<>();
            String scope = query.get("scope");
            if (scope != null) {
                String[] parts = scope.split(":");
                access.add(Map.of("type", parts[0], "name", parts[1], "actions", List.of(parts[2].split(","))));
            }
            long now = Instant.now().getEpochSecond();
            Map<String, Object> claims = new LinkedHashMap<>();
            claims.put("iss", ISSUER);
            claims.put("sub", user == null ? "anonymous" : user);
            claims.put("aud", query.getOrDefault("service", SERVICE));
            claims.put("exp", now + 300);
            claims.put("nbf", now - 10);
            claims.put("iat", now);
            claims.put("jti", UUID.randomUUID().toString());
            claims.put("access", access);
            String token = jwt(claims);
            issued.incrementAndGet();
            send(exchange, 200, JSON.writeValueAsString(Map.of("token", token, "access_token", token, "expires_in", 300)));
        } catch (Exception e) {
            send(exchange, 500, "{\"error\":\"" + e.getMessage() + "\"}");
        }
    }

    private boolean authorized(String header) {
        String expected = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return expected.equals(header);
    }

    private String jwt(Map<String, Object> claims) throws Exception {
        Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
        Map<String, Object> header = Map.of("typ", "JWT", "alg", "RS256", "x5c", List.of(Base64.getEncoder().encodeToString(certificate.getEncoded())));
        String signed = url.encodeToString(JSON.writeValueAsBytes(header)) + "." + url.encodeToString(JSON.writeValueAsBytes(claims));
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(key);
        rsa.update(signed.getBytes(StandardCharsets.US_ASCII));
        return signed + "." + url.encodeToString(rsa.sign());
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> values = new LinkedHashMap<>();
        if (raw == null) {
            return values;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                values.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return values;
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
