package io.sluice.image.automation;

import io.sluice.api.meta.ObjectKey;
import io.sluice.image.template.Fields;
import io.sluice.image.template.GoTemplate;
import io.sluice.image.template.TemplateException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The commit message: {@code spec.git.commit.messageTemplate} (a Go template) over the data Flux gives it —
 * {@code .AutomationObject} (prints {@code namespace/name}; {@code .Name}, {@code .Namespace}), {@code .Changed}
 * ({@code .FileChanges}, {@code .Objects}, {@code .Changes}; each change {@code .OldValue}, {@code .NewValue},
 * {@code .Setter}; each object {@code .Kind}, {@code .Name}, {@code .Namespace}, {@code .APIVersion}) and
 * {@code .Values} ({@code messageTemplateValues}). Without a template: Flux's "Update from image update automation".
 */
final class CommitMessage {

    static final String DEFAULT = "Update from image update automation";
    /** Fields Flux removed: a template using one fails with the same advice as Flux's. */
    private static final Map<String, String> REMOVED = Map.of(
            ".Updated", "template uses removed '.Updated' field. Please use '.Changed' instead",
            ".Changed.ImageResult", "template uses removed '.Changed.ImageResult' field. Please use '.Changed.FileChanges' or '.Changed.Objects' instead");

    private CommitMessage() {
    }

    static String render(String template, ObjectKey automation, UpdateResult result, Map<String, String> values) throws GitPushException {
        String text = template == null || template.isEmpty() ? DEFAULT : template;
        for (Map.Entry<String, String> removed : REMOVED.entrySet()) {
            if (text.contains(removed.getKey() + " ") || text.contains(removed.getKey() + "}") || text.contains(removed.getKey() + ".")) {
                throw new GitPushException("RemovedTemplateField", removed.getValue()
                        + " (spec.git.commit.messageTemplate); see https://fluxcd.io/flux/components/image/imageupdateautomations/#message-template", null);
            }
        }
        try {
            return GoTemplate.parse(text).execute(data(automation, result, values));
        } catch (TemplateException e) {
            throw new GitPushException(ImageUpdateAutomationReconciler.UPDATE_FAILED,
                    "spec.git.commit.messageTemplate cannot be used: " + e.getMessage() + "; nothing was committed", e);
        }
    }

    private static Map<String, Object> data(ObjectKey automation, UpdateResult result, Map<String, String> values) {
        Map<String, Object> changed = new LinkedHashMap<>();
        Map<String, Object> files = new LinkedHashMap<>();
        result.fileChanges().forEach((file, objects) -> files.put(file, objects(objects)));
        changed.put("FileChanges", files);
        changed.put("Objects", objects(result.objects()));
        changed.put("Changes", result.changes().stream().map(ChangeFields::new).toList());
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("AutomationObject", new NamespacedName(automation.namespace(), automation.name()));
        data.put("Changed", changed);
        data.put("Values", values == null ? Map.of() : Map.copyOf(values));
        return data;
    }

    private static Map<Object, Object> objects(Map<UpdateResult.ObjectId, List<UpdateResult.Change>> objects) {
        Map<Object, Object> out = new LinkedHashMap<>();
        objects.forEach((id, changes) -> out.put(new ObjectFields(id), changes.stream().map(ChangeFields::new).toList()));
        return out;
    }

    /** Go's types.NamespacedName: prints as {@code namespace/name}. */
    private record NamespacedName(String namespace, String name) implements Fields {
        @Override
        public Optional<Object> field(String field) {
            return switch (field) {
                case "Name" -> Optional.of(name);
                case "Namespace" -> Optional.of(namespace);
                default -> Optional.empty();
            };
        }

        @Override
        public String toString() {
            return namespace + "/" + name;
        }
    }

    private record ObjectFields(UpdateResult.ObjectId id) implements Fields {
        @Override
        public Optional<Object> field(String field) {
            return switch (field) {
                case "Name" -> Optional.of(id.name());
                case "Namespace" -> Optional.of(id.namespace());
                case "Kind" -> Optional.of(id.kind());
                case "APIVersion" -> Optional.of(id.apiVersion());
                default -> Optional.empty();
            };
        }

        @Override
        public String toString() {
            return "{" + id.name() + " " + id.namespace() + " " + id.apiVersion() + " " + id.kind() + "}";
        }
    }

    private record ChangeFields(UpdateResult.Change change) implements Fields {
        @Override
        public Optional<Object> field(String field) {
            return switch (field) {
                case "OldValue" -> Optional.of(change.oldValue());
                case "NewValue" -> Optional.of(change.newValue());
                case "Setter" -> Optional.of(change.setter());
                default -> Optional.empty();
            };
        }

        @Override
        public String toString() {
            return "{" + change.oldValue() + " " + change.newValue() + " " + change.setter() + "}";
        }
    }
}
