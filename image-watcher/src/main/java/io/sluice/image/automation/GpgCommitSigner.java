package io.sluice.image.automation;

import org.bouncycastle.bcpg.ArmoredOutputStream;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPPrivateKey;
import org.bouncycastle.openpgp.PGPSecretKey;
import org.bouncycastle.openpgp.PGPSecretKeyRing;
import org.bouncycastle.openpgp.PGPSecretKeyRingCollection;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureGenerator;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.operator.jcajce.JcaKeyFingerprintCalculator;
import org.bouncycastle.openpgp.operator.jcajce.JcaPGPContentSignerBuilder;
import org.bouncycastle.openpgp.operator.jcajce.JcaPGPDigestCalculatorProviderBuilder;
import org.bouncycastle.openpgp.operator.jcajce.JcePBESecretKeyDecryptorBuilder;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.Provider;
import java.util.Iterator;

/**
 * Signs commits with an OpenPGP key, as Flux does with {@code signingKey.type: gpg}: a detached, armored signature
 * over the commit ({@code git verify-commit} and GitHub/GitLab check it). The key is {@code git.asc} of the Secret (an
 * ASCII-armored secret key ring), {@code passphrase} its passphrase; the first key able to sign is used.
 */
final class GpgCommitSigner implements CommitSigner {

    /** Not registered as a JVM-wide provider: only this signer uses it. */
    private static final Provider BOUNCY_CASTLE = new BouncyCastleProvider();

    private final PGPSecretKey key;
    private final PGPPrivateKey privateKey;

    private GpgCommitSigner(PGPSecretKey key, PGPPrivateKey privateKey) {
        this.key = key;
        this.privateKey = privateKey;
    }

    /** @throws GitPushException when the key cannot be read or unlocked */
    static GpgCommitSigner of(String armored, String passphrase, String where) throws GitPushException {
        if (armored == null || armored.isBlank()) {
            throw new GitPushException(AutomationSource.INVALID_SOURCE, where + " has no 'git.asc' (the armored OpenPGP key to sign commits with)", null);
        }
        try {
            PGPSecretKeyRingCollection rings = new PGPSecretKeyRingCollection(
                    PGPUtil.getDecoderStream(new ByteArrayInputStream(armored.getBytes(StandardCharsets.UTF_8))), new JcaKeyFingerprintCalculator());
            for (Iterator<PGPSecretKeyRing> ringIt = rings.getKeyRings(); ringIt.hasNext(); ) {
                for (Iterator<PGPSecretKey> keys = ringIt.next().getSecretKeys(); keys.hasNext(); ) {
                    PGPSecretKey candidate = keys.next();
                    if (candidate.isSigningKey() && !candidate.isPrivateKeyEmpty()) {
                        PGPPrivateKey unlocked = candidate.extractPrivateKey(new JcePBESecretKeyDecryptorBuilder(
                                new JcaPGPDigestCalculatorProviderBuilder().setProvider(BOUNCY_CASTLE).build())
                                .setProvider(BOUNCY_CASTLE).build(passphrase == null ? new char[0] : passphrase.toCharArray()));
                        return new GpgCommitSigner(candidate, unlocked);
                    }
                }
            }
            throw new GitPushException(AutomationSource.INVALID_SOURCE, "'git.asc' in " + where + " holds no secret key that can sign", null);
        } catch (PGPException e) {
            throw new GitPushException(AutomationSource.INVALID_SOURCE, "cannot unlock the OpenPGP key 'git.asc' in " + where + " (" + e.getMessage()
                    + "); check 'passphrase'", e);
        } catch (IOException | RuntimeException e) {
            throw new GitPushException(AutomationSource.INVALID_SOURCE, "'git.asc' in " + where + " is not an armored OpenPGP secret key (" + e.getMessage() + ")", e);
        }
    }

    @Override
    public byte[] sign(byte[] commit) throws GitPushException {
        try {
            PGPSignatureGenerator generator = new PGPSignatureGenerator(
                    new JcaPGPContentSignerBuilder(key.getPublicKey().getAlgorithm(), HashAlgorithmTags.SHA512).setProvider(BOUNCY_CASTLE), key.getPublicKey());
            generator.init(PGPSignature.BINARY_DOCUMENT, privateKey);
            generator.update(commit);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (ArmoredOutputStream armor = ArmoredOutputStream.builder().clearHeaders().build(out)) {
                generator.generate().encode(armor);
            }
            return out.toString(StandardCharsets.US_ASCII).strip().getBytes(StandardCharsets.US_ASCII);
        } catch (PGPException | IOException e) {
            throw new GitPushException("GitOperationFailed", "signing the commit with the OpenPGP key failed: " + e.getMessage(), e);
        }
    }
}
