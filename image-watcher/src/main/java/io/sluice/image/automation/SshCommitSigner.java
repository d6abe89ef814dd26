package io.sluice.image.automation;

import io.sluice.git.SshKeys;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.common.signature.BuiltinSignatures;
import org.apache.sshd.common.signature.Signature;
import org.apache.sshd.common.util.buffer.ByteArrayBuffer;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;

/**
 * Signs commits with an SSH key the way {@code git -c gpg.format=ssh} does: an {@code SSHSIG} signature (namespace
 * {@code git}, SHA-512) over the commit, armored as {@code -----BEGIN SSH SIGNATURE-----}; {@code ssh-keygen -Y verify}
 * and GitHub/GitLab check it. The key is the Secret's {@code identity} (OpenSSH format), {@code password} its
 * passphrase, as for a GitRepository's SSH transport. ECDSA and RSA keys (RSA signs {@code rsa-sha2-512}); Ed25519
 * where the JVM can read it.
 */
final class SshCommitSigner implements CommitSigner {

    private static final byte[] MAGIC = "SSHSIG".getBytes(StandardCharsets.US_ASCII);
    private static final String NAMESPACE = "git";
    private static final String HASH = "sha512";

    private final KeyPair key;
    private final String algorithm;

    private SshCommitSigner(KeyPair key, String algorithm) {
        this.key = key;
        this.algorithm = algorithm;
    }

    /** @throws GitPushException when the key cannot be read */
    static SshCommitSigner of(String identity, String passphrase, String where) throws GitPushException {
        if (identity == null || identity.isBlank()) {
            throw new GitPushException(AutomationSource.INVALID_SOURCE, where + " has no 'identity' (the SSH private key to sign commits with)", null);
        }
        try {
            List<KeyPair> keys = SshKeys.read(identity, passphrase);
            if (keys.isEmpty()) {
                throw new GitPushException(AutomationSource.INVALID_SOURCE, "'identity' in " + where + " holds no private key", null);
            }
            KeyPair key = keys.get(0);
            String type = KeyUtils.getKeyType(key);
            // git signs with SHA-512 RSA signatures, never the SHA-1 "ssh-rsa" ones
            return new SshCommitSigner(key, KeyPairProvider.SSH_RSA.equals(type) ? "rsa-sha2-512" : type);
        } catch (GitPushException e) {
            throw e;
        } catch (Exception e) {
            throw new GitPushException(AutomationSource.INVALID_SOURCE, "cannot read the SSH signing key 'identity' in " + where
                    + " (" + e.getClass().getSimpleName() + "); check the key, and 'password' if it is encrypted", e);
        }
    }

    @Override
    public byte[] sign(byte[] commit) throws GitPushException {
        try {
            ByteArrayBuffer signed = new ByteArrayBuffer();
            signed.putRawBytes(MAGIC);
            signed.putString(NAMESPACE);
            signed.putString("");
            signed.putString(HASH);
            signed.putBytes(MessageDigest.getInstance("SHA-512").digest(commit));

            Signature signature = BuiltinSignatures.fromFactoryName(algorithm).create();
            signature.initSigner(null, key.getPrivate());
            signature.update(null, signed.getCompactData());
            ByteArrayBuffer blob = new ByteArrayBuffer();
            blob.putString(algorithm);
            blob.putBytes(signature.sign(null));

            ByteArrayBuffer sshsig = new ByteArrayBuffer();
            sshsig.putRawBytes(MAGIC);
            sshsig.putInt(1);
            sshsig.putPublicKey(key.getPublic());
            sshsig.putString(NAMESPACE);
            sshsig.putString("");
            sshsig.putString(HASH);
            sshsig.putBytes(blob.getCompactData());
            String armored = "-----BEGIN SSH SIGNATURE-----\n"
                    + Base64.getMimeEncoder(70, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(sshsig.getCompactData())
                    + "\n-----END SSH SIGNATURE-----";
            return armored.getBytes(StandardCharsets.US_ASCII);
        } catch (Exception e) {
            throw new GitPushException("GitOperationFailed", "signing the commit with the SSH key failed: " + e.getMessage(), e);
        }
    }
}
