package io.sluice.cli.install;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.sluice.cli.CliFailure;
import io.sluice.cli.Examples;
import io.sluice.cli.cluster.Cluster;
import io.sluice.cli.cluster.ClusterOptions;
import io.sluice.cli.cluster.CrdInstaller;
import io.sluice.cli.up.SluiceHome;
import io.sluice.cli.up.UpFailedException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code sluice install}: puts Sluice on a cluster, as {@code flux install} does. First the CRDs
 * ({@link CrdInstaller}, waited for until served), then {@link SluiceManifests} (namespace, Kafka ConfigMap, the
 * services' RBAC, Deployments and Services), each server-side applied with field manager
 * {@value CrdInstaller#FIELD_MANAGER} and conflicts forced, so running it again changes nothing and brings an older
 * install to this version. Kafka itself is not installed: {@code --kafka-bootstrap} names the broker.
 */
@Command(name = "install", sortOptions = false, mixinStandardHelpOptions = true,
        description = "Install Sluice on a cluster: CRDs, namespace, the services' RBAC and Deployments (server-side apply),"
                + " as 'flux install' does.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:Installed (or printed, with --export).",
            "1:The cluster is unreachable or refused an object (RBAC), or the checkout has no deploy/ (the message says which).",
            "2:Bad command line (--kafka-bootstrap not HOST:PORT)."},
        footerHeading = Examples.HEADING,
        footer = {"  sluice install --kubeconfig ~/.kube/config --context prod --kafka-bootstrap kafka.kafka.svc:9092",
            "  sluice install --export > sluice.yaml"})
public final class InstallCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--kafka-bootstrap", paramLabel = "HOST:PORT",
            description = "The Kafka the services use, written to ConfigMap sluice-system/sluice-kafka"
                    + " (default: deploy/kafka-config.yaml's kafka.sluice-system.svc:9092).")
    String kafkaBootstrap;

    @Option(names = "--export", description = "Print the manifests (YAML, without the CRDs: see deploy/crds) instead of applying them.")
    boolean export;

    @Option(names = "--home", paramLabel = "DIR",
            description = "The Sluice checkout holding deploy/ (default: $SLUICE_HOME, or where this jar was built).")
    Path home;

    @Mixin
    ClusterOptions clusterOptions;

    @Override
    public Integer call() {
        if (kafkaBootstrap != null && !kafkaBootstrap.matches("[^\\s:,]+:\\d{1,5}(,[^\\s:,]+:\\d{1,5})*")) {
            throw new ParameterException(spec.commandLine(), "--kafka-bootstrap takes HOST:PORT[,HOST:PORT...], got '" + kafkaBootstrap + "'.");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            SluiceManifests manifests = SluiceManifests.build(checkout().resolve("deploy"), Optional.ofNullable(kafkaBootstrap));
            if (export) {
                out.print(manifests.yaml());
                out.flush();
                return 0;
            }
            try (Cluster cluster = clusterOptions.connect()) {
                install(cluster, manifests.objects(), out);
            }
            return 0;
        } catch (CliFailure e) {
            out.flush();
            err.println("✗ " + e.getMessage());
            err.flush();
            return CliFailure.EXIT_CODE;
        }
    }

    private Path checkout() {
        try {
            return SluiceHome.locate(Optional.ofNullable(home), Optional.ofNullable(System.getenv(SluiceHome.ENV)),
                    SluiceHome.runningJar()).root();
        } catch (UpFailedException e) {
            throw new CliFailure(e.getMessage(), e);
        }
    }

    private static void install(Cluster cluster, List<HasMetadata> objects, PrintWriter out) {
        out.println("► installing Sluice on " + cluster.url() + " (from " + cluster.source() + ")");
        out.flush();
        List<String> crds;
        try {
            crds = new CrdInstaller(cluster.client()).install(CrdInstaller.ESTABLISHED_WITHIN);
        } catch (KubernetesClientException e) {
            throw cluster.failure("install the CRDs", e);
        } catch (IllegalStateException e) {
            throw new CliFailure(e.getMessage(), e);
        }
        out.println("✔ " + crds.size() + " CRDs applied and served");
        for (HasMetadata object : objects) {
            try {
                cluster.client().resource(object).fieldManager(CrdInstaller.FIELD_MANAGER).forceConflicts().serverSideApply();
            } catch (KubernetesClientException e) {
                throw cluster.failure("apply " + SluiceManifests.describe(object), e);
            }
            out.println("✔ " + SluiceManifests.describe(object) + " applied");
            out.flush();
        }
        out.println("✔ Sluice installed: " + objects.size() + " objects in namespace " + SluiceManifests.NAMESPACE
                + " and cluster-wide (RBAC). See the services with: kubectl -n " + SluiceManifests.NAMESPACE + " get deployments");
        out.flush();
    }
}
