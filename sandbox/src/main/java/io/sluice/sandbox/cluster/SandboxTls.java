package io.sluice.sandbox.cluster;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The sandbox API server's TLS material, made once per JVM: a CA certificate (the one every namespace's
 * {@code kube-root-ca.crt} carries, and the kubeconfig's {@code certificate-authority-data}) and the server's
 * certificate for {@code 127.0.0.1} and {@code localhost}, signed by it. The sandbox serves HTTPS, as every real API
 * server does: kubectl and client-go send a bearer token only over TLS.
 */
final class SandboxTls {

    private static final AtomicLong SERIAL = new AtomicLong(Instant.now().toEpochMilli());

    private final String caPem;
    private final String serverCertificatePem;
    private final String serverKeyPem;
    private final SSLContext clientContext;

    private SandboxTls(String caPem, String serverCertificatePem, String serverKeyPem, SSLContext clientContext) {
        this.caPem = caPem;
        this.serverCertificatePem = serverCertificatePem;
        this.serverKeyPem = serverKeyPem;
        this.clientContext = clientContext;
    }

    private static final class Holder {
        static final SandboxTls INSTANCE = generate();
    }

    /** The JVM's sandbox TLS material (generated on first use, in some 50 ms). */
    static SandboxTls get() {
        return Holder.INSTANCE;
    }

    /** The CA certificate, PEM. */
    String caPem() {
        return caPem;
    }

    String serverCertificatePem() {
        return serverCertificatePem;
    }

    String serverKeyPem() {
        return serverKeyPem;
    }

    /** A client TLS context that trusts the sandbox's CA (and nothing else). */
    SSLContext clientContext() {
        return clientContext;
    }

    private static SandboxTls generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(256);
            KeyPair caKeys = generator.generateKeyPair();
            X500Name caName = new X500Name("CN=sluice-sandbox-ca");
            X509v3CertificateBuilder ca = builder(caName, caName, caKeys);
            ca.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
            String caPem = pem("CERTIFICATE", ca.build(signer(caKeys.getPrivate())).getEncoded());

            KeyPair serverKeys = generator.generateKeyPair();
            X509v3CertificateBuilder server = builder(caName, new X500Name("CN=sluice-sandbox-apiserver"), serverKeys);
            server.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            server.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                    new GeneralName(GeneralName.iPAddress, "127.0.0.1"), new GeneralName(GeneralName.dNSName, "localhost")}));
            String serverPem = pem("CERTIFICATE", server.build(signer(caKeys.getPrivate())).getEncoded());
            String keyPem = pem("PRIVATE KEY", serverKeys.getPrivate().getEncoded());
            return new SandboxTls(caPem, serverPem, keyPem, trusting(caPem));
        } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
            throw new IllegalStateException("could not make the sandbox's TLS certificates", e);
        }
    }

    private static X509v3CertificateBuilder builder(X500Name issuer, X500Name subject, KeyPair keys) {
        Instant now = Instant.now();
        return new JcaX509v3CertificateBuilder(issuer, BigInteger.valueOf(SERIAL.incrementAndGet()),
                Date.from(now.minus(Duration.ofMinutes(5))), Date.from(now.plus(Duration.ofDays(3650))), subject,
                keys.getPublic());
    }

    private static org.bouncycastle.operator.ContentSigner signer(PrivateKey key) throws OperatorCreationException {
        return new JcaContentSignerBuilder("SHA256withECDSA").build(key);
    }

    private static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }

    private static SSLContext trusting(String caPem) throws GeneralSecurityException, IOException {
        X509Certificate ca = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(caPem.getBytes(StandardCharsets.US_ASCII)));
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        store.setCertificateEntry("sluice-sandbox-ca", ca);
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }
}
