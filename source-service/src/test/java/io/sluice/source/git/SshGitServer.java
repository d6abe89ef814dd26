package io.sluice.source.git;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyEncryptionContext;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.UploadPack;

/**
 * An SSH Git server in this JVM for tests: Apache MINA {@link SshServer} on 127.0.0.1 (a free port), with
 * public key authentication only, running JGit's {@link UploadPack} for {@code git-upload-pack '/<name>.git'}
 * against the bare repositories in {@code repositories} (e.g. a {@code LocalGitServer}'s folder, so commits
 * made through it are served here too). Clones only; pushes are refused. Close it to stop it.
 */
final class SshGitServer implements AutoCloseable {

    private final SshServer server;
    private final KeyPair hostKey;
    private final List<PublicKey> authorizedKeys = new CopyOnWriteArrayList<>();

    private SshGitServer(SshServer server, KeyPair hostKey) {
        this.server = server;
        this.hostKey = hostKey;
    }

    static SshGitServer start(Path repositories) throws IOException {
        KeyPair hostKey = newKeyPair();
        SshServer server = SshServer.setUpDefaultServer();
        server.setHost("127.0.0.1");
        server.setPort(0);
        server.setKeyPairProvider(KeyPairProvider.wrap(hostKey));
        server.setPasswordAuthenticator(null);
        server.setKeyboardInteractiveAuthenticator(null);
        SshGitServer git = new SshGitServer(server, hostKey);
        server.setPublickeyAuthenticator((user, key, session) ->
                "git".equals(user) && git.authorizedKeys.stream().anyMatch(k -> KeyUtils.compareKeys(k, key)));
        server.setCommandFactory((channel, command) -> new UploadPackCommand(repositories, command));
        server.start();
        return git;
    }

    /** A fresh ECDSA P-256 key pair (a key type every JVM supports). */
    static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(256);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The private key in OpenSSH format, as it would be in a Secret's {@code identity}; encrypted when passphrase != null. */
    static String openSshPrivateKey(KeyPair keyPair, String passphrase) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            OpenSSHKeyEncryptionContext encryption = null;
            if (passphrase != null) {
                encryption = new OpenSSHKeyEncryptionContext();
                encryption.setPassword(passphrase);
                encryption.setCipherName("AES");
                encryption.setCipherMode("CTR");
                encryption.setCipherType("256");
                encryption.setKdfRounds(2); // bcrypt rounds: low, so the test stays fast
            }
            OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(keyPair, "sluice-test", encryption, out);
            return out.toString(StandardCharsets.UTF_8);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    void authorize(PublicKey key) {
        authorizedKeys.add(key);
    }

    int port() {
        return server.getPort();
    }

    String url(String repository) {
        return "ssh://git@127.0.0.1:" + port() + "/" + repository + ".git";
    }

    /** The known_hosts line for this server, as {@code ssh-keyscan -p <port> 127.0.0.1} prints it. */
    String knownHostsLine() {
        return "[127.0.0.1]:" + port() + " " + PublicKeyEntry.toString(hostKey.getPublic());
    }

    @Override
    public void close() throws IOException {
        server.stop(true);
    }

    /** Runs {@code git-upload-pack '/<name>.git'} with JGit on its own thread. */
    private static final class UploadPackCommand implements Command, Runnable {
        private final Path repositories;
        private final String command;
        private InputStream in;
        private OutputStream out;
        private OutputStream err;
        private ExitCallback exit;
        private Thread thread;

        UploadPackCommand(Path repositories, String command) {
            this.repositories = repositories;
            this.command = command;
        }

        @Override
        public void setInputStream(InputStream in) {
            this.in = in;
        }

        @Override
        public void setOutputStream(OutputStream out) {
            this.out = out;
        }

        @Override
        public void setErrorStream(OutputStream err) {
            this.err = err;
        }

        @Override
        public void setExitCallback(ExitCallback exit) {
            this.exit = exit;
        }

        @Override
        public void start(ChannelSession channel, Environment env) {
            thread = new Thread(this, "ssh-upload-pack");
            thread.setDaemon(true);
            thread.start();
        }

        @Override
        public void run() {
            int status = 0;
            try {
                Path repositoryDir = repositoryFor(command);
                try (Repository repository = new FileRepositoryBuilder().setGitDir(repositoryDir.toFile()).setMustExist(true).build()) {
                    new UploadPack(repository).upload(in, out, err);
                }
            } catch (Exception e) {
                status = 1;
                try {
                    err.write(("fatal: " + e.getMessage() + "\n").getBytes(StandardCharsets.UTF_8));
                    err.flush();
                } catch (IOException ignored) {
                    // the client went away
                }
            } finally {
                try {
                    out.flush();
                } catch (IOException ignored) {
                    // the client went away
                }
                exit.onExit(status);
            }
        }

        private Path repositoryFor(String command) throws IOException {
            List<String> words = org.apache.sshd.server.command.CommandFactory.split(command);
            if (words.size() != 2 || !"git-upload-pack".equals(words.get(0))) {
                throw new IOException("only git-upload-pack is served, got: " + command);
            }
            String path = words.get(1).replace("'", "");
            String name = path.substring(path.lastIndexOf('/') + 1);
            Path dir = repositories.resolve(name.endsWith(".git") ? name : name + ".git");
            if (!Files.isDirectory(dir)) {
                throw new IOException("'" + path + "' does not appear to be a git repository");
            }
            return dir;
        }

        @Override
        public void destroy(ChannelSession channel) {
            if (thread != null) {
                thread.interrupt();
            }
        }
    }
}
