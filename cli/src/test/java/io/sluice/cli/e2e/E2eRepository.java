package io.sluice.cli.e2e;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The manifests the end-to-end tests deploy: a plain folder {@code deploy/} (no kustomization.yaml, so Flux's
 * generator takes every YAML file) with a Namespace and ConfigMaps, and the Flux objects that deploy it.
 */
final class E2eRepository {

    static final String REPOSITORY = "e2e";
    static final String FLUX_NAMESPACE = "flux-system";
    static final String NAME = "e2e";
    static final String APP_NAMESPACE = "e2e-app";
    static final String WEBHOOK_TOKEN = "e2e-webhook-token-0123456789";

    private E2eRepository() {
    }

    /** The first commit: a Namespace and two ConfigMaps. */
    static Map<String, String> initialFiles() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("README.md", "Manifests for Sluice's end-to-end test.\n");
        files.put("deploy/namespace.yaml", """
                apiVersion: v1
                kind: Namespace
                metadata:
                  name: %s
                """.formatted(APP_NAMESPACE));
        files.put("deploy/config-keep.yaml", configMap("keep", "note", "stays through every step"));
        files.put("deploy/config-b.yaml", configMap("b", "role", "removed by a later commit"));
        return files;
    }

    static String configMap(String name, String key, String value) {
        return """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: %s
                  namespace: %s
                data:
                  %s: "%s"
                """.formatted(name, APP_NAMESPACE, key, value);
    }

    static String gitRepository(String url) {
        return """
                apiVersion: source.toolkit.fluxcd.io/v1
                kind: GitRepository
                metadata:
                  name: %s
                  namespace: %s
                spec:
                  # Long on purpose: every fetch in the test must come from a webhook, not from a poll.
                  interval: 10m
                  ref:
                    branch: main
                  url: %s
                """.formatted(NAME, FLUX_NAMESPACE, url);
    }

    static String kustomization() {
        return """
                apiVersion: kustomize.toolkit.fluxcd.io/v1
                kind: Kustomization
                metadata:
                  name: %s
                  namespace: %s
                spec:
                  interval: 10m
                  sourceRef:
                    kind: GitRepository
                    name: %s
                  path: ./deploy
                  prune: true
                  timeout: 30s
                """.formatted(NAME, FLUX_NAMESPACE, NAME);
    }

    static String receiver(String secretName) {
        return """
                apiVersion: notification.toolkit.fluxcd.io/v1
                kind: Receiver
                metadata:
                  name: %s
                  namespace: %s
                spec:
                  type: github
                  events: ["push"]
                  resources:
                    - kind: GitRepository
                      name: %s
                  secretRef:
                    name: %s
                """.formatted(NAME, FLUX_NAMESPACE, NAME, secretName);
    }

    static String slackProvider(String address) {
        return """
                apiVersion: notification.toolkit.fluxcd.io/v1beta3
                kind: Provider
                metadata:
                  name: e2e-slack
                  namespace: %s
                spec:
                  type: slack
                  channel: deployments
                  address: %s
                """.formatted(FLUX_NAMESPACE, address);
    }

    static String emailProvider(String smtpAddress, String to, String from) {
        return """
                apiVersion: notification.toolkit.fluxcd.io/v1beta3
                kind: Provider
                metadata:
                  name: e2e-email
                  namespace: %s
                spec:
                  type: email
                  address: %s
                  channel: %s
                  username: %s
                """.formatted(FLUX_NAMESPACE, smtpAddress, to, from);
    }

    static String alert(String name, String provider) {
        return """
                apiVersion: notification.toolkit.fluxcd.io/v1beta3
                kind: Alert
                metadata:
                  name: %s
                  namespace: %s
                spec:
                  providerRef:
                    name: %s
                  eventSeverity: info
                  eventSources:
                    - kind: Kustomization
                      name: %s
                """.formatted(name, FLUX_NAMESPACE, provider, NAME);
    }
}
