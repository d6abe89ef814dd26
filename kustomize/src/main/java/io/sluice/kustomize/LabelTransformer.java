package io.sluice.kustomize;

import io.sluice.kustomize.yaml.Values;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** labels (with includeSelectors / includeTemplates / fields) and commonLabels. */
final class LabelTransformer {
    private LabelTransformer() {
    }

    /** One `labels` entry (pairs with includeSelectors / includeTemplates / fields). */
    static void applyEntry(KustomizationFile kust, Map<String, Object> entry, ResMap m, TransformerConfig tc) {
        for (String k : entry.keySet()) {
            if (!List.of("pairs", "includeSelectors", "includeTemplates", "fields").contains(k)) {
                throw new KustomizeException(kust.path() + ": labels: unknown field \"" + k + "\"");
            }
        }
        Map<String, String> pairs = kust.stringMap(entry.get("pairs"), "labels.pairs");
        List<FieldSpec> specs = new ArrayList<>();
        List<Object> fields = Values.asList(entry.get("fields"));
        if (fields != null) {
            for (Object f : fields) {
                addUnique(specs, TransformerConfig.specFrom(f));
            }
        }
        for (FieldSpec f : tc.specs("labels")) {
            addUnique(specs, f);
        }
        if (Boolean.TRUE.equals(entry.get("includeSelectors"))) {
            for (FieldSpec f : tc.specs("commonLabels")) {
                addUnique(specs, f);
            }
        } else {
            if (Boolean.TRUE.equals(entry.get("includeTemplates"))) {
                for (FieldSpec f : tc.specs("templateLabels")) {
                    addUnique(specs, f);
                }
            }
            addUnique(specs, new FieldSpec(new Gvk("", "", ""), "metadata/labels", true));
        }
        MapFieldTransformer.apply(m, pairs, specs);
    }

    private static void addUnique(List<FieldSpec> specs, FieldSpec f) {
        for (FieldSpec s : specs) {
            if (s.gvk().equals(f.gvk()) && s.path().equals(f.path())) {
                return;
            }
        }
        specs.add(f);
    }
}
