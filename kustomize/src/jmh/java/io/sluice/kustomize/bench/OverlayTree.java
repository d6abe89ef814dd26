package io.sluice.kustomize.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the benchmark input: a base of 200 resources (50 apps x Deployment, Service,
 * ServiceAccount, ConfigMap) and a chain of 3 overlays (team -> env -> cluster), each with a
 * name prefix, a strategic merge patch, a JSON patch and a ConfigMap generator.
 */
public final class OverlayTree {
    public static final int APPS = 50;

    private OverlayTree() {
    }

    /** Writes the tree under {@code root}; returns the directory to build (the last overlay). */
    public static Path write(Path root) throws IOException {
        Path base = Files.createDirectories(root.resolve("base"));
        StringBuilder kust = new StringBuilder("resources:\n");
        for (int i = 0; i < APPS; i++) {
            String app = "app" + i;
            Files.writeString(base.resolve(app + ".yaml"), resources(app));
            kust.append("- ").append(app).append(".yaml\n");
        }
        Files.writeString(base.resolve("kustomization.yaml"), kust.toString());
        String previous = "../base";
        Path last = base;
        String[] layers = {"team", "env", "cluster"};
        for (int l = 0; l < layers.length; l++) {
            String name = layers[l];
            Path dir = Files.createDirectories(root.resolve("overlays").resolve(name));
            String rel = l == 0 ? "../../base" : "../" + layers[l - 1];
            Files.writeString(dir.resolve("kustomization.yaml"), """
                    namePrefix: %s-
                    commonLabels:
                      layer: %s
                    resources:
                    - %s
                    configMapGenerator:
                    - name: %s-settings
                      literals:
                      - LAYER=%s
                      - LEVEL=%d
                    patches:
                    - path: replicas.yaml
                      target:
                        kind: Deployment
                    - target:
                        kind: Service
                      patch: |-
                        - op: add
                          path: /metadata/annotations/layer
                          value: %s
                    images:
                    - name: nginx
                      newTag: "1.%d"
                    """.formatted(name, name, rel, name, name, l, name, 25 + l));
            Files.writeString(dir.resolve("replicas.yaml"), """
                    apiVersion: apps/v1
                    kind: Deployment
                    metadata:
                      name: any
                    spec:
                      replicas: %d
                      template:
                        spec:
                          containers:
                          - name: main
                            env:
                            - name: LAYER
                              value: %s
                    """.formatted(l + 2, name));
            previous = rel;
            last = dir;
        }
        return last;
    }

    private static String resources(String app) {
        return """
                apiVersion: v1
                kind: ServiceAccount
                metadata:
                  name: %1$s
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: %1$s-config
                data:
                  greeting: hello from %1$s
                  settings.json: |
                    {"name": "%1$s", "replicas": 1, "features": ["a", "b", "c"]}
                ---
                apiVersion: v1
                kind: Service
                metadata:
                  name: %1$s
                spec:
                  selector:
                    app: %1$s
                  ports:
                  - name: http
                    port: 80
                    targetPort: 8080
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: %1$s
                  labels:
                    app: %1$s
                spec:
                  replicas: 1
                  selector:
                    matchLabels:
                      app: %1$s
                  template:
                    metadata:
                      labels:
                        app: %1$s
                    spec:
                      serviceAccountName: %1$s
                      containers:
                      - name: main
                        image: nginx:1.25
                        ports:
                        - containerPort: 8080
                        envFrom:
                        - configMapRef:
                            name: %1$s-config
                        resources:
                          limits:
                            cpu: 500m
                            memory: 128Mi
                """.formatted(app);
    }
}
