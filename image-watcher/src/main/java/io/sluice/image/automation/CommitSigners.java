package io.sluice.image.automation;

import io.sluice.api.image.SigningKey;
import io.sluice.api.meta.ObjectKey;
import io.sluice.image.cluster.Secrets;

/**
 * The signer {@code spec.git.commit.signingKey} asks for: {@code type: ssh} an SSH key ({@code identity},
 * {@code password}), {@code type: gpg} (the default) an OpenPGP key ({@code git.asc}, {@code passphrase}); the Secret
 * is in the automation's namespace. Null without a signing key.
 */
final class CommitSigners {

    private final Secrets secrets;

    CommitSigners(Secrets secrets) {
        this.secrets = secrets;
    }

    CommitSigner signer(ObjectKey automation, SigningKey key) throws GitPushException {
        if (key == null) {
            return null;
        }
        if (key.getSecretRef() == null || key.getSecretRef().getName() == null) {
            throw new GitPushException(AutomationSource.INVALID_SOURCE, "spec.git.commit.signingKey.secretRef.name is required", null);
        }
        String where = "Secret " + automation.namespace() + "/" + key.getSecretRef().getName();
        Secrets.SecretData secret;
        try {
            secret = secrets.read(automation.namespace(), key.getSecretRef().getName(), "spec.git.commit.signingKey.secretRef");
        } catch (Secrets.SecretException e) {
            throw new GitPushException(AutomationSource.INVALID_SOURCE, e.getMessage(), e);
        }
        String type = key.getType() == null || key.getType().isBlank() ? "gpg" : key.getType();
        return switch (type) {
            case "ssh" -> SshCommitSigner.of(secret.text("identity"), secret.text("password"), where);
            case "gpg" -> GpgCommitSigner.of(secret.text("git.asc"), secret.text("passphrase"), where);
            default -> throw new GitPushException(AutomationSource.INVALID_SOURCE, "spec.git.commit.signingKey.type is '" + type + "'; it must be gpg or ssh", null);
        };
    }
}
