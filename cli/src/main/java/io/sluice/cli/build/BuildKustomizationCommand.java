package io.sluice.cli.build;

import io.fabric8.kubernetes.client.KubernetesClientException;
import io.sluice.api.kustomize.Kustomization;
import io.sluice.api.kustomize.PostBuild;
import io.sluice.cli.CliFailure;
import io.sluice.cli.Examples;
import io.sluice.cli.cluster.Cluster;
import io.sluice.cli.cluster.ClusterOptions;
import io.sluice.kustomize.yaml.Values;
import io.sluice.kustomize.yaml.YamlWriter;
import io.sluice.render.build.KustomizationRenderer;
import io.sluice.render.build.RenderException;
import io.sluice.render.build.RenderedObject;
import io.sluice.render.build.RenderedSet;
import io.sluice.render.substitute.ClusterVariableSource;
import io.sluice.render.substitute.VariableSource;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code sluice build kustomization NAME --path DIR}: what Sluice would apply for the Flux Kustomization NAME if
 * DIR were its {@code spec.path}, like {@code flux build kustomization}. The steps:
 *
 * <ol>
 *   <li>the Kustomization: from {@code --kustomization-file}, else from the cluster;</li>
 *   <li>render DIR with render-service's own code ({@link KustomizationRenderer}): the folder's kustomization (or
 *       one made from its manifests) with the Kustomization's patches, images, namePrefix/nameSuffix,
 *       targetNamespace and components, then postBuild substitution (ConfigMaps and Secrets of
 *       {@code substituteFrom} read from the cluster, skipped with {@code --dry-run}) and commonMetadata;</li>
 *   <li>the owner labels apply-service writes ({@code kustomize.toolkit.fluxcd.io/name} and {@code /namespace});</li>
 *   <li>print the objects as {@code kustomize build} prints them.</li>
 * </ol>
 *
 * The cluster is contacted only when something is to be read from it. Nothing is written anywhere.
 */
@Command(name = "kustomization", aliases = "ks", mixinStandardHelpOptions = true,
        description = "Build DIR as the Flux Kustomization NAME would be built and applied by Sluice (like 'flux build kustomization').",
        footerHeading = Examples.HEADING,
        footer = {"  sluice build kustomization quickstart --path ./deploy",
                "  sluice build ks apps -n flux-system --path ./apps --kustomization-file ./clusters/dev/apps.yaml --dry-run"},
        exitCodeOnExecutionException = 1)
public final class BuildKustomizationCommand implements Callable<Integer> {
    /** The labels apply-service puts on every object it applies (Flux's owner labels). */
    static final String NAME_LABEL = "kustomize.toolkit.fluxcd.io/name";
    static final String NAMESPACE_LABEL = "kustomize.toolkit.fluxcd.io/namespace";

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME", description = "The Kustomization's name.")
    String name;

    @Option(names = "--path", required = true, paramLabel = "DIR",
            description = "Local folder that matches the Kustomization's spec.path.")
    Path path;

    @Option(names = "--kustomization-file", paramLabel = "FILE",
            description = "Read the Kustomization from this YAML file instead of the cluster.")
    Path kustomizationFile;

    @Option(names = {"-n", "--namespace"}, defaultValue = "flux-system", paramLabel = "NS",
            description = "The Kustomization's namespace (default: ${DEFAULT-VALUE}).")
    String namespace;

    @Option(names = "--dry-run",
            description = "Do not contact the cluster: needs --kustomization-file; postBuild.substituteFrom is skipped.")
    boolean dryRun;

    @Option(names = "--strict-substitute", arity = "1", defaultValue = "true", paramLabel = "BOOL",
            description = "Fail on a variable without value or default, as render-service does (default: ${DEFAULT-VALUE}).")
    boolean strictSubstitute;

    @Mixin
    ClusterOptions clusterOptions;

    private Cluster cluster;

    @Override
    public Integer call() {
        if (dryRun && kustomizationFile == null) {
            throw new ParameterException(spec.commandLine(), "--dry-run needs --kustomization-file FILE: without the cluster the Kustomization must come from a file.");
        }
        PrintWriter err = spec.commandLine().getErr();
        try {
            if (!Files.isDirectory(path)) {
                throw new CliFailure(path + " is not a folder; give the local folder that matches the Kustomization's spec.path with --path");
            }
            Kustomization ks = kustomizationFile != null ? FluxKustomizationFile.read(kustomizationFile, name, namespace) : fromCluster();
            VariableSource variables = VariableSource.none();
            if (dryRun) {
                skipSubstituteFrom(ks);
            } else if (needsVariables(ks)) {
                variables = new ClusterVariableSource(cluster().client());
            }
            RenderedSet set = new KustomizationRenderer(strictSubstitute).renderFolder(root(path), path, ks, variables);
            print(set, ks, spec.commandLine().getOut());
            return 0;
        } catch (RenderException e) {
            err.println("Error: " + e.conditionReason() + ": " + e.getMessage());
            err.flush();
            return CliFailure.EXIT_CODE;
        } catch (CliFailure e) {
            err.println("Error: " + e.getMessage());
            err.flush();
            return CliFailure.EXIT_CODE;
        } finally {
            if (cluster != null) {
                cluster.close();
            }
        }
    }

    private Cluster cluster() {
        if (cluster == null) {
            cluster = clusterOptions.connect();
        }
        return cluster;
    }

    private Kustomization fromCluster() {
        Kustomization ks;
        try {
            ks = cluster().client().resources(Kustomization.class).inNamespace(namespace).withName(name).get();
        } catch (KubernetesClientException e) {
            throw cluster().failure("read Kustomization " + namespace + "/" + name, e);
        }
        if (ks == null) {
            throw new CliFailure("There is no Kustomization " + namespace + "/" + name + " in the cluster at " + cluster().url()
                    + " (from " + cluster().source() + "); give its namespace with -n, or read it from a file with --kustomization-file FILE.");
        }
        return ks;
    }

    private static boolean needsVariables(Kustomization ks) {
        PostBuild postBuild = ks.getSpec() == null ? null : ks.getSpec().getPostBuild();
        return postBuild != null && postBuild.getSubstituteFrom() != null && !postBuild.getSubstituteFrom().isEmpty();
    }

    /** As {@code flux build --dry-run}: variables come from {@code postBuild.substitute} only. */
    private static void skipSubstituteFrom(Kustomization ks) {
        if (ks.getSpec() != null && ks.getSpec().getPostBuild() != null) {
            ks.getSpec().getPostBuild().setSubstituteFrom(null);
        }
    }

    /**
     * What the build may read, as {@code flux build} allows: the current folder when DIR is inside it (components may
     * then point next to DIR), else DIR itself.
     */
    static Path root(Path dir) {
        Path cwd = Path.of("").toAbsolutePath().normalize();
        Path abs = dir.toAbsolutePath().normalize();
        return abs.startsWith(cwd) ? cwd : abs;
    }

    private static void print(RenderedSet set, Kustomization ks, PrintWriter out) {
        String ksName = ks.getMetadata().getName();
        String ksNamespace = ks.getMetadata().getNamespace();
        for (int i = 0; i < set.objects().size(); i++) {
            RenderedObject o = set.objects().get(i);
            Map<String, Object> labels = Values.ensureMap(o.object(), "metadata", "labels");
            labels.put(NAME_LABEL, ksName);
            labels.put(NAMESPACE_LABEL, ksNamespace);
            if (i > 0) {
                out.print("---\n");
            }
            out.print(YamlWriter.write(o.object()));
        }
        out.flush();
    }
}
