package io.sluice.sandbox.cluster.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Deployments, ReplicaSets, StatefulSets and DaemonSets (apps/v1): their defaults, and the validation they share
 * (a selector that is required, valid and matches the pod template's labels, a template whose pods restart
 * {@code Always}) plus each kind's own (strategies, immutable fields).
 */
final class WorkloadRules implements KindRules {

    private static final List<String> DEPLOYMENT_STRATEGIES = List.of("Recreate", "RollingUpdate");
    private static final List<String> STATEFUL_UPDATES = List.of("OnDelete", "RollingUpdate");
    private static final List<String> POD_MANAGEMENT = List.of("OrderedReady", "Parallel");
    /** What a StatefulSet update may change in its spec. */
    private static final List<String> STATEFULSET_MUTABLE = List.of("replicas", "ordinals", "template", "updateStrategy",
            "persistentVolumeClaimRetentionPolicy", "minReadySeconds");

    private final String kind;

    WorkloadRules(String kind) {
        this.kind = kind;
    }

    @Override
    public void defaults(ObjectNode object) {
        ObjectNode spec = Defaults.object(object, "spec");
        if (!kind.equals("DaemonSet") && !spec.has("replicas")) {
            spec.put("replicas", 1);
        }
        switch (kind) {
            case "Deployment" -> deploymentDefaults(spec);
            case "StatefulSet" -> statefulSetDefaults(spec);
            case "DaemonSet" -> daemonSetDefaults(spec);
            default -> {
            }
        }
        if (spec.path("template").get("spec") instanceof ObjectNode podSpec) {
            PodSpecDefaults.apply(podSpec);
        }
    }

    private static void deploymentDefaults(ObjectNode spec) {
        ObjectNode strategy = Defaults.object(spec, "strategy");
        Defaults.putIfAbsent(strategy, "type", "RollingUpdate");
        if (strategy.path("type").asText().equals("RollingUpdate")) {
            ObjectNode rolling = Defaults.object(strategy, "rollingUpdate");
            Defaults.putIfAbsent(rolling, "maxUnavailable", "25%");
            Defaults.putIfAbsent(rolling, "maxSurge", "25%");
        }
        Defaults.putIfAbsent(spec, "revisionHistoryLimit", 10);
        Defaults.putIfAbsent(spec, "progressDeadlineSeconds", 600);
    }

    private static void statefulSetDefaults(ObjectNode spec) {
        Defaults.putIfAbsent(spec, "podManagementPolicy", "OrderedReady");
        ObjectNode update = Defaults.object(spec, "updateStrategy");
        Defaults.putIfAbsent(update, "type", "RollingUpdate");
        if (update.path("type").asText().equals("RollingUpdate")) {
            Defaults.putIfAbsent(Defaults.object(update, "rollingUpdate"), "partition", 0);
        }
        Defaults.putIfAbsent(spec, "revisionHistoryLimit", 10);
        ObjectNode retention = Defaults.object(spec, "persistentVolumeClaimRetentionPolicy");
        Defaults.putIfAbsent(retention, "whenDeleted", "Retain");
        Defaults.putIfAbsent(retention, "whenScaled", "Retain");
        for (JsonNode claim : spec.path("volumeClaimTemplates")) {
            if (claim instanceof ObjectNode template) {
                Defaults.putIfAbsent(Defaults.object(template, "spec"), "volumeMode", "Filesystem");
                Defaults.putIfAbsent(Defaults.object(template, "status"), "phase", "Pending");
            }
        }
    }

    private static void daemonSetDefaults(ObjectNode spec) {
        ObjectNode update = Defaults.object(spec, "updateStrategy");
        Defaults.putIfAbsent(update, "type", "RollingUpdate");
        if (update.path("type").asText().equals("RollingUpdate")) {
            ObjectNode rolling = Defaults.object(update, "rollingUpdate");
            Defaults.putIfAbsent(rolling, "maxUnavailable", 1);
            Defaults.putIfAbsent(rolling, "maxSurge", 0);
        }
        Defaults.putIfAbsent(spec, "revisionHistoryLimit", 10);
    }

    @Override
    public void validate(ObjectNode object, FieldErrors errors) {
        JsonNode spec = object.path("spec");
        nonNegative(spec, "replicas", errors);
        selectorAndTemplate(spec, errors);
        switch (kind) {
            case "Deployment" -> deployment(spec, errors);
            case "StatefulSet" -> {
                supported(spec, "podManagementPolicy", POD_MANAGEMENT, errors);
                supported(spec.path("updateStrategy"), "type", STATEFUL_UPDATES, "spec.updateStrategy", errors);
            }
            default -> {
            }
        }
        nonNegative(spec, "minReadySeconds", errors);
        nonNegative(spec, "revisionHistoryLimit", errors);
    }

    /** A required, valid selector that matches the template's labels, and a valid template whose pods restart Always. */
    private void selectorAndTemplate(JsonNode spec, FieldErrors errors) {
        JsonNode selector = spec.get("selector");
        if (selector == null || !selector.isObject()) {
            errors.required("spec.selector", "");
        } else {
            LabelSelectors.validate(selector, "spec.selector", errors);
            if (LabelSelectors.isEmpty(selector)) {
                errors.invalid("spec.selector", GoSyntax.labelSelector(selector), "empty selector is invalid for "
                        + kind.toLowerCase(java.util.Locale.ROOT));
            }
        }
        JsonNode template = spec.path("template");
        JsonNode labels = template.path("metadata").get("labels");
        if ((selector == null || !LabelSelectors.isEmpty(selector)) && !LabelSelectors.matches(selector,
                labels == null ? Json.object() : labels)) {
            errors.invalid("spec.template.metadata.labels", GoSyntax.stringMap(labels), "`selector` does not match "
                    + "template `labels`");
        }
        ObjectMetaValidation.labels(template.path("metadata").path("labels"), "spec.template.metadata.labels", errors);
        PodSpecValidation.validate(template.path("spec"), "spec.template.spec", errors);
        String restart = template.path("spec").path("restartPolicy").asText("");
        if (!restart.equals("Always") && !restart.isEmpty()) {
            errors.notSupported("spec.template.spec.restartPolicy", GoSyntax.quote(restart), List.of("Always"));
        }
        if (template.path("spec").has("activeDeadlineSeconds")) {
            errors.forbidden("spec.template.spec.activeDeadlineSeconds", "activeDeadlineSeconds in " + kind
                    + " is not Supported");
        }
    }

    private static void deployment(JsonNode spec, FieldErrors errors) {
        JsonNode strategy = spec.path("strategy");
        String type = strategy.path("type").asText("");
        if (!DEPLOYMENT_STRATEGIES.contains(type)) {
            errors.notSupported("spec.strategy.type", GoSyntax.quote(type), DEPLOYMENT_STRATEGIES);
        } else if (type.equals("Recreate") && strategy.has("rollingUpdate")) {
            errors.forbidden("spec.strategy.rollingUpdate", "may not be specified when strategy `type` is 'Recreate'");
        } else if (type.equals("RollingUpdate")) {
            JsonNode rolling = strategy.path("rollingUpdate");
            boolean unavailableZero = IntOrPercent.isZero(rolling.get("maxUnavailable"));
            boolean surgeZero = IntOrPercent.isZero(rolling.get("maxSurge"));
            IntOrPercent.validate(rolling.get("maxUnavailable"), "spec.strategy.rollingUpdate.maxUnavailable", true, errors);
            IntOrPercent.validate(rolling.get("maxSurge"), "spec.strategy.rollingUpdate.maxSurge", false, errors);
            if (unavailableZero && surgeZero) {
                errors.invalid("spec.strategy.rollingUpdate.maxUnavailable", rolling.path("maxUnavailable").isTextual()
                        ? GoSyntax.quote(rolling.path("maxUnavailable").asText()) : "0", "may not be 0 when `maxSurge` is 0");
            }
        }
        JsonNode deadline = spec.get("progressDeadlineSeconds");
        if (deadline != null && deadline.isNumber() && deadline.asLong() <= spec.path("minReadySeconds").asLong(0)) {
            errors.invalid("spec.progressDeadlineSeconds", deadline.asText(), "must be greater than minReadySeconds");
        }
    }

    @Override
    public void validateUpdate(ObjectNode live, ObjectNode desired, FieldErrors errors) {
        JsonNode before = live.path("spec");
        JsonNode after = desired.path("spec");
        if (!Json.same(before.get("selector"), after.get("selector"))) {
            errors.invalid("spec.selector", GoSyntax.labelSelector(after.get("selector")), "field is immutable");
        }
        if (kind.equals("StatefulSet") && before instanceof ObjectNode beforeSpec && after instanceof ObjectNode afterSpec
                && !Json.sameExcept(beforeSpec, afterSpec, STATEFULSET_MUTABLE)) {
            errors.forbidden("spec", "updates to statefulset spec for fields other than 'replicas', 'ordinals', "
                    + "'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are "
                    + "forbidden");
        }
    }

    static void nonNegative(JsonNode spec, String field, FieldErrors errors) {
        JsonNode value = spec.get(field);
        if (value != null && value.isNumber() && value.asLong() < 0) {
            errors.invalid("spec." + field, value.asText(), "must be greater than or equal to 0");
        }
    }

    private static void supported(JsonNode spec, String field, List<String> values, FieldErrors errors) {
        supported(spec, field, values, "spec", errors);
    }

    private static void supported(JsonNode node, String field, List<String> values, String path, FieldErrors errors) {
        String value = node.path(field).asText("");
        if (!values.contains(value)) {
            errors.notSupported(path + "." + field, GoSyntax.quote(value), values);
        }
    }
}
