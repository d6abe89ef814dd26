package io.sluice.cli.up;

import io.fabric8.kubernetes.api.model.Config;
import io.fabric8.kubernetes.api.model.NamedContext;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.internal.KubeConfigUtils;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A real cluster from {@code --kubeconfig FILE [--context NAME]}.
 *
 * <p>The services get the same file through {@code KUBECONFIG}. With {@code --context}, the variable lists a
 * one-line file that sets {@code current-context} first and the user's file second: kubeconfig loaders take the
 * current context from the first file that names one, and relative certificate paths keep resolving against the
 * user's file because it is not copied.
 */
public final class KubeconfigTarget implements TargetCluster {

    static final String CONTEXT_FILE = "kubeconfig-context";

    private final KubernetesClient client;
    private final String kubeconfigEnv;

    private KubeconfigTarget(KubernetesClient client, String kubeconfigEnv) {
        this.client = client;
        this.kubeconfigEnv = kubeconfigEnv;
    }

    public static KubeconfigTarget open(Path file, Optional<String> context, Path workDir) {
        Path absolute = file.toAbsolutePath().normalize();
        if (!Files.isRegularFile(absolute)) {
            throw new UpFailedException("--kubeconfig " + file + ": no such file.");
        }
        String text;
        Config config;
        try {
            text = Files.readString(absolute);
            config = KubeConfigUtils.parseConfigFromString(text);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the kubeconfig " + absolute, e);
        } catch (RuntimeException e) {
            throw new UpFailedException("--kubeconfig " + absolute + " is not a valid kubeconfig: " + e.getMessage(), e);
        }
        String kubeconfigEnv = absolute.toString();
        if (context.isPresent()) {
            List<String> known = config.getContexts().stream().map(NamedContext::getName).toList();
            if (!known.contains(context.get())) {
                throw new UpFailedException("--context " + context.get() + " is not in " + absolute + "; it has " + known + ".");
            }
            Path contextFile = workDir.resolve(CONTEXT_FILE);
            write(contextFile, "apiVersion: v1\nkind: Config\ncurrent-context: " + context.get() + "\n");
            kubeconfigEnv = contextFile + File.pathSeparator + absolute;
        } else if (config.getCurrentContext() == null || config.getCurrentContext().isBlank()) {
            throw new UpFailedException(absolute + " sets no current-context; name one with --context NAME.");
        }
        io.fabric8.kubernetes.client.Config clientConfig =
                io.fabric8.kubernetes.client.Config.fromKubeconfig(context.orElse(null), text, absolute.toString());
        return new KubeconfigTarget(new KubernetesClientBuilder().withConfig(clientConfig).build(), kubeconfigEnv);
    }

    private static void write(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + file, e);
        }
    }

    @Override
    public KubernetesClient client() {
        return client;
    }

    @Override
    public String kubeconfigEnv() {
        return kubeconfigEnv;
    }

    @Override
    public String apiServerUrl() {
        return client.getMasterUrl().toString();
    }

    @Override
    public String mode() {
        return "cluster";
    }

    @Override
    public void close() {
        client.close();
    }
}
