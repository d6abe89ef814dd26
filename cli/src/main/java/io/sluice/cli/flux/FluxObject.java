package io.sluice.cli.flux;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A Flux object as read from the API, with the few fields the CLI shows: suspend, Ready, revisions. */
public record FluxObject(FluxKind kind, GenericKubernetesResource resource) {

    /** The Ready condition, or what the CLI shows while there is none. */
    public record Ready(String status, String reason, String message, Optional<Instant> lastTransitionTime) {
        public boolean isTrue() {
            return "True".equals(status);
        }

        public boolean isFalse() {
            return "False".equals(status);
        }
    }

    public String name() {
        return resource.getMetadata().getName();
    }

    public String namespace() {
        return resource.getMetadata().getNamespace();
    }

    /** {@code Kustomization flux-system/quickstart}. */
    public String describe() {
        return kind.kind() + " " + namespace() + "/" + name();
    }

    public boolean suspended() {
        return Boolean.TRUE.equals(resource.get("spec", "suspend"));
    }

    public String revision() {
        return kind.revisionOf(this);
    }

    /** {@code status.lastHandledReconcileAt}: the last {@code reconcile.fluxcd.io/requestedAt} handled. */
    public Optional<String> lastHandledReconcileAt() {
        return Optional.ofNullable(text("status", "lastHandledReconcileAt"));
    }

    /** {@code status.lastAttemptedRevision} (Kustomization, HelmRelease): the last revision tried, applied or not. */
    public Optional<String> lastAttemptedRevision() {
        return Optional.ofNullable(text("status", "lastAttemptedRevision"));
    }

    public Optional<Ready> ready() {
        Object conditions = resource.get("status", "conditions");
        if (!(conditions instanceof List<?> list)) {
            return Optional.empty();
        }
        for (Object item : list) {
            if (item instanceof Map<?, ?> condition && "Ready".equals(condition.get("type"))) {
                return Optional.of(new Ready(string(condition.get("status")), string(condition.get("reason")),
                        string(condition.get("message")), instant(string(condition.get("lastTransitionTime")))));
            }
        }
        return Optional.empty();
    }

    /** A string field at {@code path}, or null. */
    String text(Object... path) {
        Object value = resource.get(path);
        return value == null ? null : value.toString();
    }

    private static String string(Object value) {
        return value == null ? "" : value.toString();
    }

    static Optional<Instant> instant(String text) {
        try {
            return text == null || text.isBlank() ? Optional.empty() : Optional.of(Instant.parse(text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
