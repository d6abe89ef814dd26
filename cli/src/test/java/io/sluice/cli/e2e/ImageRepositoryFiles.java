package io.sluice.cli.e2e;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the image end-to-end test deploys: a Git repository {@code images} whose {@code deploy/} holds a Namespace and
 * a Deployment whose image carries a Flux policy marker, and the Flux objects around it: GitRepository,
 * Kustomization, ImageRepository (plain-HTTP sandbox registry), ImagePolicy ({@code 1.x}), ImageUpdateAutomation
 * (commits to {@code main}) and a Harbor Receiver for the registry webhook.
 */
final class ImageRepositoryFiles {

    static final String REPOSITORY = "images";
    static final String NAMESPACE = "flux-system";
    static final String NAME = "images";
    static final String APP_NAMESPACE = "images-app";
    static final String IMAGE_PATH = "team/app";
    static final String WEBHOOK_TOKEN = "images-webhook-token-0123456789";
    /** The ImageRepository's interval: the loop without a webhook takes at most this long to see a push. */
    static final String SCAN_INTERVAL = "5s";

    private ImageRepositoryFiles() {
    }

    static Map<String, String> initialFiles(String registry) {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("deploy/namespace.yaml", """
                apiVersion: v1
                kind: Namespace
                metadata:
                  name: %s
                """.formatted(APP_NAMESPACE));
        files.put("deploy/app.yaml", deployment(registry, "1.0.0"));
        return files;
    }

    /** The Deployment as committed, with its image at {@code tag}: the automation must change nothing else. */
    static String deployment(String registry, String tag) {
        return """
                # The app; image-watcher keeps its image at the newest 1.x tag.
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: app
                  namespace: %s
                spec:
                  replicas: 1
                  selector:
                    matchLabels: {app: app}
                  template:
                    metadata:
                      labels:
                        app: app
                    spec:
                      containers:
                        - name: app
                          image: "%s/%s:%s" # {"$imagepolicy": "%s:%s"}
                          ports:
                            - containerPort: 8080   # keep this comment
                """.formatted(APP_NAMESPACE, registry, IMAGE_PATH, tag, NAMESPACE, NAME);
    }

    static String gitRepository(String url) {
        return """
                apiVersion: source.toolkit.fluxcd.io/v1
                kind: GitRepository
                metadata:
                  name: %s
                  namespace: %s
                spec:
                  # Long on purpose: a new commit must be fetched because image-watcher asked, not by a poll.
                  interval: 10m
                  ref:
                    branch: main
                  url: %s
                """.formatted(NAME, NAMESPACE, url);
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
                  path: ./deploy
                  prune: true
                  sourceRef:
                    kind: GitRepository
                    name: %s
                """.formatted(NAME, NAMESPACE, NAME);
    }

    static String imageRepository(String registry) {
        return """
                apiVersion: image.toolkit.fluxcd.io/v1
                kind: ImageRepository
                metadata:
                  name: %s
                  namespace: %s
                spec:
                  image: %s/%s
                  interval: %s
                  insecure: true
                """.formatted(NAME, NAMESPACE, registry, IMAGE_PATH, SCAN_INTERVAL);
    }

    static String imagePolicy() {
        return """
                apiVersion: image.toolkit.fluxcd.io/v1
                kind: ImagePolicy
                metadata:
                  name: %s
                  namespace: %s
                spec:
                  imageRepositoryRef:
                    name: %s
                  policy:
                    semver:
                      range: 1.x
                """.formatted(NAME, NAMESPACE, NAME);
    }

    static String imageUpdateAutomation() {
        return """
                apiVersion: image.toolkit.fluxcd.io/v1
                kind: ImageUpdateAutomation
                metadata:
                  name: %s
                  namespace: %s
                spec:
                  interval: 10m
                  sourceRef:
                    kind: GitRepository
                    name: %s
                  git:
                    checkout:
                      ref:
                        branch: main
                    commit:
                      author:
                        name: Sluice image automation
                        email: images@sluice.test
                      messageTemplate: '{{range .Changed.Changes}}{{print .OldValue}} -> {{println .NewValue}}{{end}}'
                    push:
                      branch: main
                  update:
                    strategy: Setters
                    path: ./deploy
                """.formatted(NAME, NAMESPACE, NAME);
    }

    static String receiver(String secret) {
        return """
                apiVersion: notification.toolkit.fluxcd.io/v1
                kind: Receiver
                metadata:
                  name: %s
                  namespace: %s
                spec:
                  type: harbor
                  secretRef:
                    name: %s
                  resources:
                    - apiVersion: image.toolkit.fluxcd.io/v1
                      kind: ImageRepository
                      name: %s
                """.formatted(NAME, NAMESPACE, secret, NAME);
    }

    /** Harbor's PUSH_ARTIFACT webhook for {@code registry/team/app:tag}. */
    static String harborPush(String registry, String tag, String digest) {
        return """
                {"type": "PUSH_ARTIFACT", "occur_at": %d, "operator": "e2e",
                 "event_data": {"resources": [{"digest": "%s", "tag": "%s", "resource_url": "%s/%s:%s"}],
                                "repository": {"name": "app", "namespace": "team", "repo_full_name": "%s", "repo_type": "private"}}}
                """.formatted(System.nanoTime(), digest, tag, registry, IMAGE_PATH, tag, IMAGE_PATH);
    }
}
