package io.sluice.apply.ssa;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.HasMetadata;

import java.util.Objects;

/**
 * Which object: apiVersion, kind, namespace (empty for cluster-scoped objects) and name.
 *
 * <p>{@link #inventoryId()} is the id Flux writes in {@code status.inventory.entries[].id}
 * ({@code <namespace>_<name>_<group>_<kind>}, the format of cli-utils' ObjMetadata), so an
 * inventory written by Sluice reads the same in Flux's tools and the other way round.
 */
public record ObjectRef(String apiVersion, String kind, String namespace, String name) {

    /** RBAC names may contain ':' (system:controller:x); the id format writes it as "__". */
    private static final String RBAC_GROUP = "rbac.authorization.k8s.io";

    public ObjectRef {
        Objects.requireNonNull(apiVersion, "apiVersion");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        namespace = namespace == null ? "" : namespace;
        if (apiVersion.isBlank() || kind.isBlank() || name.isBlank()) {
            throw new IllegalArgumentException("an object needs apiVersion, kind and metadata.name; got apiVersion='"
                    + apiVersion + "' kind='" + kind + "' name='" + name + "'");
        }
    }

    public static ObjectRef of(HasMetadata object) {
        boolean hasMetadata = object.getMetadata() != null;
        return ofManifest(object.getApiVersion(), object.getKind(), hasMetadata ? object.getMetadata().getNamespace() : null,
                hasMetadata ? object.getMetadata().getName() : null);
    }

    /** The reference of an object given as a JSON tree; the same refusal as {@link #of(HasMetadata)}. */
    public static ObjectRef of(JsonNode object) {
        JsonNode metadata = object.path("metadata");
        return ofManifest(text(object.get("apiVersion")), text(object.get("kind")), text(metadata.get("namespace")),
                text(metadata.get("name")));
    }

    /** A rendered object's reference; one without apiVersion, kind or name is refused, naming what it has. */
    private static ObjectRef ofManifest(String apiVersion, String kind, String namespace, String name) {
        if (apiVersion == null || kind == null || name == null) {
            throw new IllegalArgumentException("manifest without apiVersion, kind or metadata.name: apiVersion="
                    + apiVersion + ", kind=" + kind + ", name=" + name + "; every rendered object needs all three");
        }
        return new ObjectRef(apiVersion, kind, namespace, name);
    }

    /** A string field's text; null when absent, null or not a string. */
    private static String text(JsonNode value) {
        return value != null && value.isTextual() ? value.asText() : null;
    }

    /** The API group: empty for the core group ({@code v1}), {@code apps} for {@code apps/v1}. */
    public String group() {
        int slash = apiVersion.indexOf('/');
        return slash < 0 ? "" : apiVersion.substring(0, slash);
    }

    /** The version part of the apiVersion: {@code v1} for both {@code v1} and {@code apps/v1}. */
    public String version() {
        int slash = apiVersion.indexOf('/');
        return slash < 0 ? apiVersion : apiVersion.substring(slash + 1);
    }

    /** Flux's inventory id: {@code apps_podinfo_apps_Deployment}, {@code _apps__Namespace}, {@code apps_web__Service}. */
    public String inventoryId() {
        String idName = RBAC_GROUP.equals(group()) ? name.replace(":", "__") : name;
        return namespace + "_" + idName + "_" + group() + "_" + kind;
    }

    /** How Flux names the object in messages: {@code Deployment/apps/podinfo}, {@code Namespace/apps}. */
    public String objectName() {
        return namespace.isEmpty() ? kind + "/" + name : kind + "/" + namespace + "/" + name;
    }

    /** Same object whatever the version: the inventory and prune compare objects this way. */
    public boolean sameObject(ObjectRef other) {
        return group().equals(other.group()) && kind.equals(other.kind)
                && namespace.equals(other.namespace) && name.equals(other.name);
    }

    @Override
    public String toString() {
        return objectName();
    }
}
