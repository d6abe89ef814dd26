package io.sluice.git;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import org.apache.sshd.client.config.hosts.KnownHostEntry;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.sshd.ServerKeyDatabase;

/**
 * SSH host key checking against the Secret's {@code known_hosts} only (never {@code ~/.ssh/known_hosts}).
 * Hashed host names and {@code [host]:port} entries work as in OpenSSH; {@code @revoked} keys are refused;
 * {@code @cert-authority} lines are ignored. When a key is refused, {@link #rejection()} says why, for the
 * error message.
 */
public final class KnownHosts implements ServerKeyDatabase {

    private final List<KnownHostEntry> entries;
    private final boolean acceptAny;
    private volatile String rejection;

    private KnownHosts(List<KnownHostEntry> entries, boolean acceptAny) {
        this.entries = entries;
        this.acceptAny = acceptAny;
    }

    /** Accepts any host key: only when the Secret says {@code insecureIgnoreHostKey: "true"}. */
    public static KnownHosts acceptingAnyKey() {
        return new KnownHosts(List.of(), true);
    }

    /** @throws IllegalArgumentException when a line cannot be read */
    public static KnownHosts parse(String knownHosts) {
        List<KnownHostEntry> entries = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new StringReader(knownHosts == null ? "" : knownHosts))) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                String trimmed = line.trim();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue;
                }
                try {
                    entries.add(KnownHostEntry.parseKnownHostEntry(trimmed));
                } catch (RuntimeException e) {
                    throw new IllegalArgumentException("known_hosts line " + number + " cannot be read: " + e.getMessage(), e);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("reading a string cannot fail", e);
        }
        return new KnownHosts(List.copyOf(entries), false);
    }

    @Override
    public List<PublicKey> lookup(String connectAddress, InetSocketAddress remoteAddress, Configuration config) {
        return keys(connectAddress, null);
    }

    @Override
    public boolean accept(String connectAddress, InetSocketAddress remoteAddress, PublicKey serverKey,
                          Configuration config, CredentialsProvider provider) {
        if (acceptAny) {
            return true;
        }
        List<PublicKey> revoked = keys(connectAddress, "revoked");
        if (revoked.stream().anyMatch(k -> KeyUtils.compareKeys(k, serverKey))) {
            rejection = "the host key of " + connectAddress + " (" + describe(serverKey) + ") is marked @revoked in known_hosts";
            return false;
        }
        List<PublicKey> known = keys(connectAddress, null);
        if (known.stream().anyMatch(k -> KeyUtils.compareKeys(k, serverKey))) {
            return true;
        }
        rejection = known.isEmpty()
                ? "the host key of " + connectAddress + " (" + describe(serverKey) + ") is not in known_hosts"
                : "the host key of " + connectAddress + " (" + describe(serverKey) + ") does not match the key(s) known_hosts lists for it: the key changed, or this is not the expected server";
        return false;
    }

    /** Why the last host key was refused; null when none was. */
    public String rejection() {
        return rejection;
    }

    private List<PublicKey> keys(String connectAddress, String marker) {
        HostAndPort target = HostAndPort.parse(connectAddress);
        List<PublicKey> keys = new ArrayList<>();
        for (KnownHostEntry entry : entries) {
            String entryMarker = entry.getMarker();
            boolean markerMatches = marker == null ? entryMarker == null || entryMarker.isEmpty() : marker.equals(entryMarker);
            if (!markerMatches || !entry.isHostMatch(target.host(), target.port())) {
                continue;
            }
            try {
                PublicKey key = entry.getKeyEntry().resolvePublicKey(null, null, PublicKeyEntryResolver.IGNORING);
                if (key != null) {
                    keys.add(key);
                }
            } catch (IOException | GeneralSecurityException | RuntimeException unreadable) {
                // A key type this JVM cannot read cannot match the server's key either.
            }
        }
        return keys;
    }

    private static String describe(PublicKey key) {
        String type = KeyUtils.getKeyType(key);
        return type + " " + KeyUtils.getFingerPrint(key);
    }

    private record HostAndPort(String host, int port) {
        /** JGit passes {@code host} for port 22 and {@code [host]:port} otherwise. */
        static HostAndPort parse(String connectAddress) {
            if (connectAddress.startsWith("[")) {
                int close = connectAddress.indexOf(']');
                String host = connectAddress.substring(1, close);
                int colon = connectAddress.indexOf(':', close);
                return new HostAndPort(host, colon < 0 ? 22 : Integer.parseInt(connectAddress.substring(colon + 1)));
            }
            return new HostAndPort(connectAddress, 22);
        }
    }
}
