package io.sluice.alert.provider;

import io.sluice.api.events.Severity;
import io.sluice.api.meta.Revision;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a commit status says about an event, the same way on GitHub and GitLab and as Flux's
 * notification-controller says it:
 * <ul>
 *   <li>the commit: the hash of the event's revision ({@code main@sha1:<hex>}); none → no status;</li>
 *   <li>the state: info → success, error → failure; a {@code Progressing} reason → pending
 *       (Flux skips those; a pending status shows that a newer revision is being applied);</li>
 *   <li>the context (GitHub) or name (GitLab): {@code <kind>/<name>/<first block of the Provider's UID>},
 *       lower case, so that several clusters reporting on one commit do not overwrite each other;</li>
 *   <li>the description: the reason split into words, lower case ({@code ReconciliationSucceeded} →
 *       {@code reconciliation succeeded}).</li>
 * </ul>
 */
public final class CommitStatus {

    /** The state of a commit status, in words both hosts understand (GitLab spells failure "failed"). */
    public enum State {
        PENDING, SUCCESS, FAILURE
    }

    private static final String NO_COMMIT = "the event has no commit revision to set a status on";

    private CommitStatus() {
    }

    /** The commit hash of the notification's revision, if it names a commit. */
    public static Optional<String> commit(Notification n) {
        if (n.revision() == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Revision.parse(n.revision()).hash());
        } catch (IllegalArgumentException notACommit) {
            return Optional.empty();
        }
    }

    /** Why a notification gets no status: it names no commit (the same on every host). */
    static Optional<String> skipReason(Notification n) {
        return commit(n).isPresent() ? Optional.empty() : Optional.of(NO_COMMIT);
    }

    /** The commit to set the status on; a notification without one cannot be delivered (see {@link #skipReason}). */
    static String requireCommit(Notification n, ProviderSettings settings) throws DeliveryException {
        return commit(n).orElseThrow(() -> DeliveryException.permanent(settings.provider() + ": " + NO_COMMIT));
    }

    /**
     * The Secret's {@code token}, which both hosts require; {@code what} says which token the host needs,
     * for the error message.
     */
    static String requireToken(ProviderSettings settings, String type, String what) throws DeliveryException {
        return settings.secret().get("token").orElseThrow(() -> DeliveryException.permanent(settings.provider()
                + ": " + type + " needs the key 'token' in spec.secretRef (" + what + ")"));
    }

    /** {@code spec.address} as a repository address; a malformed one is a permanent failure of the Provider. */
    static GitAddress repositoryAddress(ProviderSettings settings) throws DeliveryException {
        try {
            return GitAddress.parse(settings.address(), settings.provider() + ": spec.address");
        } catch (IllegalArgumentException e) {
            throw DeliveryException.permanent(e.getMessage());
        }
    }

    public static State state(Notification n) {
        if (n.reason().startsWith("Progressing")) {
            return State.PENDING;
        }
        return n.severity() == Severity.ERROR ? State.FAILURE : State.SUCCESS;
    }

    public static String context(Notification n, String providerUid) {
        String uidBlock = providerUid == null || providerUid.isBlank() ? "sluice" : providerUid.split("-")[0];
        return (n.object().kind() + "/" + n.object().name() + "/" + uidBlock).toLowerCase(Locale.ROOT);
    }

    public static String description(Notification n) {
        return String.join(" ", words(n.reason())).toLowerCase(Locale.ROOT);
    }

    /** Splits UpperCamelCase into words; a run of capitals stays one word ("HTTPError" → "HTTP", "Error"). */
    static List<String> words(String camel) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < camel.length(); i++) {
            char c = camel.charAt(i);
            boolean upper = Character.isUpperCase(c);
            boolean startsWord = upper && word.length() > 0
                    && (Character.isLowerCase(word.charAt(word.length() - 1))
                    || i + 1 < camel.length() && Character.isLowerCase(camel.charAt(i + 1)));
            if (startsWord || !Character.isLetterOrDigit(c)) {
                if (word.length() > 0) {
                    words.add(word.toString());
                }
                word.setLength(0);
            }
            if (Character.isLetterOrDigit(c)) {
                word.append(c);
            }
        }
        if (word.length() > 0) {
            words.add(word.toString());
        }
        return words;
    }
}
