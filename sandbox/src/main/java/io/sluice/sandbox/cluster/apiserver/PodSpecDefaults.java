package io.sluice.sandbox.cluster.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The defaults of a pod spec ({@code SetDefaults_PodSpec} and what it calls, Kubernetes v1.28), for Pods and for
 * every pod template (Deployments, StatefulSets, DaemonSets, ReplicaSets, Jobs, CronJobs):
 * {@code restartPolicy: Always}, {@code terminationGracePeriodSeconds: 30}, {@code dnsPolicy: ClusterFirst},
 * {@code securityContext: {}}, {@code schedulerName: default-scheduler}; per container
 * {@code terminationMessagePath}/{@code Policy}, {@code imagePullPolicy} by the image's tag and ports'
 * {@code protocol: TCP}; probe timings; volume sources' {@code defaultMode: 420}.
 */
final class PodSpecDefaults {

    private static final List<String> CONTAINER_LISTS = List.of("initContainers", "containers", "ephemeralContainers");
    private static final List<String> PROBES = List.of("livenessProbe", "readinessProbe", "startupProbe");
    private static final List<String> MODE_SOURCES = List.of("configMap", "secret", "downwardAPI", "projected");
    /** Volume sources; a volume with none of them gets an emptyDir. */
    private static final List<String> VOLUME_SOURCES = List.of("hostPath", "emptyDir", "gcePersistentDisk",
            "awsElasticBlockStore", "gitRepo", "secret", "nfs", "iscsi", "glusterfs", "persistentVolumeClaim", "rbd",
            "flexVolume", "cinder", "cephfs", "flocker", "downwardAPI", "fc", "azureFile", "configMap", "vsphereVolume",
            "quobyte", "azureDisk", "photonPersistentDisk", "projected", "portworxVolume", "scaleIO", "storageos", "csi",
            "ephemeral");

    private PodSpecDefaults() {
    }

    /** The defaults of a pod spec inside a template or a Pod. */
    static void apply(ObjectNode spec) {
        Defaults.putIfAbsent(spec, "dnsPolicy", "ClusterFirst");
        Defaults.putIfAbsent(spec, "restartPolicy", "Always");
        if (!spec.has("terminationGracePeriodSeconds")) {
            spec.put("terminationGracePeriodSeconds", 30);
        }
        if (!spec.has("securityContext")) {
            spec.putObject("securityContext");
        }
        Defaults.putIfAbsent(spec, "schedulerName", "default-scheduler");
        boolean hostNetwork = spec.path("hostNetwork").asBoolean(false);
        for (String list : CONTAINER_LISTS) {
            for (JsonNode container : spec.path(list)) {
                if (container instanceof ObjectNode object) {
                    container(object, hostNetwork);
                }
            }
        }
        for (JsonNode volume : spec.path("volumes")) {
            if (volume instanceof ObjectNode object) {
                volume(object);
            }
        }
    }

    /** What only Pods get: the rest of {@code SetDefaults_Pod} and what admission adds on a cluster like the recorded one. */
    static void applyToPod(ObjectNode pod) {
        ObjectNode spec = Defaults.object(pod, "spec");
        apply(spec);
        if (!spec.has("enableServiceLinks")) {
            spec.put("enableServiceLinks", true);
        }
        for (String list : List.of("initContainers", "containers")) {
            for (JsonNode container : spec.path(list)) {
                if (container.path("resources") instanceof ObjectNode resources) {
                    requestsFromLimits(resources);
                }
            }
        }
    }

    private static void container(ObjectNode container, boolean hostNetwork) {
        Defaults.putIfAbsent(container, "terminationMessagePath", "/dev/termination-log");
        Defaults.putIfAbsent(container, "terminationMessagePolicy", "File");
        Defaults.putIfAbsent(container, "imagePullPolicy", pullPolicy(container.path("image").asText("")));
        for (JsonNode port : container.path("ports")) {
            if (port instanceof ObjectNode object) {
                Defaults.putIfAbsent(object, "protocol", "TCP");
                if (hostNetwork && !object.has("hostPort") && object.has("containerPort")) {
                    object.set("hostPort", object.get("containerPort"));
                }
            }
        }
        for (JsonNode env : container.path("env")) {
            if (env.path("valueFrom").path("fieldRef") instanceof ObjectNode fieldRef) {
                Defaults.putIfAbsent(fieldRef, "apiVersion", "v1");
            }
        }
        for (String probe : PROBES) {
            if (container.get(probe) instanceof ObjectNode object) {
                probe(object);
            }
        }
        JsonNode lifecycle = container.path("lifecycle");
        for (String hook : List.of("postStart", "preStop")) {
            if (lifecycle.path(hook).path("httpGet") instanceof ObjectNode httpGet) {
                httpGet(httpGet);
            }
        }
    }

    private static void probe(ObjectNode probe) {
        Defaults.putIfAbsent(probe, "timeoutSeconds", 1);
        Defaults.putIfAbsent(probe, "periodSeconds", 10);
        Defaults.putIfAbsent(probe, "successThreshold", 1);
        Defaults.putIfAbsent(probe, "failureThreshold", 3);
        if (probe.get("httpGet") instanceof ObjectNode httpGet) {
            httpGet(httpGet);
        }
    }

    private static void httpGet(ObjectNode httpGet) {
        Defaults.putIfAbsent(httpGet, "path", "/");
        Defaults.putIfAbsent(httpGet, "scheme", "HTTP");
    }

    private static void volume(ObjectNode volume) {
        boolean hasSource = false;
        for (String source : VOLUME_SOURCES) {
            hasSource |= volume.has(source);
        }
        if (!hasSource) {
            volume.putObject("emptyDir");
        }
        for (String source : MODE_SOURCES) {
            if (volume.get(source) instanceof ObjectNode object) {
                Defaults.putIfAbsent(object, "defaultMode", 420);
            }
        }
        for (JsonNode item : volume.path("downwardAPI").path("items")) {
            if (item.path("fieldRef") instanceof ObjectNode fieldRef) {
                Defaults.putIfAbsent(fieldRef, "apiVersion", "v1");
            }
        }
        if (volume.get("hostPath") instanceof ObjectNode hostPath) {
            Defaults.putIfAbsent(hostPath, "type", "");
        }
    }

    /** Images without a tag, or tagged {@code latest}, are pulled {@code Always}; others {@code IfNotPresent}. */
    static String pullPolicy(String image) {
        String last = image.substring(image.lastIndexOf('/') + 1);
        if (last.contains("@")) {
            return "IfNotPresent";
        }
        int colon = last.indexOf(':');
        if (colon < 0) {
            return "Always";
        }
        return last.substring(colon + 1).equals("latest") ? "Always" : "IfNotPresent";
    }

    /** A Pod's container with limits but no requests gets requests equal to its limits. */
    private static void requestsFromLimits(ObjectNode resources) {
        JsonNode limits = resources.path("limits");
        if (!limits.isObject() || limits.isEmpty()) {
            return;
        }
        ObjectNode requests = Defaults.object(resources, "requests");
        for (Iterator<Map.Entry<String, JsonNode>> it = limits.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> limit = it.next();
            if (!requests.has(limit.getKey())) {
                requests.set(limit.getKey(), limit.getValue().deepCopy());
            }
        }
    }
}
