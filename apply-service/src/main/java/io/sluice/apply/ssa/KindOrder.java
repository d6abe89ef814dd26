package io.sluice.apply.ssa;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The order in which objects are applied, as Flux's kustomize-controller applies them: policy as
 * data, one list, the reason beside each entry.
 *
 * <p>Objects go in three {@link Stage stages}. Stage 1 ({@link Stage#DEFINITIONS}) holds what other
 * objects need to exist at all; the applier waits until it is usable before going on. Stage 2
 * ({@link Stage#CLASSES}) holds every kind whose name ends in {@code Class} (StorageClass,
 * IngressClass, PriorityClass, RuntimeClass, GatewayClass, ...), which objects of stage 3 name.
 * Stage 3 ({@link Stage#RESOURCES}) is everything else. Inside a stage objects are sorted by the
 * position of their kind in {@link #ORDER}; kinds not listed sit at {@link #OTHER_KINDS}; ties go by
 * group, kind, namespace and name so the order never depends on the input order.
 */
public final class KindOrder {

    /** The three apply stages. */
    public enum Stage { DEFINITIONS, CLASSES, RESOURCES }

    /** One entry of the order: a kind, the stage it belongs to, and why it is where it is. */
    public record Rank(String kind, Stage stage, String reason) { }

    /** Stands in {@link #ORDER} for every kind the list does not name. */
    public static final String OTHER_KINDS = "*";

    /** THE apply order. Deleting (prune) walks it backwards. */
    public static final List<Rank> ORDER = List.of(
            new Rank("CustomResourceDefinition", Stage.DEFINITIONS,
                    "defines the kinds of custom resources further down; they cannot be validated or applied before it is Established"),
            new Rank("Namespace", Stage.DEFINITIONS,
                    "every namespaced object needs its namespace to exist"),
            new Rank("ClusterRole", Stage.DEFINITIONS,
                    "Flux applies ClusterRoles with the definitions: bindings and aggregated roles refer to them, and a controller started later needs its permissions"),
            new Rank("ResourceQuota", Stage.RESOURCES,
                    "must be in place before the objects it limits are created, or they escape it"),
            new Rank("ServiceAccount", Stage.RESOURCES,
                    "pods name their service account; a pod created before it is rejected"),
            new Rank("PodSecurityPolicy", Stage.RESOURCES,
                    "kept where Flux has it, for clusters that still serve it"),
            new Rank("Role", Stage.RESOURCES,
                    "RoleBindings refer to it"),
            new Rank("RoleBinding", Stage.RESOURCES,
                    "grants permissions before the workloads that need them start"),
            new Rank("ClusterRoleBinding", Stage.RESOURCES,
                    "grants cluster permissions before the workloads that need them start"),
            new Rank("ConfigMap", Stage.RESOURCES,
                    "mounted or read as env by pods; a missing one keeps pods from starting"),
            new Rank("Secret", Stage.RESOURCES,
                    "mounted or read as env by pods; a missing one keeps pods from starting"),
            new Rank("PersistentVolume", Stage.RESOURCES,
                    "claims bind to it"),
            new Rank("PersistentVolumeClaim", Stage.RESOURCES,
                    "pods mount it; a claim created first can bind before the pod is scheduled"),
            new Rank("Service", Stage.RESOURCES,
                    "a Service should come before the things that refer to it (pods get its env variables, Ingresses route to it)"),
            new Rank("LimitRange", Stage.RESOURCES,
                    "defaults and limits for the pods created next"),
            new Rank("Deployment", Stage.RESOURCES,
                    "workloads come after everything they use"),
            new Rank("StatefulSet", Stage.RESOURCES,
                    "workloads come after everything they use"),
            new Rank("DaemonSet", Stage.RESOURCES,
                    "workloads come after everything they use"),
            new Rank("Job", Stage.RESOURCES,
                    "workloads come after everything they use"),
            new Rank("CronJob", Stage.RESOURCES,
                    "workloads come after everything they use"),
            new Rank("PodDisruptionBudget", Stage.RESOURCES,
                    "selects the pods of the workloads above"),
            new Rank(OTHER_KINDS, Stage.RESOURCES,
                    "every kind not named here (Ingress, HorizontalPodAutoscaler, custom resources, ...), sorted by group and kind"),
            new Rank("MutatingWebhookConfiguration", Stage.RESOURCES,
                    "last: a webhook applied early would intercept the objects above while its own server is not running yet"),
            new Rank("ValidatingWebhookConfiguration", Stage.RESOURCES,
                    "last, for the same reason as mutating webhooks"));

    private static final int OTHER_POSITION = position(OTHER_KINDS);

    /** Apply order: by kind position, then group, kind, namespace, name. */
    public static final Comparator<ObjectRef> APPLY_ORDER = Comparator
            .comparingInt((ObjectRef ref) -> position(ref.kind()))
            .thenComparing(ObjectRef::group)
            .thenComparing(ObjectRef::kind)
            .thenComparing(ObjectRef::namespace)
            .thenComparing(ObjectRef::name);

    /** Delete order: the apply order backwards, so Namespaces and then CRDs go last. */
    public static final Comparator<ObjectRef> DELETE_ORDER = APPLY_ORDER.reversed();

    private KindOrder() {
    }

    /** Where the kind stands in {@link #ORDER}; kinds not named there share the position of {@link #OTHER_KINDS}. */
    public static int position(String kind) {
        for (int i = 0; i < ORDER.size(); i++) {
            if (ORDER.get(i).kind().equals(kind)) {
                return i;
            }
        }
        return OTHER_POSITION;
    }

    /**
     * The stage of an object. Definitions are recognised by group and kind (a CRD of
     * apiextensions.k8s.io, a core Namespace, an RBAC ClusterRole), so a custom kind that happens to
     * be called Namespace is not mistaken for one.
     */
    public static Stage stageOf(ObjectRef ref) {
        boolean definition = switch (ref.kind()) {
            case "CustomResourceDefinition" -> ref.group().equals("apiextensions.k8s.io");
            case "Namespace" -> ref.group().isEmpty();
            case "ClusterRole" -> ref.group().equals("rbac.authorization.k8s.io");
            default -> false;
        };
        if (definition) {
            return Stage.DEFINITIONS;
        }
        return ref.kind().endsWith("Class") ? Stage.CLASSES : Stage.RESOURCES;
    }

    /** Splits the objects into stages (in stage order, empty stages included), each sorted in apply order. */
    public static <T> Map<Stage, List<T>> stages(List<T> objects, Function<T, ObjectRef> refOf) {
        Map<Stage, List<T>> stages = new EnumMap<>(Stage.class);
        for (Stage stage : Stage.values()) {
            stages.put(stage, new ArrayList<>());
        }
        for (T object : objects) {
            stages.get(stageOf(refOf.apply(object))).add(object);
        }
        Comparator<T> order = Comparator.comparing(refOf, APPLY_ORDER);
        stages.values().forEach(list -> list.sort(order));
        return stages;
    }
}
