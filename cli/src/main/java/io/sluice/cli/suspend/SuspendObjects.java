package io.sluice.cli.suspend;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.sluice.cli.CliFailure;
import io.sluice.cli.cluster.Cluster;
import io.sluice.cli.cluster.ClusterOptions;
import io.sluice.cli.flux.FluxCommandName;
import io.sluice.cli.flux.FluxKind;
import io.sluice.cli.flux.FluxObject;
import io.sluice.cli.flux.FluxObjects;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Suspends or resumes the named objects of one kind (or all of them in the namespace with {@code --all}): a JSON merge
 * patch of {@code spec.suspend}. The services skip a suspended object; resuming changes its spec, so its generation
 * rises and the owning service reconciles it; {@code resume} waits for that ({@link ResumeWait}) unless
 * {@code --wait=false} ({@link Resume}).
 */
@Command(sortOptions = false, mixinStandardHelpOptions = true,
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:Done.",
            "1:Not found, cluster unreachable or refusing.",
            "2:Bad command line (no NAME and no --all)."})
class SuspendObjects implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "NAME", description = "The objects' names.")
    List<String> names = new ArrayList<>();

    @Option(names = "--all", description = "Every object of this kind in the namespace.")
    boolean all;

    @Option(names = {"-n", "--namespace"}, defaultValue = "flux-system", paramLabel = "NS",
            description = "Namespace of the objects (default: ${DEFAULT-VALUE}).")
    String namespace;

    @Mixin
    ClusterOptions clusterOptions;

    private final FluxKind kind;
    private final boolean suspend;

    SuspendObjects(FluxKind kind, boolean suspend) {
        this.kind = kind;
        this.suspend = suspend;
    }

    @Override
    public Integer call() throws InterruptedException {
        if (names.isEmpty() && !all) {
            throw new ParameterException(spec.commandLine(), "Name the objects, or pass --all for every "
                    + kind.kind() + " in the namespace.");
        }
        if (!names.isEmpty() && all) {
            throw new ParameterException(spec.commandLine(), "Give names or --all, not both.");
        }
        checkOptions();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String word = FluxCommandName.of(kind).what();
        try (Cluster cluster = clusterOptions.connect()) {
            FluxObjects objects = new FluxObjects(cluster);
            List<FluxObject> targets = all ? objects.list(kind, namespace)
                    : names.stream().map(name -> objects.require(kind, namespace, name)).toList();
            if (targets.isEmpty()) {
                out.println("✗ no " + kind.kind() + " objects found in " + namespace + " namespace");
                out.flush();
                return 0;
            }
            for (FluxObject target : targets) {
                String verb = suspend ? "suspending" : "resuming";
                out.println("► " + verb + " " + word + " " + target.name() + " in " + target.namespace() + " namespace");
                GenericKubernetesResource patched = patch(cluster, target);
                out.println("✔ " + word + " " + (suspend ? "suspended" : "resumed"));
                out.flush();
                afterPatch(objects, new FluxObject(kind, patched), out);
            }
            return 0;
        } catch (CliFailure e) {
            out.flush();
            err.println("✗ " + e.getMessage());
            err.flush();
            return CliFailure.EXIT_CODE;
        }
    }

    /** Checks of options only some commands have. */
    void checkOptions() {
    }

    /** What to do once an object is patched: nothing for {@code suspend}. */
    void afterPatch(FluxObjects objects, FluxObject patched, PrintWriter out) throws InterruptedException {
    }

    /** The JSON merge patch applied to each object. */
    String patchBody() {
        return "{\"spec\":{\"suspend\":true}}";
    }

    private GenericKubernetesResource patch(Cluster cluster, FluxObject target) {
        String patch = patchBody();
        try {
            return cluster.client().genericKubernetesResources(kind.context()).inNamespace(target.namespace())
                    .withName(target.name()).patch(PatchContext.of(PatchType.JSON_MERGE), patch);
        } catch (KubernetesClientException e) {
            throw cluster.failure((suspend ? "suspend " : "resume ") + target.describe(), e);
        }
    }

}
