package io.sluice.cli.up;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What {@code sluice up} prints once everything is ready: where each part is, then a walk through the loop: look,
 * clone, change, commit, push, (call the webhook,) see the result.
 *
 * <p>Every command keeps the user in the directory {@code up} runs in (the clone is edited with {@code git -C}), so
 * the relative paths printed ({@code .sluice/kubeconfig}, {@code ./sluice}) stay true.
 *
 * @param kubeconfig the kubeconfig for kubectl: the sandbox's file, or the value of {@code KUBECONFIG} the
 *                   services got with {@code --kubeconfig}
 * @param sandbox    true against the in-memory sandbox API
 */
record ReadyReport(String kafkaBootstrap, String apiServerUrl, boolean sandbox, String kubeconfig,
        QuickstartSeeder.Seeded quickstart, List<Endpoint> services, WorkDir workDir) {

    /**
     * Clones into a new temporary folder: never inside the checkout (where {@code git status} would show it), and never
     * into a folder a former walk left behind (the walk works again and again; the repository keeps its history
     * between runs of {@code up}, so a new clone has every earlier push).
     */
    static final String CLONE = "q=$(mktemp -d)/quickstart && git clone ";

    /** The service that serves Receivers' webhooks. */
    private static final String GATEWAY = SluiceService.ALL.get(0).name();

    /** A running service and its HTTP port. */
    record Endpoint(String name, int port) {
    }

    void print(PrintStream out) {
        out.println();
        out.println("Sluice is running" + (sandbox ? " against the SANDBOX Kubernetes API." : " against your cluster."));
        out.println();
        row(out, "Kafka bootstrap", kafkaBootstrap);
        row(out, "Kubernetes API", apiServerUrl + (sandbox ? "  (in-memory sandbox)" : ""));
        row(out, "kubeconfig", kubeconfig);
        row(out, "Git repository", quickstart.repositoryUrl() + "  (branch main)");
        for (Endpoint service : services) {
            row(out, service.name(), "http://127.0.0.1:" + service.port() + "  (health: /q/health)");
        }
        row(out, "Logs", WorkDir.display(workDir.logs()) + "/");
        out.println();
        String kubectl = sandbox ? "kubectl --kubeconfig " + kubeconfig : "KUBECONFIG=" + kubeconfig + " kubectl";
        String sluice = "./sluice";
        String workDirOption = workDir.root().equals(Path.of(".sluice").toAbsolutePath().normalize())
                ? "" : " --work-dir " + WorkDir.display(workDir.root());
        out.println("Try it, in a second terminal in this directory:");
        out.println("  1. See what Sluice deployed:");
        out.println("       " + sluice + " get" + workDirOption);
        out.println("       " + kubectl + " get gitrepositories,kustomizations -A");
        out.println("  2. Clone the quickstart repository (into a new folder outside this checkout), change it, commit and push:");
        out.println("       " + CLONE + quickstart.repositoryUrl() + " \"$q\"");
        out.println("       # edit the message in \"$q/deploy/configmap.yaml\", then:");
        out.println("       git -C \"$q\" commit -am 'Change the greeting' && git -C \"$q\" push");
        out.println("  3. Sluice fetches main within " + quickstart.pollInterval() + " (the GitRepository's interval), renders and applies it.");
        quickstart.webhook().ifPresent(webhook -> gatewayPort().ifPresent(port -> {
            out.println("     To have it fetched at once, call the webhook of Receiver " + webhook.receiver() + " ("
                    + webhook.type() + "):");
            webhook.curl(port).forEach(line -> out.println("       " + line));
            if (webhook.curl(port).isEmpty()) {
                out.println("       " + webhook.url(port));
            }
        }));
        out.println("     or ask for it and wait until it is applied: " + sluice + " reconcile ks quickstart --with-source" + workDirOption);
        out.println("  4. See the result (REVISION is your commit; the ConfigMap has your message):");
        out.println("       " + sluice + " get kustomizations" + workDirOption);
        out.println("       " + kubectl + " get configmap podinfo-config -n quickstart -o yaml");
        quickstart.scannedImage().ifPresent(image -> {
            out.println("  5. Images to running pods: push a newer podinfo tag (semver, >= 6.7.1) to " + image + ", e.g.");
            out.println("       crane copy ghcr.io/stefanprodan/podinfo:6.7.2 " + image + ":6.7.2 --insecure");
            out.println("     image-watcher scans it (ImageRepository flux-system/podinfo, every minute), commits the new tag to");
            out.println("     deploy/deployment.yaml (ImageUpdateAutomation flux-system/quickstart) and the Deployment follows:");
            out.println("       " + sluice + " get images all" + workDirOption);
            out.println("       " + kubectl + " get deployment podinfo -n quickstart -o jsonpath='{..image}'");
        });
        out.println();
    }

    private Optional<Integer> gatewayPort() {
        return services.stream().filter(s -> s.name().equals(GATEWAY)).map(Endpoint::port).findFirst();
    }

    private static void row(PrintStream out, String label, String value) {
        out.printf("  %-17s %s%n", label, value);
    }
}
