package io.sluice.apply.ssa;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.sluice.api.events.ChangeAction;
import io.sluice.api.events.ChangeSetEntry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Applies one revision's objects with server-side apply, in {@link KindOrder} stages, as Flux's
 * kustomize-controller does.
 *
 * <ol>
 *   <li>Every object gets the owner labels ({@link ApplyOptions#NAME_LABEL}, {@link ApplyOptions#NAMESPACE_LABEL})
 *       and the annotation {@link AppliedDigest#ANNOTATION}, the digest of the object as applied, once per
 *       rendering ({@link DesiredSet}).</li>
 *   <li><b>Live state</b>: read up front, one LIST per kind and namespace with many objects, GETs for the rest
 *       ({@link LiveObjects}), all requests in flight together.</li>
 *   <li><b>Unchanged</b>: a live object that carries the same digest and still holds every desired value
 *       ({@link AppliedDigest}) is {@code unchanged}: no dry run, no write, not one request of its own.</li>
 *   <li><b>Validation</b>: every other object is applied with {@code dryRun=All}. Any refusal fails the whole
 *       revision before anything is written, naming each refused object with the server's message.
 *       Objects whose CRD or Namespace comes with this same revision and does not exist yet cannot be
 *       judged by the server before it does: they are dry-run right after the definitions stage, before
 *       anything else is written.</li>
 *   <li><b>Per object</b>: no live object: {@code created}. Dry-run result equal to the live object
 *       ({@link Differ}): {@code unchanged}, and no write. Otherwise {@code configured}.</li>
 *   <li><b>Stages</b>: definitions (then wait until CRDs are Established and Namespaces exist,
 *       {@link DefinitionWait}), classes,
 *       everything else; each written with {@code fieldManager=sluice} and forced conflicts (Flux always
 *       takes fields over from other managers: Git is the truth).</li>
 *   <li><b>Force</b>: with {@link ApplyOptions#force()}, an object whose dry run fails on an immutable
 *       field is deleted and created again ({@link Deleter#recreate}; reported {@code created}, as Flux does).</li>
 * </ol>
 *
 * <p>{@link #apply(DesiredSet, ApplyOptions)} reads as these steps: live state, plan (unchanged or dry run), write the
 * definitions, wait for them, plan what needed them, write the rest.
 *
 * <p>Requests go out {@link InFlight#LIMIT} at a time (dry runs; and the writes of one run of objects of the
 * same kind), through {@link ApiCalls}.
 */
public final class StagedApplier {

    /** Runs the first round of reads beside the preparing of the trees (daemon threads, made as needed). */
    private static final ExecutorService READERS = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "sluice-apply-read");
        thread.setDaemon(true);
        return thread;
    });

    /** A dry run's outcome for an object that does not exist yet: the server accepted it. */
    private static final Object ACCEPTED = new Object();

    private final KubernetesClient client;
    private final DefinitionWait definitionWait;
    private final Deleter deleter;

    public StagedApplier(KubernetesClient client) {
        this.client = client;
        this.definitionWait = new DefinitionWait(client);
        this.deleter = new Deleter(client);
    }

    /** An object to dry-run, and its live state (null when it does not exist). */
    private record DryRun(DesiredObject object, ObjectNode current) { }

    /** What the applier decided for one object. */
    private record Plan(DesiredObject desired, ChangeAction action, boolean recreate) { }

    /**
     * Applies the objects. Returns the change set in apply order; throws {@link ApplyException} when
     * validation, an apply or the wait for definitions fails.
     *
     * @throws IllegalArgumentException an object without apiVersion, kind or name, or one that appears twice
     *                                  (before any request)
     */
    public ChangeSet apply(List<GenericKubernetesResource> objects, ApplyOptions options) {
        return apply(DesiredSet.of(objects, options), options);
    }

    /**
     * Applies a set ({@link DesiredSet}: kept between runs of the same rendering).
     *
     * @throws IllegalArgumentException the set was built for another Kustomization (its owner labels would be wrong)
     */
    public ChangeSet apply(DesiredSet set, ApplyOptions options) {
        if (!set.preparedFor(options)) {
            throw new IllegalArgumentException("the set was prepared for another Kustomization than "
                    + options.ownerNamespace() + "/" + options.ownerName());
        }
        ApiCalls api = new ApiCalls(client);
        LiveObjects live = readLiveState(set, api);
        Map<KindOrder.Stage, List<DesiredObject>> stages = KindOrder.stages(set.objects(), DesiredObject::ref);
        List<DesiredObject> definitions = stages.get(KindOrder.Stage.DEFINITIONS);
        List<DesiredObject> rest = new ArrayList<>(stages.get(KindOrder.Stage.CLASSES));
        rest.addAll(stages.get(KindOrder.Stage.RESOURCES));
        Set<String> pending = pendingDefinitions(definitions, live);
        List<DesiredObject> deferred = rest.stream().filter(object -> needsPendingDefinition(object.ref(), pending)).toList();
        List<DesiredObject> now = new ArrayList<>(definitions);
        now.addAll(rest.stream().filter(object -> !needsPendingDefinition(object.ref(), pending)).toList());

        // plan everything that can be judged now: nothing is written before every one of them passed its dry run
        Map<ObjectRef, Plan> plans = plan(now, live, api, options, ChangeSet.empty());
        List<ChangeSetEntry> done = new ArrayList<>();
        write(definitions, plans, api, done);
        definitionWait.await(toWaitFor(definitions, plans, live), options.waitTimeout(), new ChangeSet(done));
        if (!deferred.isEmpty()) {
            // objects of a kind or in a namespace the definitions stage just created: judged now they exist
            api.forgetUnserved();
            live.read(api, refs(deferred));
            plans.putAll(plan(deferred, live, api, options, new ChangeSet(done)));
        }
        write(stages.get(KindOrder.Stage.CLASSES), plans, api, done);
        write(stages.get(KindOrder.Stage.RESOURCES), plans, api, done);
        return new ChangeSet(done);
    }

    /**
     * One round of reads for everything (objects that wait for a new Namespace or CRD are read again later). While the
     * requests wait on the server, objects are prepared on this thread (labels, digest: CPU work); what is not
     * prepared when the reads are done is prepared when first used, just before its dry run.
     */
    private static LiveObjects readLiveState(DesiredSet set, ApiCalls api) {
        LiveObjects live = new LiveObjects();
        List<ObjectRef> refs = set.refs();
        CompletableFuture<Void> reading = CompletableFuture.runAsync(() -> live.read(api, refs), READERS);
        for (DesiredObject object : set.objects()) {
            if (reading.isDone()) {
                break;
            }
            object.tree();
        }
        awaitReads(reading);
        return live;
    }

    /** Waits for the first round of reads; what failed there fails the apply as if it had run here. */
    private static void awaitReads(CompletableFuture<Void> reading) {
        try {
            reading.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    private static List<ObjectRef> refs(List<DesiredObject> objects) {
        return objects.stream().map(DesiredObject::ref).toList();
    }

    /**
     * Keys ("ns:NAME", "kind:GROUP/KIND") of the Namespaces and CRDs of this revision that do not exist
     * yet: objects needing them cannot be dry-run before the definitions stage is applied.
     */
    private static Set<String> pendingDefinitions(List<DesiredObject> definitions, LiveObjects live) {
        Set<String> pending = new HashSet<>();
        for (DesiredObject definition : definitions) {
            ObjectRef ref = definition.ref();
            if (exists(live, ref)) {
                continue;
            }
            if (ref.kind().equals("Namespace")) {
                pending.add("ns:" + ref.name());
            } else if (ref.kind().equals("CustomResourceDefinition")) {
                JsonNode spec = definition.tree().path("spec");
                pending.add("kind:" + spec.path("group").asText() + "/" + spec.path("names").path("kind").asText());
            }
        }
        return pending;
    }

    private static boolean exists(LiveObjects live, ObjectRef ref) {
        try {
            return live.get(ref) != null;
        } catch (KubernetesClientException e) {
            return true; // unreadable: validation reports it
        }
    }

    private static boolean needsPendingDefinition(ObjectRef ref, Set<String> pending) {
        return pending.contains("kind:" + ref.group() + "/" + ref.kind())
                || (!ref.namespace().isEmpty() && pending.contains("ns:" + ref.namespace()));
    }

    /**
     * Plans every object: unchanged ones by their digest, the others by a dry run. All refusals are collected
     * and thrown together, before anything is written. Dry runs write nothing, so they all go out together.
     */
    private Map<ObjectRef, Plan> plan(List<DesiredObject> objects, LiveObjects live, ApiCalls api, ApplyOptions options, ChangeSet soFar) {
        Map<ObjectRef, Plan> plans = new HashMap<>();
        List<ApplyException.Failure> failures = new ArrayList<>();
        List<DryRun> toDryRun = new ArrayList<>();
        for (DesiredObject object : objects) {
            ObjectNode current;
            try {
                current = live.get(object.ref());
            } catch (KubernetesClientException e) {
                failures.add(new ApplyException.Failure(object.ref(), ServerErrors.message(e)));
                continue;
            }
            if (current != null && AppliedDigest.provesUnchanged(object.tree(), current)) {
                plans.put(object.ref(), new Plan(object, ChangeAction.UNCHANGED, false));
            } else {
                toDryRun.add(new DryRun(object, current));
            }
        }
        // The server's answer is only read for objects that exist: for a new object only its verdict counts.
        List<Object> outcomes = InFlight.map(toDryRun, run -> api.dryRun(run.object().ref(), run.object().body(), run.current() != null),
                (run, answer, failure) -> failure != null ? failure : answer != null ? answer : ACCEPTED);
        for (int i = 0; i < toDryRun.size(); i++) {
            DesiredObject object = toDryRun.get(i).object();
            ObjectNode current = toDryRun.get(i).current();
            if (outcomes.get(i) == ACCEPTED) {
                plans.put(object.ref(), new Plan(object, ChangeAction.CREATED, false));
            } else if (outcomes.get(i) instanceof ObjectNode dryRun) {
                ChangeAction action = Differ.unchanged(current, dryRun) ? ChangeAction.UNCHANGED : ChangeAction.CONFIGURED;
                plans.put(object.ref(), new Plan(object, action, false));
            } else if (outcomes.get(i) instanceof KubernetesClientException e && options.force() && current != null && ServerErrors.immutableField(e)) {
                plans.put(object.ref(), new Plan(object, ChangeAction.CREATED, true));
            } else {
                failures.add(new ApplyException.Failure(object.ref(), ServerErrors.message((Throwable) outcomes.get(i))));
            }
        }
        if (!failures.isEmpty()) {
            throw new ApplyException(ApplyException.Phase.VALIDATION, failures, soFar);
        }
        return plans;
    }

    /**
     * Applies a stage in its order. Objects of one kind are independent of each other, so each run of
     * objects of the same kind is written together; the next kind starts when the previous one is done.
     */
    private void write(List<DesiredObject> objects, Map<ObjectRef, Plan> plans, ApiCalls api, List<ChangeSetEntry> done) {
        int start = 0;
        while (start < objects.size()) {
            ObjectRef first = objects.get(start).ref();
            int end = start;
            while (end < objects.size() && sameKind(first, objects.get(end).ref())) {
                end++;
            }
            List<Plan> run = objects.subList(start, end).stream().map(object -> plans.get(object.ref())).toList();
            List<Throwable> outcomes = InFlight.map(run, plan -> write(plan, api), (plan, written, failure) -> failure);
            List<ApplyException.Failure> failures = new ArrayList<>();
            for (int i = 0; i < run.size(); i++) {
                if (outcomes.get(i) == null) {
                    done.add(ChangeSet.entry(run.get(i).desired().ref(), run.get(i).action()));
                } else {
                    failures.add(new ApplyException.Failure(run.get(i).desired().ref(), ServerErrors.message(outcomes.get(i))));
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

    /** Writes one planned object; unchanged objects are not written. */
    private CompletableFuture<?> write(Plan plan, ApiCalls api) {
        if (plan.recreate()) {
            // rare (spec.force on an immutable field): done with the client's DSL, off the HTTP client's threads
            return CompletableFuture.runAsync(() -> deleter.recreate(plan.desired()));
        }
        if (plan.action() == ChangeAction.UNCHANGED) {
            return CompletableFuture.completedFuture(null);
        }
        return api.apply(plan.desired().ref(), plan.desired().body());
    }

    /**
     * The definitions to wait for: those written now, and unchanged ones whose live state (read before the apply) is
     * not ready yet. An unchanged, ready Namespace or CRD costs no further request.
     */
    private List<ObjectRef> toWaitFor(List<DesiredObject> definitions, Map<ObjectRef, Plan> plans, LiveObjects live) {
        List<ObjectRef> waiting = new ArrayList<>();
        for (DesiredObject definition : definitions) {
            boolean written = plans.get(definition.ref()).action() != ChangeAction.UNCHANGED;
            if (written || !definitionWait.ready(Manifests.object(live.get(definition.ref())))) {
                waiting.add(definition.ref());
            }
        }
        return waiting;
    }
}
