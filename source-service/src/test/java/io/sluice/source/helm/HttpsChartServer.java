package io.sluice.source.helm;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Base64;
import java.util.concurrent.TimeUnit;

/**
 * A chart repository over HTTPS with a certificate of its own CA (a self-signed one for 127.0.0.1 made by the JDK's
 * keytool), for {@code certSecretRef} tests: clients trust it only with {@link #caPem()}.
 */
public final class HttpsChartServer implements AutoCloseable {

    private static final String PASSWORD = "changeit";

    private final HttpsServer server;
    private final String caPem;

    private HttpsChartServer(HttpsServer server, String caPem) {
        this.server = server;
        this.caPem = caPem;
    }

    /** Serves {@code content} at {@code path}; everything else is 404. */
    public static HttpsChartServer start(Path work, String path, String content) throws Exception {
        Path keystore = work.resolve("server.p12");
        keytool("-genkeypair", "-alias", "server", "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=127.0.0.1",
                "-ext", "san=ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12", "-keystore", keystore.toString(),
                "-storepass", PASSWORD, "-keypass", PASSWORD);
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, PASSWORD.toCharArray());
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, PASSWORD.toCharArray());
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(keys.getKeyManagers(), null, null);
        HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(tls));
        byte[] body = content.getBytes(StandardCharsets.UTF_8);
        server.createContext("/", exchange -> {
            boolean found = exchange.getRequestURI().getPath().equals(path);
            exchange.sendResponseHeaders(found ? 200 : 404, found ? body.length : -1);
            try (OutputStream out = exchange.getResponseBody()) {
                if (found) {
                    out.write(body);
                }
            }
        });
        server.start();
        String pem = "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(store.getCertificate("server").getEncoded()) + "\n-----END CERTIFICATE-----\n";
        return new HttpsChartServer(server, pem);
    }

    public String url() {
        return "https://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The server's certificate in PEM, as {@code ca.crt} of a certSecretRef Secret holds it. */
    public String caPem() {
        return caPem;
    }

    private static void keytool(String... args) throws Exception {
        String[] command = new String[args.length + 1];
        command[0] = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        System.arraycopy(args, 0, command, 1, args.length);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("keytool failed: " + out);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
