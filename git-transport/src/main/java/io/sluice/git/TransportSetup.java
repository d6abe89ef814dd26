package io.sluice.git;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.api.TransportConfigCallback;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.SshTransport;
import org.eclipse.jgit.transport.Transport;
import org.eclipse.jgit.transport.TransportHttp;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;
import org.eclipse.jgit.transport.sshd.SshdSessionFactory;
import org.eclipse.jgit.transport.sshd.SshdSessionFactoryBuilder;

/**
 * Turns {@link GitCredentials} into what JGit needs for one fetch: a credentials provider for HTTP basic auth,
 * an {@code Authorization: Bearer} header, or an SSH session factory that uses only the Secret's key and
 * {@code known_hosts} (never {@code ~/.ssh}). Close it after the fetch.
 */
public final class TransportSetup implements TransportConfigCallback, AutoCloseable {

    private final GitCredentials credentials;
    private final CredentialsProvider credentialsProvider;
    private final SshdSessionFactory sshSessionFactory;
    private final KnownHosts knownHosts;

    private TransportSetup(GitCredentials credentials, CredentialsProvider credentialsProvider,
                           SshdSessionFactory sshSessionFactory, KnownHosts knownHosts) {
        this.credentials = credentials;
        this.credentialsProvider = credentialsProvider;
        this.sshSessionFactory = sshSessionFactory;
        this.knownHosts = knownHosts;
    }

    /**
     * @param sshHome an empty folder JGit may treat as home and ~/.ssh, so that nothing of the machine's own
     *                SSH setup is read
     */
    public static TransportSetup create(RemoteUrl url, GitCredentials credentials, String secretName, Path sshHome) throws GitFetchException {
        if (url.isSsh()) {
            return ssh(url, credentials, secretName, sshHome);
        }
        CredentialsProvider provider = null;
        if (url.isHttp() && credentials.hasBasicAuth()) {
            // GitHub, GitLab and Bitbucket take a token as the password of any user name.
            String user = credentials.username() == null ? "git" : credentials.username();
            provider = new UsernamePasswordCredentialsProvider(user, credentials.password() == null ? "" : credentials.password());
        }
        return new TransportSetup(credentials, provider, null, null);
    }

    private static TransportSetup ssh(RemoteUrl url, GitCredentials credentials, String secretName, Path sshHome) throws GitFetchException {
        String where = secretName == null ? "the Secret" : "Secret " + secretName;
        KnownHosts knownHosts;
        if (credentials.insecureIgnoreHostKey()) {
            knownHosts = KnownHosts.acceptingAnyKey();
        } else if (credentials.knownHosts() == null) {
            throw new GitFetchException(GitFetchException.Failure.HOST_KEY_REJECTED,
                    "cannot check the host key of " + url + ": " + where + " has no 'known_hosts'; add the output of `ssh-keyscan "
                            + (url.port() == 22 ? "" : "-p " + url.port() + " ") + url.host() + "` under 'known_hosts'");
        } else {
            try {
                knownHosts = KnownHosts.parse(credentials.knownHosts());
            } catch (IllegalArgumentException e) {
                throw new GitFetchException(GitFetchException.Failure.HOST_KEY_REJECTED, "'known_hosts' in " + where + " is invalid: " + e.getMessage());
            }
        }
        List<KeyPair> keys = credentials.hasIdentity() ? readIdentity(credentials, where) : List.of();
        SshdSessionFactory factory = new SshdSessionFactoryBuilder()
                .setHomeDirectory(sshHome.toFile())
                .setSshDirectory(sshHome.toFile())
                .setConfigStoreFactory((home, configFile, localUser) -> null)
                .setDefaultKeysProvider(dir -> keys)
                .setDefaultIdentities(dir -> List.of())
                .setDefaultKnownHostsFiles(dir -> List.of())
                .setServerKeyDatabase((home, dir) -> knownHosts)
                .setPreferredAuthentications("publickey")
                .build(null);
        return new TransportSetup(credentials, null, factory, knownHosts);
    }

    private static List<KeyPair> readIdentity(GitCredentials credentials, String where) throws GitFetchException {
        try {
            List<KeyPair> keys = SshKeys.read(credentials.identity(), credentials.password());
            if (keys.isEmpty()) {
                throw new GitFetchException(GitFetchException.Failure.AUTHENTICATION,
                        "'identity' in " + where + " holds no private key; put an OpenSSH or PEM private key there");
            }
            return keys;
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw new GitFetchException(GitFetchException.Failure.AUTHENTICATION,
                    "cannot read the private key 'identity' in " + where + " (" + Redactor.of(credentials).redact(reason)
                            + "); check the key, and 'password' if the key is encrypted");
        }
    }

    public CredentialsProvider credentialsProvider() {
        return credentialsProvider;
    }

    /** Why the SSH host key was refused, or null. */
    public String hostKeyRejection() {
        return knownHosts == null ? null : knownHosts.rejection();
    }

    @Override
    public void configure(Transport transport) {
        if (transport instanceof TransportHttp http && credentials.hasBearerToken()) {
            http.setAdditionalHeaders(Map.of("Authorization", "Bearer " + credentials.bearerToken()));
        }
        if (transport instanceof SshTransport ssh && sshSessionFactory != null) {
            ssh.setSshSessionFactory(sshSessionFactory);
        }
    }

    @Override
    public void close() {
        if (sshSessionFactory != null) {
            sshSessionFactory.close();
        }
    }
}
