package io.sluice.sandbox.cluster.apiserver;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What the real server does to objects of one built-in kind beyond decoding: its defaulting functions, its
 * strategy's create-time preparation, and its validation on create and update (immutable fields). Each method
 * works on the object as the Go type writes it ({@link GoRoundTrip}). Kinds without rules get none of these.
 */
interface KindRules {

    /** Kubernetes' {@code SetDefaults_*}: fills in what the object leaves out. Runs on every write. */
    default void defaults(ObjectNode object) {
    }

    /**
     * The strategy's {@code PrepareForCreate} and admission on create (after uid and name are set). A dry run
     * prepares too (a Service's dry-run create shows its cluster IP) but stores nothing, so what it took stays free.
     */
    default void prepareCreate(ObjectNode object) {
    }

    /** Kubernetes' {@code ValidateX} for the kind, metadata excepted. */
    default void validate(ObjectNode object, FieldErrors errors) {
    }

    /** Kubernetes' {@code ValidateXUpdate} beyond {@link #validate}: immutable fields. */
    default void validateUpdate(ObjectNode live, ObjectNode desired, FieldErrors errors) {
    }

    /** An update's own preparation ({@code PrepareForUpdate}), e.g. values derived from the live object. */
    default void prepareUpdate(ObjectNode live, ObjectNode desired) {
    }

    KindRules NONE = new KindRules() {
    };
}
