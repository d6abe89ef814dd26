package io.sluice.source.git;

import io.sluice.git.GitCredentials;
import io.sluice.git.GitFetchException.Failure;
import io.sluice.git.GitFetchException;
import io.sluice.git.Redactor;
import io.sluice.git.RemoteUrl;
import io.sluice.git.TransportSetup;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;
import javax.net.ssl.SSLException;

/**
 * Turns what JGit throws into a {@link GitFetchException} whose message says what failed, where, and what to
 * do. JGit's own text is kept at the end (redacted) for whoever needs the detail.
 */
final class FetchErrors {

    /** What the messages need to know about the fetch. */
    record Context(RemoteUrl url, GitReference reference, GitCredentials credentials, String secretName,
                   Duration timeout, TransportSetup transport) {
    }

    private FetchErrors() {
    }

    static GitFetchException classify(Throwable error, Context ctx) {
        String detail = Redactor.of(ctx.credentials()).redact(messages(error));
        String lower = detail.toLowerCase(Locale.ROOT);
        String hostKeyRejection = ctx.transport() == null ? null : ctx.transport().hostKeyRejection();
        if (hostKeyRejection != null) {
            return new GitFetchException(Failure.HOST_KEY_REJECTED, "SSH host key check failed for " + ctx.url() + ": " + hostKeyRejection
                    + "; if the server's key really is this one, put the output of `ssh-keyscan "
                    + (ctx.url().port() == 22 ? "" : "-p " + ctx.url().port() + " ") + ctx.url().host() + "` under 'known_hosts' in "
                    + secret(ctx), error);
        }
        if (has(error, UnknownHostException.class)) {
            return new GitFetchException(Failure.UNKNOWN_HOST, "host '" + ctx.url().host() + "' of " + ctx.url()
                    + " does not resolve: check spec.url (and that this cluster's DNS knows the host)", error);
        }
        if (has(error, SocketTimeoutException.class) || has(error, InterruptedIOException.class)
                || lower.contains("timed out") || lower.contains("timeout")) {
            return timeout(ctx, error);
        }
        if (has(error, ConnectException.class) || has(error, NoRouteToHostException.class)) {
            return new GitFetchException(Failure.CONNECTION, "cannot connect to " + ctx.url().host()
                    + (ctx.url().port() > 0 ? ":" + ctx.url().port() : "") + " for " + ctx.url()
                    + ": nothing accepts connections there; check spec.url and that the Git server is up (" + detail + ")", error);
        }
        if (lower.contains("not authorized") || lower.contains("authentication is required") || lower.contains("auth fail")
                || lower.contains("authentication failed") || lower.contains("no more authentication methods")
                || lower.contains("cannot log in") || lower.contains("authentication not supported")
                || lower.contains("403 forbidden") || lower.contains(": 403") || lower.contains(" 401")) {
            return authentication(ctx, error);
        }
        if (has(error, SSLException.class)) {
            return new GitFetchException(Failure.CONNECTION, "TLS handshake with " + ctx.url().host() + " failed for " + ctx.url()
                    + ": check the server's certificate (" + detail + ")", error);
        }
        if (lower.contains("not found") || lower.contains("does not appear to be a git repository")
                || lower.contains("not a git repository") || lower.contains("repository not found")) {
            return new GitFetchException(Failure.CONNECTION, "no Git repository at " + ctx.url()
                    + ": check the path in spec.url (" + detail + ")", error);
        }
        if (lower.contains("connection reset") || lower.contains("connection refused") || lower.contains("broken pipe")
                || lower.contains("end of stream") || lower.contains("closed")) {
            return new GitFetchException(Failure.CONNECTION, "the connection to " + ctx.url() + " failed: " + detail, error);
        }
        return new GitFetchException(Failure.OTHER, "fetching " + ctx.reference().describe() + " from " + ctx.url() + " failed: " + detail, error);
    }

    static GitFetchException timeout(Context ctx, Throwable cause) {
        return new GitFetchException(Failure.TIMEOUT, "fetching " + ctx.reference().describe() + " from " + ctx.url()
                + " did not finish within " + human(ctx.timeout())
                + ": check that the server answers, or raise spec.timeout for a large repository", cause);
    }

    static GitFetchException authentication(Context ctx, Throwable cause) {
        String what = ctx.url().isSsh()
                ? "check that the public key of 'identity' in " + secret(ctx) + " has read access to the repository"
                : ctx.credentials().hasBearerToken()
                ? "check 'bearerToken' in " + secret(ctx)
                : ctx.credentials().hasBasicAuth()
                ? "check the username/password in " + secret(ctx)
                : ctx.secretName() != null
                ? "the server wants credentials, and " + secret(ctx) + " has neither 'username'/'password' nor 'bearerToken'"
                : "the server wants credentials: set spec.secretRef to a Secret with 'username' and 'password' (or 'bearerToken')";
        return new GitFetchException(Failure.AUTHENTICATION, "authentication failed for " + ctx.url() + ": " + what, cause);
    }

    private static String secret(Context ctx) {
        return ctx.secretName() == null ? "the Secret named by spec.secretRef" : "Secret " + ctx.secretName();
    }

    static String human(Duration d) {
        long millis = d.toMillis();
        return millis % 1000 == 0 ? (millis / 1000) + "s" : millis + "ms";
    }

    private static boolean has(Throwable error, Class<? extends Throwable> type) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    /** The messages of the whole cause chain, without repeats. */
    static String messages(Throwable error) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = error; t != null; t = t.getCause()) {
            String message = t.getMessage();
            if (message == null || message.isBlank() || text.indexOf(message) >= 0) {
                continue;
            }
            if (!text.isEmpty()) {
                text.append(": ");
            }
            text.append(message.strip());
        }
        return text.isEmpty() ? error.getClass().getSimpleName() : text.toString();
    }
}
