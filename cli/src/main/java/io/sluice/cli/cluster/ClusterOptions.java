package io.sluice.cli.cluster;

import io.fabric8.kubernetes.api.model.NamedContext;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.internal.KubeConfigUtils;
import io.sluice.cli.CliFailure;
import io.sluice.cli.up.UpState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.CommandLine.Option;

/**
 * The cluster options shared by {@code get}, {@code reconcile} and {@code build kustomization} (a picocli mixin). Which cluster, in order:
 * <ol>
 *   <li>{@code --kubeconfig FILE [--context NAME]};</li>
 *   <li>the cluster of the {@code sluice up} running with {@code --work-dir} ({@code .sluice}): its sandbox
 *       kubeconfig, or the kubeconfig it was given;</li>
 *   <li>{@code $KUBECONFIG}, else {@code ~/.kube/config}, as kubectl does ({@code --context} applies).</li>
 * </ol>
 */
public final class ClusterOptions {

    /** Short timeouts: a CLI command should say "unreachable" in seconds, not retry for a minute. */
    static final int CONNECT_TIMEOUT_MILLIS = 5_000;
    static final int REQUEST_TIMEOUT_MILLIS = 15_000;

    /**
     * fabric8 warns on the terminal whenever a v1beta3 kind (Alert, Provider) is read; that is Flux's current
     * version of those kinds, nothing for the user to fix. Held in a field so the setting is not garbage-collected.
     */
    private static final Logger VERSION_WARNINGS = quiet("io.fabric8.kubernetes.client.dsl.internal.VersionUsageUtils");

    @Option(names = "--kubeconfig", paramLabel = "FILE",
            description = "Kubeconfig of the cluster (default: the one of the running sluice up, else $KUBECONFIG or ~/.kube/config).")
    Path kubeconfig;

    @Option(names = "--context", paramLabel = "NAME", description = "Kubeconfig context to use (default: its current-context).")
    String context;

    @Option(names = "--work-dir", defaultValue = ".sluice", paramLabel = "DIR",
            description = "Work dir of the running sluice up whose cluster (and broker) are the defaults (default: ${DEFAULT-VALUE}).")
    Path workDir;

    private static Logger quiet(String name) {
        Logger logger = Logger.getLogger(name);
        logger.setLevel(Level.SEVERE);
        return logger;
    }

    /** The work dir of the {@code up} whose broker and cluster are the defaults. */
    public Path workDir() {
        return workDir;
    }

    /** Opens a client; nothing is sent to the API yet. */
    public Cluster connect() {
        if (kubeconfig != null) {
            return fromFile(kubeconfig, Optional.ofNullable(context), "--kubeconfig " + kubeconfig, false);
        }
        Optional<UpState> up = UpState.running(workDir);
        if (up.isPresent()) {
            UpState state = up.get();
            Optional<String> chosen = Optional.ofNullable(context).or(state::context);
            return fromFile(state.kubeconfig(), chosen, "the kubeconfig of the running 'sluice up' (" + state.kubeconfig() + ")", true);
        }
        String kubeconfigEnv = System.getenv("KUBECONFIG");
        boolean fromEnv = kubeconfigEnv != null && !kubeconfigEnv.isBlank();
        boolean inCluster = System.getenv("KUBERNETES_SERVICE_HOST") != null;
        if (!fromEnv && !inCluster && !Files.isRegularFile(Path.of(System.getProperty("user.home"), ".kube", "config"))) {
            // Otherwise fabric8 falls back to https://kubernetes.default.svc, and the error would name a server the user never chose.
            throw new CliFailure("No cluster to talk to: no 'sluice up' is running with work dir " + workDir
                    + ", and there is no $KUBECONFIG or ~/.kube/config. Start 'sluice up' (in this directory), or pass --kubeconfig FILE.");
        }
        String source = fromEnv ? "$KUBECONFIG (" + kubeconfigEnv + ")" : inCluster ? "the in-cluster service account" : "~/.kube/config";
        Config config;
        try {
            config = Config.autoConfigure(context);
        } catch (RuntimeException e) {
            throw new CliFailure("Could not read " + source + ": " + e.getMessage(), e);
        }
        if (context != null && !context.equals(config.getCurrentContext() == null ? null : config.getCurrentContext().getName())) {
            throw new CliFailure("--context " + context + " is not in " + source + ".");
        }
        return open(config, source, false);
    }

    private static Cluster fromFile(Path file, Optional<String> context, String source, boolean fromUp) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new CliFailure("Cannot read " + source + ": " + e.getMessage()
                    + (fromUp ? "" : ". Pass an existing kubeconfig file."), e);
        }
        io.fabric8.kubernetes.api.model.Config parsed;
        try {
            parsed = KubeConfigUtils.parseConfigFromString(text);
        } catch (RuntimeException e) {
            throw new CliFailure(source + " is not a valid kubeconfig: " + e.getMessage(), e);
        }
        if (context.isPresent()) {
            List<String> known = parsed.getContexts() == null ? List.of() : parsed.getContexts().stream().map(NamedContext::getName).toList();
            if (!known.contains(context.get())) {
                throw new CliFailure("--context " + context.get() + " is not in " + source + "; it has " + known + ".");
            }
        } else if (parsed.getCurrentContext() == null || parsed.getCurrentContext().isBlank()) {
            throw new CliFailure(source + " sets no current-context; name one with --context NAME.");
        }
        return open(Config.fromKubeconfig(context.orElse(null), text, file.toAbsolutePath().toString()), source, fromUp);
    }

    private static Cluster open(Config config, String source, boolean fromUp) {
        config.setConnectionTimeout(CONNECT_TIMEOUT_MILLIS);
        config.setRequestTimeout(REQUEST_TIMEOUT_MILLIS);
        config.setRequestRetryBackoffLimit(0);
        return new Cluster(new KubernetesClientBuilder().withConfig(config).build(), source, fromUp);
    }
}
