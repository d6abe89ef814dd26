package io.sluice.api.events;

/**
 * What an apply did to one object.
 *
 * @param apiVersion the object's apiVersion, e.g. {@code apps/v1}
 * @param kind       its kind, e.g. {@code Deployment}
 * @param namespace  its namespace; empty for cluster-scoped objects
 * @param name       its name
 * @param action     what was done to it
 */
public record ChangeSetEntry(String apiVersion, String kind, String namespace, String name, ChangeAction action) {

    private static final String NAME = "ApplyCompleted.changeSet[]";

    public ChangeSetEntry {
        Require.text(apiVersion, NAME, "apiVersion");
        Require.text(kind, NAME, "kind");
        namespace = namespace == null ? "" : namespace;
        Require.text(name, NAME, "name");
        Require.present(action, NAME, "action");
    }

    /** Flux's way of naming the object in messages: {@code Deployment/default/podinfo}, {@code Namespace/team-a}. */
    public String objectName() {
        return namespace.isEmpty() ? kind + "/" + name : kind + "/" + namespace + "/" + name;
    }
}
