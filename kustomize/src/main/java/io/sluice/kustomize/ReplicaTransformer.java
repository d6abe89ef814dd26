package io.sluice.kustomize;

import java.util.List;
import java.util.Map;

/** replicas: sets spec.replicas (or configured fields) of the named objects. */
final class ReplicaTransformer {
    private ReplicaTransformer() {
    }

    static void apply(KustomizationFile kust, ResMap m, List<FieldSpec> specs) {
        for (Map<String, Object> entry : kust.maps("replicas")) {
            String name = Resource.str(entry.get("name"));
            Object rawCount = entry.get("count");
            Long parsed = null;
            try {
                parsed = rawCount == null ? null : Long.parseLong(Resource.str(rawCount));
            } catch (NumberFormatException e) {
                parsed = null;
            }
            Long count = parsed;
            if (name.isEmpty()) {
                throw new KustomizeException(kust.path() + ": replicas entry has no name");
            }
            if (count == null) {
                throw new KustomizeException(kust.path() + ": replicas entry '" + name + "': count must be an integer");
            }
            boolean applied = false;
            for (Resource r : m.resources()) {
                boolean nameMatches = false;
                for (ResId id : r.allIds()) {
                    if (id.name().equals(name)) {
                        nameMatches = true;
                    }
                }
                if (!nameMatches) {
                    continue;
                }
                for (FieldSpec fs : specs) {
                    if (fs.appliesTo(r.gvk())) {
                        applied = true;
                        fs.apply(r.map(), new FieldSpec.FieldVisitor() {
                            @Override
                            public void visit(Map<String, Object> parent, String key) {
                                parent.put(key, count);
                            }
                        });
                    }
                }
            }
            if (!applied) {
                List<String> kinds = new java.util.ArrayList<>();
                for (FieldSpec f : specs) {
                    kinds.add(f.gvk().kind());
                }
                throw new KustomizeException(kust.path() + ": replicas entry '" + name + "': resource with name " + name
                        + " does not match a config with the following kinds " + kinds);
            }
        }
    }
}
