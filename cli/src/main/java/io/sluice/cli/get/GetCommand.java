package io.sluice.cli.get;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.sluice.cli.CliFailure;
import io.sluice.cli.Examples;
import io.sluice.cli.cluster.Cluster;
import io.sluice.cli.cluster.ClusterOptions;
import io.sluice.cli.flux.FluxKind;
import io.sluice.cli.flux.FluxObject;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code sluice get [KIND]}: the status of Flux objects, as {@code flux get} prints it. */
@Command(name = "get",
        sortOptions = false,
        mixinStandardHelpOptions = true,
        description = "Show the status of Flux objects: NAME, REVISION, SUSPENDED, READY, MESSAGE, as 'flux get' does.%n"
                + "KIND is one of: " + KindSelection.VALID + " (default: all).%n",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:Listed (also when there is nothing to list).",
            "1:The cluster is unreachable, refused the request, or lacks the kind's CRD.",
            "2:Bad command line (an unknown KIND lists the valid ones)."},
        footerHeading = Examples.HEADING,
        footer = {"  sluice get", "  sluice get ks -A", "  sluice get sources git -n flux-system", "  sluice get images"})
public final class GetCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..2", paramLabel = "KIND", description = "What to list (default: all).")
    List<String> kindWords = new ArrayList<>();

    @Option(names = {"-n", "--namespace"}, defaultValue = "flux-system", paramLabel = "NS",
            description = "Namespace to list (default: ${DEFAULT-VALUE}).")
    String namespace;

    @Option(names = {"-A", "--all-namespaces"}, description = "List every namespace; adds a NAMESPACE column.")
    boolean allNamespaces;

    @Mixin
    ClusterOptions clusterOptions;

    @Override
    public Integer call() {
        KindSelection selection = KindSelection.parse(kindWords).orElseThrow(() -> new ParameterException(spec.commandLine(),
                "Unknown kind '" + String.join(" ", kindWords) + "'. Valid kinds: " + KindSelection.VALID + "."));
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (Cluster cluster = clusterOptions.connect()) {
            List<Table> tables = new ArrayList<>();
            List<String> missingCrds = new ArrayList<>();
            for (FluxKind kind : selection.kinds()) {
                List<FluxObject> objects;
                try {
                    objects = list(cluster, kind);
                } catch (KubernetesClientException e) {
                    if (e.getCode() == 404) {
                        missingCrds.add(kind.crdName());
                        continue;
                    }
                    throw cluster.failure("list " + kind.kind() + " objects " + where(), e);
                }
                if (!objects.isEmpty()) {
                    tables.add(StatusRows.table(kind, objects, allNamespaces, selection.all()));
                }
            }
            if (missingCrds.size() == selection.kinds().size()) {
                throw new CliFailure("The cluster at " + cluster.url() + " (from " + cluster.source() + ") has no CRD "
                        + String.join(", ", missingCrds) + ": Flux's (or Sluice's) CRDs are not installed there."
                        + " Install them with 'kubectl apply -f deploy/crds/', or point at another cluster with --kubeconfig.");
            }
            for (int i = 0; i < tables.size(); i++) {
                if (i > 0) {
                    out.println();
                }
                tables.get(i).print(out);
            }
            if (tables.isEmpty()) {
                String what = selection.all() ? "Flux" : selection.kinds().get(0).kind();
                err.println("no " + what + " objects found " + where());
            }
            if (!missingCrds.isEmpty()) {
                err.println("not installed in this cluster, skipped: " + String.join(", ", missingCrds));
            }
            out.flush();
            err.flush();
            return 0;
        } catch (CliFailure e) {
            err.println("sluice get failed: " + e.getMessage());
            err.flush();
            return CliFailure.EXIT_CODE;
        }
    }

    private List<FluxObject> list(Cluster cluster, FluxKind kind) {
        var resources = cluster.client().genericKubernetesResources(kind.context());
        List<GenericKubernetesResource> items = allNamespaces
                ? resources.inAnyNamespace().list().getItems()
                : resources.inNamespace(namespace).list().getItems();
        return items.stream()
                .map(item -> new FluxObject(kind, item))
                .sorted(Comparator.comparing(FluxObject::namespace).thenComparing(FluxObject::name))
                .toList();
    }

    private String where() {
        return allNamespaces ? "in any namespace" : "in " + namespace + " namespace";
    }
}
