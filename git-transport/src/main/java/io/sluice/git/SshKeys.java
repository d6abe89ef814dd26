package io.sluice.git;

import org.apache.sshd.common.NamedResource;
import org.apache.sshd.common.config.keys.FilePasswordProvider;
import org.apache.sshd.common.util.security.SecurityUtils;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;

/** Reads SSH private keys (OpenSSH or PEM) from a Secret's text: the transport's {@code identity} and the SSH commit signing key. */
public final class SshKeys {

    private SshKeys() {
    }

    /** @param passphrase null for an unencrypted key */
    public static List<KeyPair> read(String privateKey, String passphrase) throws IOException, GeneralSecurityException {
        FilePasswordProvider password = passphrase == null ? FilePasswordProvider.EMPTY : FilePasswordProvider.of(passphrase);
        List<KeyPair> keys = new ArrayList<>();
        Iterable<KeyPair> loaded = SecurityUtils.loadKeyPairIdentities(null, NamedResource.ofName("identity"),
                new ByteArrayInputStream(privateKey.getBytes(StandardCharsets.UTF_8)), password);
        if (loaded != null) {
            loaded.forEach(keys::add);
        }
        return List.copyOf(keys);
    }
}
