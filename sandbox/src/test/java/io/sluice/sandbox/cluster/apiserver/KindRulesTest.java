package io.sluice.sandbox.cluster.apiserver;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The built-in kinds' defaults and validation (their rules alone, without HTTP). */
class KindRulesTest {

    private static final BuiltInKinds KINDS = new BuiltInKinds(new ObjectStore());

    private static ObjectNode object(String text) {
        return (ObjectNode) Json.parse(text, "test");
    }

    private static List<String> errors(String group, String kind, ObjectNode object) {
        FieldErrors errors = new FieldErrors();
        KINDS.rules(group, kind).validate(object, errors);
        return errors.errors().stream().map(FieldErrors.FieldError::toString).toList();
    }

    private static List<String> updateErrors(String group, String kind, ObjectNode live, ObjectNode desired) {
        FieldErrors errors = new FieldErrors();
        KINDS.rules(group, kind).validateUpdate(live, desired, errors);
        return errors.errors().stream().map(FieldErrors.FieldError::toString).toList();
    }

    private static ObjectNode deployment(String spec) {
        ObjectNode deployment = object("{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\",\"metadata\":{\"name\":\"d\"},"
                + "\"spec\":" + spec + "}");
        KINDS.rules("apps", "Deployment").defaults(deployment);
        return deployment;
    }

    @Test
    void aDeploymentGetsTheRealServersDefaults() {
        ObjectNode deployment = deployment("{\"selector\":{\"matchLabels\":{\"app\":\"d\"}},\"template\":{\"metadata\":"
                + "{\"labels\":{\"app\":\"d\"}},\"spec\":{\"containers\":[{\"name\":\"web\",\"image\":\"nginx:1.25\","
                + "\"ports\":[{\"containerPort\":80}]},{\"name\":\"side\",\"image\":\"busybox\"}]}}}");
        assertThat(Json.write(deployment.get("spec"))).isEqualTo("{\"selector\":{\"matchLabels\":{\"app\":\"d\"}},"
                + "\"template\":{\"metadata\":{\"labels\":{\"app\":\"d\"}},\"spec\":{\"containers\":[{\"name\":\"web\","
                + "\"image\":\"nginx:1.25\",\"ports\":[{\"containerPort\":80,\"protocol\":\"TCP\"}],"
                + "\"terminationMessagePath\":\"/dev/termination-log\",\"terminationMessagePolicy\":\"File\","
                + "\"imagePullPolicy\":\"IfNotPresent\"},{\"name\":\"side\",\"image\":\"busybox\",\"terminationMessagePath\":"
                + "\"/dev/termination-log\",\"terminationMessagePolicy\":\"File\",\"imagePullPolicy\":\"Always\"}],"
                + "\"dnsPolicy\":\"ClusterFirst\",\"restartPolicy\":\"Always\",\"terminationGracePeriodSeconds\":30,"
                + "\"securityContext\":{},\"schedulerName\":\"default-scheduler\"}},\"replicas\":1,\"strategy\":{\"type\":"
                + "\"RollingUpdate\",\"rollingUpdate\":{\"maxUnavailable\":\"25%\",\"maxSurge\":\"25%\"}},"
                + "\"revisionHistoryLimit\":10,\"progressDeadlineSeconds\":600}");
        assertThat(PodSpecDefaults.pullPolicy("registry:5000/app")).isEqualTo("Always");
        assertThat(PodSpecDefaults.pullPolicy("app:latest")).isEqualTo("Always");
        assertThat(PodSpecDefaults.pullPolicy("app@sha256:abc")).isEqualTo("IfNotPresent");
    }

    @Test
    void aDeploymentNeedsASelectorMatchingItsTemplateAndPodsThatRestartAlways() {
        assertThat(errors("apps", "Deployment", deployment("{\"template\":{\"spec\":{\"containers\":[{\"name\":\"c\","
                + "\"image\":\"x\"}]}}}"))).containsExactly("spec.selector: Required value",
                        "spec.template.metadata.labels: Invalid value: map[string]string(nil): `selector` does not match "
                                + "template `labels`");
        assertThat(errors("apps", "Deployment", deployment("{\"replicas\":-1,\"selector\":{\"matchLabels\":{\"app\":\"d\"}},"
                + "\"template\":{\"metadata\":{\"labels\":{\"app\":\"d\"}},\"spec\":{\"restartPolicy\":\"Never\","
                + "\"containers\":[{\"name\":\"Web\",\"ports\":[{\"containerPort\":70000}]}]}}}"))).containsExactly(
                        "spec.replicas: Invalid value: -1: must be greater than or equal to 0",
                        "spec.template.spec.containers[0].name: Invalid value: \"Web\": a lowercase RFC 1123 label must "
                                + "consist of lower case alphanumeric characters or '-', and must start and end with an "
                                + "alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is "
                                + "'[a-z0-9]([-a-z0-9]*[a-z0-9])?')",
                        "spec.template.spec.containers[0].image: Required value",
                        "spec.template.spec.containers[0].ports[0].containerPort: Invalid value: 70000: must be between 1 "
                                + "and 65535, inclusive",
                        "spec.template.spec.restartPolicy: Unsupported value: \"Never\": supported values: \"Always\"");
        ObjectNode live = deployment("{\"selector\":{\"matchLabels\":{\"app\":\"d\"}}}");
        ObjectNode changed = deployment("{\"selector\":{\"matchLabels\":{\"app\":\"other\"}}}");
        assertThat(updateErrors("apps", "Deployment", live, changed)).containsExactly("spec.selector: Invalid value: "
                + "v1.LabelSelector{MatchLabels:map[string]string{\"app\":\"other\"}, "
                + "MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable");
    }

    @Test
    void servicesAreDefaultedGetIpsAndNeedValidPorts() {
        ObjectStore store = new ObjectStore();
        KindRules services = new BuiltInKinds(store).rules("", "Service");
        ObjectNode headless = object("{\"metadata\":{\"name\":\"s\"},\"spec\":{\"clusterIP\":\"None\",\"selector\":"
                + "{\"app\":\"s\"},\"ports\":[{\"port\":80}]}}");
        services.defaults(headless);
        services.prepareCreate(headless);
        assertThat(Json.write(headless.get("spec"))).isEqualTo("{\"clusterIP\":\"None\",\"selector\":{\"app\":\"s\"},"
                + "\"ports\":[{\"port\":80,\"protocol\":\"TCP\",\"targetPort\":80}],\"type\":\"ClusterIP\","
                + "\"sessionAffinity\":\"None\",\"internalTrafficPolicy\":\"Cluster\",\"ipFamilyPolicy\":\"SingleStack\","
                + "\"ipFamilies\":[\"IPv4\"],\"clusterIPs\":[\"None\"]}");

        ObjectNode allocated = object("{\"metadata\":{\"name\":\"a\"},\"spec\":{\"type\":\"NodePort\",\"ports\":[{\"port\":80}]}}");
        services.defaults(allocated);
        services.prepareCreate(allocated);
        assertThat(allocated.path("spec").path("clusterIP").asText()).matches("10\\.0\\.0\\.\\d+");
        assertThat(allocated.path("spec").path("ports").get(0).path("nodePort").asInt()).isBetween(30000, 32767);
        assertThat(allocated.path("spec").path("externalTrafficPolicy").asText()).isEqualTo("Cluster");

        ObjectNode outside = object("{\"metadata\":{\"name\":\"s7\"},\"spec\":{\"clusterIP\":\"192.168.9.9\",\"ports\":[{\"port\":80}]}}");
        services.defaults(outside);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> services.prepareCreate(outside))
                .hasMessage("Service \"s7\" is invalid: spec.clusterIPs: Invalid value: []string{\"192.168.9.9\"}: failed "
                        + "to allocate IP 192.168.9.9: the provided IP (192.168.9.9) is not in the valid range. The range "
                        + "of valid IPs is 10.0.0.0/24");

        ObjectNode portZero = object("{\"metadata\":{\"name\":\"s8\"},\"spec\":{\"ports\":[{\"port\":0}]}}");
        services.defaults(portZero);
        assertThat(errors("", "Service", portZero)).containsExactly(
                "spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive",
                "spec.ports[0].targetPort: Invalid value: 0: must be between 1 and 65535, inclusive");
        ObjectNode noPorts = object("{\"metadata\":{\"name\":\"s9\"},\"spec\":{\"selector\":{\"a\":\"b\"}}}");
        services.defaults(noPorts);
        assertThat(errors("", "Service", noPorts)).containsExactly("spec.ports: Required value");

        ObjectNode changed = allocated.deepCopy();
        ((ObjectNode) changed.get("spec")).put("clusterIP", "None");
        services.prepareUpdate(allocated, changed);
        assertThat(updateErrors("", "Service", allocated, changed)).containsExactly(
                "spec.clusterIPs[0]: Invalid value: []string{\"None\"}: may not change once set");
    }

    @Test
    void configMapsAndSecretsCheckKeysSizesTypesAndImmutability() {
        assertThat(errors("", "ConfigMap", object("{\"data\":{\"bad key!\":\"v\"}}"))).hasSize(1).first().asString()
                .startsWith("data[bad key!]: Invalid value: \"bad key!\": a valid config key must consist of");
        assertThat(errors("", "ConfigMap", object("{\"data\":{\"big\":\"" + "x".repeat(1048577) + "\"}}")))
                .containsExactly("[]: Too long: must have at most 1048576 bytes");

        ObjectNode secret = object("{\"stringData\":{\"user\":\"admin\"},\"data\":{\"pw\":\"c2VjcmV0\"}}");
        KINDS.rules("", "Secret").defaults(secret);
        assertThat(Json.write(secret)).isEqualTo("{\"data\":{\"pw\":\"c2VjcmV0\",\"user\":\"YWRtaW4=\"},\"type\":\"Opaque\"}");
        assertThat(errors("", "Secret", object("{\"type\":\"kubernetes.io/tls\",\"data\":{\"tls.crt\":\"eA==\"}}")))
                .containsExactly("data[tls.key]: Required value");
        assertThat(errors("", "Secret", object("{\"type\":\"kubernetes.io/dockerconfigjson\",\"data\":"
                + "{\".dockerconfigjson\":\"bm90IGpzb24=\"}}"))).containsExactly("data[.dockerconfigjson]: Invalid value: "
                        + "\"<secret contents redacted>\": invalid character 'o' in literal null (expecting 'u')");
        assertThat(updateErrors("", "Secret", object("{\"type\":\"Opaque\"}"), object("{\"type\":\"kubernetes.io/tls\"}")))
                .containsExactly("type: Invalid value: \"kubernetes.io/tls\": field is immutable");
        assertThat(updateErrors("", "Secret", object("{\"type\":\"Opaque\",\"immutable\":true,\"data\":{\"k\":\"djE=\"}}"),
                object("{\"type\":\"Opaque\",\"immutable\":true,\"data\":{\"k\":\"djI=\"}}")))
                .containsExactly("data: Forbidden: field is immutable when `immutable` is set");
    }

    @Test
    void aJobGetsItsSelectorFromItsUidAndItsPodsMayNotRestartAlways() {
        ObjectNode job = object("{\"metadata\":{\"name\":\"j\",\"uid\":\"u-1\"},\"spec\":{\"template\":{\"spec\":"
                + "{\"containers\":[{\"name\":\"c\",\"image\":\"busybox\"}]}}}}");
        KindRules jobs = KINDS.rules("batch", "Job");
        jobs.defaults(job);
        jobs.prepareCreate(job);
        assertThat(Json.write(job.path("spec").path("selector"))).isEqualTo(
                "{\"matchLabels\":{\"batch.kubernetes.io/controller-uid\":\"u-1\"}}");
        assertThat(job.path("spec").path("template").path("metadata").path("labels").path("job-name").asText()).isEqualTo("j");
        assertThat(job.path("spec").path("backoffLimit").asInt()).isEqualTo(6);
        assertThat(errors("batch", "Job", job)).containsExactly("spec.template.spec.restartPolicy: Unsupported value: "
                + "\"Always\": supported values: \"OnFailure\", \"Never\"");
    }
}
