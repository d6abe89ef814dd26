package io.sluice.apply.apply;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.sluice.api.events.ChangeAction;
import io.sluice.api.events.ChangeSetEntry;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Applies one revision's objects with server-side apply, in {@link KindOrder} stages, as Flux's
 * kustomize-controller does.
 *
 * <ol>
 *   <li>Every object gets the owner labels ({@link ApplyOptions#NAME_LABEL}, {@link ApplyOptions#NAMESPACE_LABEL}).</li>
 *   <li><b>Validation</b>: every object is applied with {@code dryRun=All}. Any refusal fails the whole
 *       revision before anything is written, naming each refused object with the server's message.
 *       Objects whose CRD or Namespace comes with this same revision and does not exist yet cannot be
 *       judged by the server before it does: they are dry-run right after the definitions stage, before
 *       anything else is written.</li>
 *   <li><b>Per object</b>: no live object: {@code created}. Dry-run result equal to the live object
 *       ({@link Differ}): {@code unchanged}, and no write at all. Otherwise {@code configured}.</li>
 *   <li><b>Stages</b>: definitions (then wait until CRDs are Established and Namespaces exist), classes,
 *       everything else; each written with {@code fieldManager=sluice} and forced conflicts (Flux always
 *       takes fields over from other managers: Git is the truth).</li>
 *   <li><b>Force</b>: with {@link ApplyOptions#force()}, an object whose dry run fails on an immutable
 *       field is deleted and created again (reported {@code created}, as Flux does).</li>
 * </ol>
 *
 * <p>Live objects are read with one LIST per large kind/namespace group ({@link LiveObjects}); dry runs
 * run {@link #PARALLELISM} at a time, and so do the applies of one run of objects of the same kind.
 */
public final class StagedApplier {

    private static final Duration POLL = Duration.ofMillis(100);
    /** Requests in flight at once for dry runs and for the objects of one kind. */
    static final int PARALLELISM = 4;

    private final KubernetesClient client;

    public StagedApplier(KubernetesClient client) {
        this.client = client;
    }

    /** What the applier decided for one object after its dry run. */
    private record Plan(GenericKubernetesResource desired, ObjectRef ref, ChangeAction action, boolean recreate) { }

    /**
     * Applies the objects. Returns the change set in apply order; throws {@link ApplyException} when
     * validation, an apply or the wait for definitions fails.
     */
    public ChangeSet apply(List<GenericKubernetesResource> objects, ApplyOptions options) {
        List<GenericKubernetesResource> desired = prepare(objects, options);
        Map<KindOrder.Stage, List<GenericKubernetesResource>> stages = KindOrder.stages(desired, ObjectRef::of);
        List<GenericKubernetesResource> definitions = stages.get(KindOrder.Stage.DEFINITIONS);

        List<GenericKubernetesResource> deferred = new ArrayList<>();
        List<GenericKubernetesResource> now = new ArrayList<>();
        Set<String> pendingDefinitions = pendingDefinitions(definitions);
        for (KindOrder.Stage stage : KindOrder.Stage.values()) {
            for (GenericKubernetesResource object : stages.get(stage)) {
                (needsPendingDefinition(object, pendingDefinitions) ? deferred : now).add(object);
            }
        }

        Map<ObjectRef, Plan> plans = validate(now, options, ChangeSet.empty());
        List<ChangeSetEntry> done = new ArrayList<>();
        applyAll(definitions, plans, done);
        waitForDefinitions(definitions, options.waitTimeout(), new ChangeSet(done));
        plans.putAll(validate(deferred, options, new ChangeSet(done)));
        applyAll(stages.get(KindOrder.Stage.CLASSES), plans, done);
        applyAll(stages.get(KindOrder.Stage.RESOURCES), plans, done);
        return new ChangeSet(done);
    }

    /** Copies with owner labels set and the server-maintained metadata a manifest must not carry removed. */
    private static List<GenericKubernetesResource> prepare(List<GenericKubernetesResource> objects, ApplyOptions options) {
        List<GenericKubernetesResource> prepared = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (GenericKubernetesResource object : objects) {
            ObjectRef ref = ObjectRef.of(object);
            if (!seen.add(ref.inventoryId())) {
                throw new IllegalArgumentException("object " + ref.objectName() + " (" + ref.apiVersion()
                        + ") appears twice in the manifests; each object may be rendered once");
            }
            GenericKubernetesResource copy = Manifests.copy(object);
            ObjectMeta meta = copy.getMetadata();
            Map<String, String> labels = meta.getLabels() == null ? new LinkedHashMap<>() : new LinkedHashMap<>(meta.getLabels());
            labels.put(ApplyOptions.NAME_LABEL, options.ownerName());
            labels.put(ApplyOptions.NAMESPACE_LABEL, options.ownerNamespace());
            meta.setLabels(labels);
            // A resourceVersion would turn the apply into a conditional write; the rest is the server's.
            meta.setResourceVersion(null);
            meta.setManagedFields(null);
            meta.setUid(null);
            meta.setCreationTimestamp(null);
            meta.setGeneration(null);
            prepared.add(copy);
        }
        return prepared;
    }

    /**
     * Keys ("ns:NAME", "kind:GROUP/KIND") of the Namespaces and CRDs of this revision that do not exist
     * yet: objects needing them cannot be dry-run before the definitions stage is applied.
     */
    private Set<String> pendingDefinitions(List<GenericKubernetesResource> definitions) {
        Set<String> pending = new HashSet<>();
        for (GenericKubernetesResource definition : definitions) {
            ObjectRef ref = ObjectRef.of(definition);
            if (ref.kind().equals("Namespace") && live(definition) == null) {
                pending.add("ns:" + ref.name());
            } else if (ref.kind().equals("CustomResourceDefinition") && live(definition) == null) {
                JsonNode spec = Manifests.tree(definition).path("spec");
                pending.add("kind:" + spec.path("group").asText() + "/" + spec.path("names").path("kind").asText());
            }
        }
        return pending;
    }

    private static boolean needsPendingDefinition(GenericKubernetesResource object, Set<String> pending) {
        ObjectRef ref = ObjectRef.of(object);
        return pending.contains("kind:" + ref.group() + "/" + ref.kind())
                || (!ref.namespace().isEmpty() && pending.contains("ns:" + ref.namespace()));
    }

    /**
     * Dry-runs every object; all refusals are collected and thrown together, before anything is written.
     * The dry runs write nothing, so they run in parallel ({@link #PARALLELISM} at a time).
     */
    private Map<ObjectRef, Plan> validate(List<GenericKubernetesResource> objects, ApplyOptions options, ChangeSet soFar) {
        LiveObjects liveObjects = new LiveObjects(client);
        liveObjects.prefetch(objects);
        List<Object> outcomes = Parallel.map(objects, PARALLELISM, object -> validateOne(object, options, liveObjects));
        Map<ObjectRef, Plan> plans = new HashMap<>();
        List<ApplyException.Failure> failures = new ArrayList<>();
        for (Object outcome : outcomes) {
            if (outcome instanceof Plan plan) {
                plans.put(plan.ref(), plan);
            } else {
                failures.add((ApplyException.Failure) outcome);
            }
        }
        if (!failures.isEmpty()) {
            throw new ApplyException(ApplyException.Phase.VALIDATION, failures, soFar);
        }
        return plans;
    }

    /** A {@link Plan}, or the {@link ApplyException.Failure} saying why the server refused the object. */
    private Object validateOne(GenericKubernetesResource object, ApplyOptions options, LiveObjects liveObjects) {
        ObjectRef ref = ObjectRef.of(object);
        GenericKubernetesResource live;
        try {
            live = liveObjects.get(object);
        } catch (KubernetesClientException e) {
            return new ApplyException.Failure(ref, serverMessage(e));
        }
        try {
            GenericKubernetesResource dryRun = client.resource(object).dryRun().patch(new PatchContext.Builder()
                    .withPatchType(PatchType.SERVER_SIDE_APPLY)
                    .withFieldManager(ApplyOptions.FIELD_MANAGER)
                    .withForce(true)
                    .build());
            ChangeAction action = live == null ? ChangeAction.CREATED
                    : Differ.unchanged(live, dryRun) ? ChangeAction.UNCHANGED : ChangeAction.CONFIGURED;
            return new Plan(object, ref, action, false);
        } catch (KubernetesClientException e) {
            if (options.force() && live != null && isImmutableFieldError(e)) {
                return new Plan(object, ref, ChangeAction.CREATED, true);
            }
            return new ApplyException.Failure(ref, serverMessage(e));
        }
    }

    private GenericKubernetesResource live(GenericKubernetesResource object) {
        return client.resource(object).get();
    }

    /**
     * Applies a stage in its order. Objects of one kind are independent of each other, so each run of
     * objects of the same kind is written in parallel; the next kind starts when the previous one is done.
     */
    private void applyAll(List<GenericKubernetesResource> objects, Map<ObjectRef, Plan> plans, List<ChangeSetEntry> done) {
        int start = 0;
        while (start < objects.size()) {
            ObjectRef first = ObjectRef.of(objects.get(start));
            int end = start;
            while (end < objects.size() && sameKind(first, ObjectRef.of(objects.get(end)))) {
                end++;
            }
            List<Object> outcomes = Parallel.map(objects.subList(start, end), PARALLELISM, object -> applyOne(plans.get(ObjectRef.of(object))));
            List<ApplyException.Failure> failures = new ArrayList<>();
            for (Object outcome : outcomes) {
                if (outcome instanceof ChangeSetEntry entry) {
                    done.add(entry);
                } else {
                    failures.add((ApplyException.Failure) outcome);
                }
            }
            if (!failures.isEmpty()) {
                throw new ApplyException(ApplyException.Phase.APPLY, failures, new ChangeSet(done));
            }
            start = end;
        }
    }

    private static boolean sameKind(ObjectRef a, ObjectRef b) {
        return a.group().equals(b.group()) && a.kind().equals(b.kind());
    }

    /** The change-set entry, or the failure. Unchanged objects are not written. */
    private Object applyOne(Plan plan) {
        try {
            if (plan.recreate()) {
                recreate(plan.desired());
            } else if (plan.action() != ChangeAction.UNCHANGED) {
                serverSideApply(plan.desired());
            }
            return ChangeSet.entry(plan.ref(), plan.action());
        } catch (KubernetesClientException e) {
            return new ApplyException.Failure(plan.ref(), serverMessage(e));
        }
    }

    private GenericKubernetesResource serverSideApply(GenericKubernetesResource object) {
        return client.resource(object).fieldManager(ApplyOptions.FIELD_MANAGER).forceConflicts().serverSideApply();
    }

    /** spec.force: delete (dependents in the background, as Flux does), wait until gone, apply again. */
    private void recreate(GenericKubernetesResource object) {
        client.resource(object).withPropagationPolicy(DeletionPropagation.BACKGROUND).delete();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (live(object) != null) {
            if (System.nanoTime() > deadline) {
                throw new KubernetesClientException("deleted to recreate it (spec.force) but still present after 30s"
                        + " (a finalizer holds it?); remove the finalizer or the object by hand");
            }
            sleep();
        }
        serverSideApply(object);
    }

    /** Waits until the revision's CRDs are Established and its Namespaces exist and are not terminating. */
    private void waitForDefinitions(List<GenericKubernetesResource> definitions, Duration timeout, ChangeSet soFar) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<GenericKubernetesResource> waiting = new ArrayList<>(definitions);
        while (true) {
            List<ApplyException.Failure> notReady = new ArrayList<>();
            for (GenericKubernetesResource definition : waiting) {
                String reason = DefinitionReadiness.notReadyReason(client, live(definition));
                if (reason != null) {
                    notReady.add(new ApplyException.Failure(ObjectRef.of(definition), reason));
                }
            }
            if (notReady.isEmpty()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new ApplyException(ApplyException.Phase.WAIT, notReady, soFar);
            }
            waiting = notReady.stream()
                    .map(failure -> definitions.stream().filter(d -> ObjectRef.of(d).equals(failure.object())).findFirst().orElseThrow())
                    .toList();
            sleep();
        }
    }

    /**
     * Flux's test for "recreate with force": the server refused a change to a field that cannot change.
     * The API server words it "field is immutable" (most kinds) or "may not change"/"cannot change" (a few).
     */
    static boolean isImmutableFieldError(KubernetesClientException e) {
        String message = serverMessage(e);
        return e.getCode() == 422 && (message.contains("field is immutable")
                || message.contains("may not change") || message.contains("cannot change"));
    }

    /**
     * The API server's own message (its Status.message), with the HTTP code. fabric8 refuses a kind that API
     * discovery does not list before sending anything, with a message that dumps the whole object: that one is
     * replaced by what it means.
     */
    static String serverMessage(KubernetesClientException e) {
        if (e.getCode() <= 0 && e.getMessage() != null && e.getMessage().startsWith("Could not find a registered handler")) {
            return "the API server does not serve this apiVersion and kind (not in API discovery); install its CRD first"
                    + " or put the CRD in the same revision, or fix apiVersion/kind";
        }
        String message = e.getStatus() != null && e.getStatus().getMessage() != null ? e.getStatus().getMessage() : e.getMessage();
        return e.getCode() > 0 ? message + " (HTTP " + e.getCode() + ")" : message;
    }

    private static void sleep() {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KubernetesClientException("interrupted while waiting", e);
        }
    }
}
