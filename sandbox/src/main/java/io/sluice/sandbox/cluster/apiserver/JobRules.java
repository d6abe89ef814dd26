package io.sluice.sandbox.cluster.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Jobs and CronJobs (batch/v1): defaults (completions, parallelism, backoffLimit, completionMode, suspend; a
 * CronJob's policies and history limits), a Job's generated selector and pod labels (from its uid), and
 * validation: pods that restart {@code OnFailure} or {@code Never}, a selector the server generated, a selector,
 * template and completions that may not change.
 */
final class JobRules implements KindRules {

    static final String CONTROLLER_UID = "batch.kubernetes.io/controller-uid";
    private static final List<String> JOB_RESTART = List.of("OnFailure", "Never");
    private static final List<String> COMPLETION_MODES = List.of("NonIndexed", "Indexed");
    private static final List<String> CONCURRENCY = List.of("Allow", "Forbid", "Replace");

    private final boolean cronJob;

    private JobRules(boolean cronJob) {
        this.cronJob = cronJob;
    }

    static JobRules jobs() {
        return new JobRules(false);
    }

    static JobRules cronJobs() {
        return new JobRules(true);
    }

    @Override
    public void defaults(ObjectNode object) {
        ObjectNode spec = Defaults.object(object, "spec");
        if (cronJob) {
            Defaults.putIfAbsent(spec, "concurrencyPolicy", "Allow");
            Defaults.putIfAbsent(spec, "suspend", false);
            Defaults.putIfAbsent(spec, "successfulJobsHistoryLimit", 3);
            Defaults.putIfAbsent(spec, "failedJobsHistoryLimit", 1);
            if (spec.path("jobTemplate").path("spec").path("template").get("spec") instanceof ObjectNode podSpec) {
                PodSpecDefaults.apply(podSpec);
            }
            return;
        }
        if (!spec.has("completions") && !spec.has("parallelism")) {
            spec.put("completions", 1);
        }
        Defaults.putIfAbsent(spec, "parallelism", 1);
        Defaults.putIfAbsent(spec, "backoffLimit", 6);
        Defaults.putIfAbsent(spec, "completionMode", "NonIndexed");
        Defaults.putIfAbsent(spec, "suspend", false);
        JsonNode templateLabels = spec.path("template").path("metadata").get("labels");
        if (templateLabels != null && templateLabels.isObject() && object.path("metadata").path("labels").isEmpty()) {
            Defaults.object(object, "metadata").set("labels", templateLabels.deepCopy());
        }
        if (spec.path("template").get("spec") instanceof ObjectNode podSpec) {
            PodSpecDefaults.apply(podSpec);
        }
    }

    /** A Job's selector and pod labels come from its uid, unless it asks for a manual selector. */
    @Override
    public void prepareCreate(ObjectNode object) {
        if (cronJob) {
            return;
        }
        ObjectNode spec = Defaults.object(object, "spec");
        if (spec.path("manualSelector").asBoolean(false)) {
            return;
        }
        String uid = Json.meta(object, "uid");
        String name = Json.meta(object, "name");
        ObjectNode labels = Defaults.object(Defaults.object(Defaults.object(spec, "template"), "metadata"), "labels");
        labels.put(CONTROLLER_UID, uid).put("batch.kubernetes.io/job-name", name).put("controller-uid", uid)
                .put("job-name", name);
        Defaults.object(Defaults.object(spec, "selector"), "matchLabels").put(CONTROLLER_UID, uid);
    }

    @Override
    public void validate(ObjectNode object, FieldErrors errors) {
        JsonNode spec = object.path("spec");
        if (cronJob) {
            cronJob(object, spec, errors);
            return;
        }
        if (!spec.path("manualSelector").asBoolean(false)) {
            JsonNode selector = spec.path("selector");
            ObjectNode expected = Json.object();
            expected.putObject("matchLabels").put(CONTROLLER_UID, Json.meta(object, "uid"));
            if (selector.isObject() && !Json.same(selector, expected)) {
                errors.invalid("spec.selector", GoSyntax.labelSelector(selector), "`selector` not auto-generated");
            }
        }
        jobSpec(spec, "spec", errors);
    }

    private static void jobSpec(JsonNode spec, String path, FieldErrors errors) {
        for (String field : List.of("parallelism", "completions", "activeDeadlineSeconds", "backoffLimit")) {
            JsonNode value = spec.get(field);
            if (value != null && value.isNumber() && value.asLong() < 0) {
                errors.invalid(path + "." + field, value.asText(), "must be greater than or equal to 0");
            }
        }
        JsonNode selector = spec.get("selector");
        JsonNode labels = spec.path("template").path("metadata").get("labels");
        if (selector != null && selector.isObject()) {
            LabelSelectors.validate(selector, path + ".selector", errors);
            if (!LabelSelectors.matches(selector, labels == null ? Json.object() : labels)) {
                errors.invalid(path + ".template.metadata.labels", GoSyntax.stringMap(labels), "`selector` does not "
                        + "match template `labels`");
            }
        }
        String mode = spec.path("completionMode").asText("NonIndexed");
        if (!COMPLETION_MODES.contains(mode)) {
            errors.notSupported(path + ".completionMode", GoSyntax.quote(mode), COMPLETION_MODES);
        }
        JsonNode podSpec = spec.path("template").path("spec");
        ObjectMetaValidation.labels(spec.path("template").path("metadata").path("labels"), path + ".template.metadata.labels",
                errors);
        PodSpecValidation.validate(podSpec, path + ".template.spec", errors);
        String restart = podSpec.path("restartPolicy").asText("");
        if (!JOB_RESTART.contains(restart)) {
            errors.notSupported(path + ".template.spec.restartPolicy", GoSyntax.quote(restart), JOB_RESTART);
        }
    }

    private static void cronJob(ObjectNode object, JsonNode spec, FieldErrors errors) {
        String name = Json.meta(object, "name");
        if (name != null && name.length() > 52) {
            errors.invalid("metadata.name", GoSyntax.quote(name), "must be no more than 52 characters");
        }
        String schedule = spec.path("schedule").asText("");
        if (schedule.isEmpty()) {
            errors.required("spec.schedule", "");
        } else if (!schedule.startsWith("@") && schedule.trim().split("\\s+").length != 5) {
            errors.invalid("spec.schedule", GoSyntax.quote(schedule), "expected exactly 5 fields, found "
                    + schedule.trim().split("\\s+").length + ": " + schedule);
        }
        String concurrency = spec.path("concurrencyPolicy").asText("");
        if (!CONCURRENCY.contains(concurrency)) {
            errors.notSupported("spec.concurrencyPolicy", GoSyntax.quote(concurrency), CONCURRENCY);
        }
        jobSpec(spec.path("jobTemplate").path("spec"), "spec.jobTemplate.spec", errors);
    }

    @Override
    public void validateUpdate(ObjectNode live, ObjectNode desired, FieldErrors errors) {
        if (cronJob) {
            return;
        }
        JsonNode before = live.path("spec");
        JsonNode after = desired.path("spec");
        if (!Json.same(before.get("selector"), after.get("selector"))) {
            errors.invalid("spec.selector", GoSyntax.labelSelector(after.get("selector")), "field is immutable");
        }
        if (!Json.same(before.get("template"), after.get("template"))) {
            // the real server prints the whole internal Go value of the template here
            errors.invalid("spec.template", Json.write(after.get("template")), "field is immutable");
        }
        if (!after.path("completionMode").asText().equals("Indexed")
                && !Json.same(before.get("completions"), after.get("completions"))) {
            errors.invalid("spec.completions", GoSyntax.value(after.get("completions")), "field is immutable");
        }
        if (!Json.same(before.get("completionMode"), after.get("completionMode"))) {
            errors.invalid("spec.completionMode", GoSyntax.value(after.get("completionMode")), "field is immutable");
        }
    }
}
