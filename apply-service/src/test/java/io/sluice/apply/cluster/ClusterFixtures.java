package io.sluice.apply.cluster;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.sluice.apply.ssa.ApplyOptions;
import io.sluice.apply.ssa.Inventory;
import io.sluice.apply.ssa.Manifests;
import io.sluice.apply.ssa.RevisionApplier;
import org.junit.jupiter.api.TestInfo;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Manifests and requests for the cluster tests. The manifests are YAML text in the tests themselves, with
 * {@code @ns@} standing for the test's own namespace, so each test reads as the revision it applies.
 */
final class ClusterFixtures {

    static final String REV1 = "main@sha1:1111111111111111111111111111111111111111";
    static final String REV2 = "main@sha1:2222222222222222222222222222222222222222";

    /** The Kustomization every test applies as (only its owner labels reach the cluster). */
    static final ApplyOptions OPTIONS = ApplyOptions.forKustomization("flux-system", "cluster-test");

    /** A small image that runs until stopped and stops at once on SIGTERM. */
    static final String PAUSE_IMAGE = "registry.k8s.io/pause:3.10";
    /** For Jobs: a shell to succeed or fail with. */
    static final String BUSYBOX_IMAGE = "busybox:1.36";

    /** A ConfigMap {@code settings} with {@code data: {color: blue}}. */
    static final String SETTINGS = settings("color: blue");

    private ClusterFixtures() {
    }

    /** {@code cluster-<method name in lower case>}: a namespace of its own for each test, at most 50 characters. */
    static String namespaceFor(TestInfo test) {
        String method = test.getTestMethod().orElseThrow().getName().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        return "cluster-" + method.substring(0, Math.min(42, method.length()));
    }

    /** The objects of a YAML stream, with {@code @ns@} replaced by the namespace. */
    static List<GenericKubernetesResource> objects(String yaml, String namespace) {
        return Manifests.parse(yaml.replace("@ns@", namespace));
    }

    /** A first revision: no last inventory, prune on, optionally waiting for every object. */
    static RevisionApplier.Request first(List<GenericKubernetesResource> objects, boolean wait, Duration timeout) {
        return new RevisionApplier.Request(objects, REV1, null, Inventory.empty(), true, wait, List.of(), timeout, OPTIONS);
    }

    /** A later revision after {@code last}, prune on, no wait. */
    static RevisionApplier.Request next(List<GenericKubernetesResource> objects, String revision, RevisionApplier.Result last) {
        return new RevisionApplier.Request(objects, revision, REV1, last.inventory(), true, false, List.of(), Duration.ofMinutes(2), OPTIONS);
    }

    /** Creates a namespace outside any revision (as a cluster admin would), so a revision's objects are all validated up front. */
    static void createNamespace(KubernetesClient client, String name, Map<String, String> labels) {
        client.resource(new NamespaceBuilder().withNewMetadata().withName(name).withLabels(labels).endMetadata().build())
                .serverSideApply();
    }

    /** Server-side applies objects as field manager {@code cluster-test}, outside any revision (as a cluster admin would). */
    static void serverSideApply(KubernetesClient client, List<GenericKubernetesResource> objects) {
        for (GenericKubernetesResource object : objects) {
            client.resource(object).fieldManager("cluster-test").forceConflicts().serverSideApply();
        }
    }

    /** A ConfigMap {@code settings} with the given data (YAML lines, unindented). */
    static String settings(String data) {
        return """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: settings
                  namespace: @ns@
                data:
                %s""".formatted(data.indent(2));
    }

    /** A Namespace manifest. */
    static String namespace() {
        return """
                apiVersion: v1
                kind: Namespace
                metadata:
                  name: @ns@
                """;
    }

    /** A Deployment of {@code replicas} pods running {@code image}, labelled {@code app: <name>}. */
    static String deployment(String name, String image, int replicas) {
        return """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: %1$s
                  namespace: @ns@
                spec:
                  replicas: %3$d
                  selector:
                    matchLabels:
                      app: %1$s
                  template:
                    metadata:
                      labels:
                        app: %1$s
                    spec:
                      terminationGracePeriodSeconds: 1
                      containers:
                        - name: main
                          image: %2$s
                """.formatted(name, image, replicas);
    }

    /** "---" between documents. */
    static String stream(String... documents) {
        return String.join("---\n", documents);
    }

    /** A CRD of kind Widget in {@code group}: {@code spec.size} a required integer of at least 1, {@code spec.color} a string. */
    static String widgetCrd(String group) {
        return """
                apiVersion: apiextensions.k8s.io/v1
                kind: CustomResourceDefinition
                metadata:
                  name: widgets.%1$s
                spec:
                  group: %1$s
                  scope: Namespaced
                  names:
                    kind: Widget
                    listKind: WidgetList
                    plural: widgets
                    singular: widget
                  versions:
                    - name: v1
                      served: true
                      storage: true
                      schema:
                        openAPIV3Schema:
                          type: object
                          properties:
                            spec:
                              type: object
                              required: [size]
                              properties:
                                size:
                                  type: integer
                                  minimum: 1
                                color:
                                  type: string
                """.formatted(group);
    }
}
