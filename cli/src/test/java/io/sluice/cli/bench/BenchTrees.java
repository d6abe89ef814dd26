package io.sluice.cli.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The three kustomization trees {@link StartupBenchmark} builds, written out deterministically (same bytes every
 * time) in the shapes GitOps repositories have:
 *
 * <ul>
 *   <li><b>app</b> (small, 7 objects): one application's base and a production overlay with namespace, name
 *       prefix, image tag, replicas, a strategic merge and a JSON patch, a generator merge;</li>
 *   <li><b>platform</b> (medium, 80 objects): ten services of eight objects each (Deployment, Service,
 *       ServiceAccount, ConfigMap, Role, RoleBinding, NetworkPolicy, PodDisruptionBudget), an overlay adding a
 *       component (a sidecar on every Deployment), labels, an image and patches by target;</li>
 *   <li><b>operator</b> (large, about 2 MB): an operator's install bundle, 24 CustomResourceDefinitions with large
 *       OpenAPI schemas (like Argo CD's or cert-manager's), RBAC, webhooks and the controller, with an overlay.</li>
 * </ul>
 */
final class BenchTrees {
    private BenchTrees() {
    }

    /** Writes the trees under {@code dir} and returns the folders to build, in the order above. */
    static List<Path> write(Path dir) {
        List<Path> out = new ArrayList<>();
        out.add(app(dir.resolve("app")));
        out.add(platform(dir.resolve("platform")));
        out.add(operator(dir.resolve("operator")));
        return out;
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String deployment(String name, String image, boolean probes) {
        return """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: %1$s
                  labels:
                    app.kubernetes.io/name: %1$s
                spec:
                  replicas: 1
                  selector:
                    matchLabels:
                      app.kubernetes.io/name: %1$s
                  template:
                    metadata:
                      labels:
                        app.kubernetes.io/name: %1$s
                    spec:
                      serviceAccountName: %1$s
                      securityContext:
                        runAsNonRoot: true
                        seccompProfile:
                          type: RuntimeDefault
                      containers:
                      - name: %1$s
                        image: %2$s
                        args: ["--port=8080", "--log-level=info"]
                        ports:
                        - name: http
                          containerPort: 8080
                        env:
                        - name: POD_NAMESPACE
                          valueFrom:
                            fieldRef:
                              fieldPath: metadata.namespace
                        envFrom:
                        - configMapRef:
                            name: %1$s-config
                        resources:
                          requests:
                            cpu: 100m
                            memory: 128Mi
                        securityContext:
                          allowPrivilegeEscalation: false
                          readOnlyRootFilesystem: true
                          capabilities:
                            drop: ["ALL"]
                %3$s        volumeMounts:
                        - name: tmp
                          mountPath: /tmp
                      volumes:
                      - name: tmp
                        emptyDir: {}
                """.formatted(name, image, probes ? """
                        readinessProbe:
                          httpGet:
                            path: /healthz
                            port: http
                          initialDelaySeconds: 5
                        livenessProbe:
                          httpGet:
                            path: /healthz
                            port: http
                """ : "");
    }

    private static String service(String name) {
        return """
                apiVersion: v1
                kind: Service
                metadata:
                  name: %1$s
                spec:
                  selector:
                    app.kubernetes.io/name: %1$s
                  ports:
                  - name: http
                    port: 80
                    targetPort: http
                """.formatted(name);
    }

    private static String serviceAccount(String name) {
        return "apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: " + name + "\n";
    }

    // --- app ---------------------------------------------------------------------------------------------------

    private static Path app(Path root) {
        write(root.resolve("base/kustomization.yaml"), """
                resources:
                - deployment.yaml
                - service.yaml
                - serviceaccount.yaml
                - hpa.yaml
                - ingress.yaml
                labels:
                - pairs:
                    app.kubernetes.io/part-of: shop
                  includeTemplates: true
                configMapGenerator:
                - name: web-config
                  literals:
                  - LOG_FORMAT=json
                  - CACHE_TTL=30s
                """);
        write(root.resolve("base/deployment.yaml"), deployment("web", "ghcr.io/example/shop-web:1.4.0", true));
        write(root.resolve("base/service.yaml"), service("web"));
        write(root.resolve("base/serviceaccount.yaml"), serviceAccount("web"));
        write(root.resolve("base/hpa.yaml"), """
                apiVersion: autoscaling/v2
                kind: HorizontalPodAutoscaler
                metadata:
                  name: web
                spec:
                  scaleTargetRef:
                    apiVersion: apps/v1
                    kind: Deployment
                    name: web
                  minReplicas: 2
                  maxReplicas: 10
                  metrics:
                  - type: Resource
                    resource:
                      name: cpu
                      target:
                        type: Utilization
                        averageUtilization: 70
                """);
        write(root.resolve("base/ingress.yaml"), """
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata:
                  name: web
                  annotations:
                    cert-manager.io/cluster-issuer: letsencrypt
                spec:
                  ingressClassName: nginx
                  tls:
                  - hosts: [shop.example.com]
                    secretName: web-tls
                  rules:
                  - host: shop.example.com
                    http:
                      paths:
                      - path: /
                        pathType: Prefix
                        backend:
                          service:
                            name: web
                            port:
                              name: http
                """);
        write(root.resolve("overlays/prod/kustomization.yaml"), """
                namespace: shop-prod
                namePrefix: prod-
                commonAnnotations:
                  team: shop
                resources:
                - ../../base
                images:
                - name: ghcr.io/example/shop-web
                  newTag: 1.5.2
                replicas:
                - name: web
                  count: 3
                configMapGenerator:
                - name: web-config
                  behavior: merge
                  literals:
                  - LOG_LEVEL=warn
                secretGenerator:
                - name: web-secrets
                  literals:
                  - API_TOKEN=not-a-real-token
                patches:
                - path: resources.yaml
                - target:
                    kind: Ingress
                    name: web
                  patch: |-
                    - op: replace
                      path: /spec/rules/0/host
                      value: shop.example.org
                    - op: replace
                      path: /spec/tls/0/hosts/0
                      value: shop.example.org
                """);
        write(root.resolve("overlays/prod/resources.yaml"), """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: web
                spec:
                  template:
                    spec:
                      containers:
                      - name: web
                        envFrom:
                        - secretRef:
                            name: web-secrets
                        resources:
                          limits:
                            memory: 512Mi
                """);
        return root.resolve("overlays/prod");
    }

    // --- platform ----------------------------------------------------------------------------------------------

    private static final List<String> SERVICES = List.of("catalog", "cart", "checkout", "payments", "shipping", "users",
            "search", "reviews", "notifications", "gateway");

    private static Path platform(Path root) {
        StringBuilder bases = new StringBuilder();
        for (String s : SERVICES) {
            Path dir = root.resolve("services/" + s);
            write(dir.resolve("kustomization.yaml"), """
                    resources:
                    - deployment.yaml
                    - service.yaml
                    - rbac.yaml
                    - policy.yaml
                    configMapGenerator:
                    - name: %1$s-config
                      literals:
                      - SERVICE=%1$s
                      - UPSTREAM=http://gateway
                    """.formatted(s));
            write(dir.resolve("deployment.yaml"), deployment(s, "registry.example.com/platform/" + s + ":2.3.1", true));
            write(dir.resolve("service.yaml"), service(s) + "---\n" + serviceAccount(s));
            write(dir.resolve("rbac.yaml"), """
                    apiVersion: rbac.authorization.k8s.io/v1
                    kind: Role
                    metadata:
                      name: %1$s
                    rules:
                    - apiGroups: [""]
                      resources: [configmaps, secrets]
                      verbs: [get, list, watch]
                    - apiGroups: [coordination.k8s.io]
                      resources: [leases]
                      verbs: [get, create, update]
                    ---
                    apiVersion: rbac.authorization.k8s.io/v1
                    kind: RoleBinding
                    metadata:
                      name: %1$s
                    roleRef:
                      apiGroup: rbac.authorization.k8s.io
                      kind: Role
                      name: %1$s
                    subjects:
                    - kind: ServiceAccount
                      name: %1$s
                    """.formatted(s));
            write(dir.resolve("policy.yaml"), """
                    apiVersion: networking.k8s.io/v1
                    kind: NetworkPolicy
                    metadata:
                      name: %1$s
                    spec:
                      podSelector:
                        matchLabels:
                          app.kubernetes.io/name: %1$s
                      policyTypes: [Ingress]
                      ingress:
                      - from:
                        - podSelector:
                            matchLabels:
                              app.kubernetes.io/name: gateway
                        ports:
                        - port: 8080
                    ---
                    apiVersion: policy/v1
                    kind: PodDisruptionBudget
                    metadata:
                      name: %1$s
                    spec:
                      minAvailable: 1
                      selector:
                        matchLabels:
                          app.kubernetes.io/name: %1$s
                    """.formatted(s));
            bases.append("- ../../services/").append(s).append('\n');
        }
        write(root.resolve("components/tracing/kustomization.yaml"), """
                apiVersion: kustomize.config.k8s.io/v1alpha1
                kind: Component
                patches:
                - target:
                    kind: Deployment
                  patch: |-
                    apiVersion: apps/v1
                    kind: Deployment
                    metadata:
                      name: any
                    spec:
                      template:
                        spec:
                          containers:
                          - name: otel-agent
                            image: otel/opentelemetry-collector:0.98.0
                            args: ["--config=/etc/otel/config.yaml"]
                """);
        write(root.resolve("clusters/production/kustomization.yaml"), """
                namespace: platform
                labels:
                - pairs:
                    environment: production
                  includeSelectors: false
                resources:
                %s
                components:
                - ../../components/tracing
                images:
                - name: registry.example.com/platform/gateway
                  newTag: 2.4.0
                patches:
                - target:
                    kind: Deployment
                  patch: |-
                    apiVersion: apps/v1
                    kind: Deployment
                    metadata:
                      name: any
                    spec:
                      replicas: 2
                      template:
                        spec:
                          topologySpreadConstraints:
                          - maxSkew: 1
                            topologyKey: topology.kubernetes.io/zone
                            whenUnsatisfiable: ScheduleAnyway
                - target:
                    kind: Service
                  patch: |-
                    - op: add
                      path: /metadata/annotations
                      value:
                        prometheus.io/scrape: "true"
                """.formatted(bases.toString().strip().replace("\n", "\n")));
        return root.resolve("clusters/production");
    }

    // --- operator ----------------------------------------------------------------------------------------------

    private static final int CRDS = 24;

    private static Path operator(Path root) {
        Random random = new Random(20261207);
        StringBuilder crdList = new StringBuilder();
        for (int i = 0; i < CRDS; i++) {
            String kind = "Widget" + (char) ('A' + i);
            String file = "crds/" + kind.toLowerCase() + ".yaml";
            write(root.resolve("base/" + file), crd(kind, random));
            crdList.append("- ").append(file).append('\n');
        }
        write(root.resolve("base/kustomization.yaml"), "resources:\n" + crdList + """
                - rbac.yaml
                - controller.yaml
                - webhooks.yaml
                """);
        StringBuilder rules = new StringBuilder();
        for (int i = 0; i < CRDS; i++) {
            rules.append("""
                    - apiGroups: [widgets.example.com]
                      resources: [%1$s, %1$s/status, %1$s/finalizers]
                      verbs: [get, list, watch, create, update, patch, delete]
                    """.formatted("widget" + (char) ('a' + i) + "s"));
        }
        write(root.resolve("base/rbac.yaml"), serviceAccount("widget-controller") + """
                ---
                apiVersion: rbac.authorization.k8s.io/v1
                kind: ClusterRole
                metadata:
                  name: widget-controller
                rules:
                """ + rules + """
                ---
                apiVersion: rbac.authorization.k8s.io/v1
                kind: ClusterRoleBinding
                metadata:
                  name: widget-controller
                roleRef:
                  apiGroup: rbac.authorization.k8s.io
                  kind: ClusterRole
                  name: widget-controller
                subjects:
                - kind: ServiceAccount
                  name: widget-controller
                  namespace: default
                """);
        write(root.resolve("base/controller.yaml"), deployment("widget-controller", "quay.io/example/widget-controller:0.9.0", true)
                + "---\n" + service("widget-webhook"));
        write(root.resolve("base/webhooks.yaml"), """
                apiVersion: admissionregistration.k8s.io/v1
                kind: ValidatingWebhookConfiguration
                metadata:
                  name: widget-validation
                webhooks:
                - name: validate.widgets.example.com
                  admissionReviewVersions: [v1]
                  sideEffects: None
                  clientConfig:
                    service:
                      name: widget-webhook
                      namespace: default
                      path: /validate
                  rules:
                  - apiGroups: [widgets.example.com]
                    apiVersions: [v1]
                    operations: [CREATE, UPDATE]
                    resources: ["*"]
                """);
        write(root.resolve("install/kustomization.yaml"), """
                namespace: widget-system
                labels:
                - pairs:
                    app.kubernetes.io/part-of: widget-operator
                resources:
                - ../base
                images:
                - name: quay.io/example/widget-controller
                  newTag: 0.9.3
                patches:
                - target:
                    kind: Deployment
                    name: widget-controller
                  patch: |-
                    apiVersion: apps/v1
                    kind: Deployment
                    metadata:
                      name: widget-controller
                    spec:
                      template:
                        spec:
                          containers:
                          - name: widget-controller
                            args: ["--port=8080", "--leader-elect", "--metrics-bind-address=:9090"]
                - target:
                    kind: ValidatingWebhookConfiguration
                  patch: |-
                    - op: replace
                      path: /webhooks/0/clientConfig/service/namespace
                      value: widget-system
                """);
        return root.resolve("install");
    }

    private static final String[] WORDS = ("the of a to controller reconcile field value which when if resource status "
            + "condition spec must be set is are and or for not in this that with will default used as by on each may "
            + "object reference name namespace selector label annotation template replicas strategy interval timeout")
            .split(" ");

    private static String sentence(Random random, int words) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < words; i++) {
            if (i > 0) {
                sb.append(' ');
            }
            sb.append(WORDS[random.nextInt(WORDS.length)]);
        }
        sb.setCharAt(0, Character.toUpperCase(sb.charAt(0)));
        return sb.append('.').toString();
    }

    private static String crd(String kind, Random random) {
        String plural = kind.toLowerCase() + "s";
        StringBuilder schema = new StringBuilder();
        properties(schema, random, 4, "              ");
        return """
                apiVersion: apiextensions.k8s.io/v1
                kind: CustomResourceDefinition
                metadata:
                  name: %2$s.widgets.example.com
                spec:
                  group: widgets.example.com
                  names:
                    kind: %1$s
                    listKind: %1$sList
                    plural: %2$s
                    singular: %3$s
                  scope: Namespaced
                  versions:
                  - name: v1
                    served: true
                    storage: true
                    subresources:
                      status: {}
                    schema:
                      openAPIV3Schema:
                        type: object
                        description: %4$s
                        properties:
                """.formatted(kind, plural, kind.toLowerCase(), sentence(random, 12)) + schema;
    }

    /** A nested object schema: properties with descriptions, enums, arrays and maps, {@code depth} levels deep. */
    private static void properties(StringBuilder out, Random random, int depth, String indent) {
        int count = depth > 1 ? 6 : 5;
        for (int i = 0; i < count; i++) {
            String name = WORDS[random.nextInt(WORDS.length)] + (char) ('A' + random.nextInt(26)) + WORDS[random.nextInt(WORDS.length)];
            out.append(indent).append(name).append(":\n");
            out.append(indent).append("  description: |-\n");
            for (int l = 0; l < 2; l++) {
                out.append(indent).append("    ").append(sentence(random, 10 + random.nextInt(8))).append('\n');
            }
            int shape = depth > 1 ? random.nextInt(4) : 3;
            switch (shape) {
                case 0 -> {
                    out.append(indent).append("  type: object\n").append(indent).append("  properties:\n");
                    properties(out, random, depth - 1, indent + "    ");
                }
                case 1 -> {
                    out.append(indent).append("  type: array\n").append(indent).append("  items:\n")
                            .append(indent).append("    type: object\n").append(indent).append("    properties:\n");
                    properties(out, random, depth - 1, indent + "      ");
                }
                case 2 -> out.append(indent).append("  type: object\n").append(indent).append("  additionalProperties:\n")
                        .append(indent).append("    type: string\n");
                default -> {
                    if (random.nextBoolean()) {
                        out.append(indent).append("  type: string\n").append(indent).append("  enum: [Always, Never, IfNotPresent]\n");
                    } else {
                        out.append(indent).append("  type: integer\n").append(indent).append("  format: int32\n")
                                .append(indent).append("  minimum: 0\n");
                    }
                }
            }
        }
    }
}
