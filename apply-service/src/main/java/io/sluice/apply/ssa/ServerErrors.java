package io.sluice.apply.ssa;

import io.fabric8.kubernetes.client.KubernetesClientException;

/**
 * What an error from the API server (or from the fabric8 client before it sent anything) means, in the words the
 * status condition and the event carry. Every step that talks to the server (apply, dry run, prune, delete, health
 * reads) reports a refusal through here, so the same refusal reads the same wherever it happens.
 */
public final class ServerErrors {

    /** What a kind API discovery does not list comes out as (fabric8's own message dumps the whole object). */
    static final String NOT_SERVED = "the API server does not serve this apiVersion and kind (not in API discovery);"
            + " install its CRD first or put the CRD in the same revision, or fix apiVersion/kind";

    private ServerErrors() {
    }

    /**
     * The API server's own message (its Status.message), with the HTTP code:
     * {@code configmaps "x" is forbidden: User "..." cannot delete ... (HTTP 403)}. fabric8 refuses a kind that API
     * discovery does not list before sending anything, with a message that dumps the whole object: that one is
     * replaced by what it means ({@link #NOT_SERVED}).
     */
    public static String message(KubernetesClientException e) {
        if (e.getCode() <= 0 && e.getMessage() != null && e.getMessage().startsWith("Could not find a registered handler")) {
            return NOT_SERVED;
        }
        String message = e.getStatus() != null && e.getStatus().getMessage() != null ? e.getStatus().getMessage() : e.getMessage();
        return e.getCode() > 0 ? message + " (HTTP " + e.getCode() + ")" : message;
    }

    /** {@link #message(KubernetesClientException)} for a server error, the failure itself for anything else (a timeout, I/O). */
    static String message(Throwable failure) {
        return failure instanceof KubernetesClientException e ? message(e) : String.valueOf(failure);
    }

    /**
     * Flux's test for "recreate with force": the server refused a change to a field that cannot change. The API
     * server words it "field is immutable" (most kinds, {@code immutable: true} ConfigMaps and Secrets) or
     * "may not change"/"cannot change" (a Service's clusterIP, a few others).
     */
    static boolean immutableField(KubernetesClientException e) {
        String message = message(e);
        return e.getCode() == 422 && (message.contains("field is immutable")
                || message.contains("may not change") || message.contains("cannot change"));
    }

    /** 404: the object, or its whole kind (a CRD deleted meanwhile), is not there. */
    static boolean notFound(KubernetesClientException e) {
        return e.getCode() == 404;
    }
}
