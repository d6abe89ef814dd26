package io.sluice.kustomize;

import io.sluice.kustomize.yaml.Values;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** images: rewrites container images (name, tag, digest) by image name. */
final class ImageTransformer {
    private ImageTransformer() {
    }

    record ImageSpec(String name, String newName, String newTag, String digest) {
    }

    static void apply(KustomizationFile kust, ResMap m, List<FieldSpec> specs) {
        for (Map<String, Object> e : kust.maps("images")) {
            for (String k : e.keySet()) {
                if (!List.of("name", "newName", "newTag", "digest", "tagSuffix").contains(k)) {
                    throw new KustomizeException(kust.path() + ": images: unknown field \"" + k + "\"");
                }
            }
            ImageSpec spec = new ImageSpec(Resource.str(e.get("name")), Resource.str(e.get("newName")),
                    Resource.str(e.get("newTag")), Resource.str(e.get("digest")));
            if (spec.name().isEmpty()) {
                continue; // kustomize: an entry without name matches nothing
            }
            // kustomize uses the name as a regular expression, unquoted
            Pattern p;
            try {
                p = Pattern.compile("^" + spec.name() + "(:[a-zA-Z0-9_.{}-]*)?(@sha256:[a-zA-Z0-9_.{}-]*)?$");
            } catch (java.util.regex.PatternSyntaxException badPattern) {
                continue;
            }
            for (Resource r : m.resources()) {
                walkContainers(r.map(), spec, p);
                for (FieldSpec fs : specs) {
                    if (fs.appliesTo(r.gvk())) {
                        new FieldSpec(fs.gvk(), fs.path(), false).apply(r.map(), new FieldSpec.FieldVisitor() {
                            @Override
                            public void visit(Map<String, Object> parent, String key) {
                                update(parent, key, spec, p);
                            }
                        });
                    }
                }
            }
        }
    }

    private static void walkContainers(Object node, ImageSpec spec, Pattern p) {
        if (node instanceof Map<?, ?>) {
            Map<String, Object> m = Values.asMap(node);
            for (Map.Entry<String, Object> e : m.entrySet()) {
                if ((e.getKey().equals("containers") || e.getKey().equals("initContainers"))
                        && e.getValue() instanceof List<?> l) {
                    for (Object c : l) {
                        Map<String, Object> cm = Values.asMap(c);
                        if (cm != null && cm.containsKey("image")) {
                            update(cm, "image", spec, p);
                        }
                    }
                } else {
                    walkContainers(e.getValue(), spec, p);
                }
            }
        } else if (node instanceof List<?> l) {
            for (Object o : l) {
                walkContainers(o, spec, p);
            }
        }
    }

    private static void update(Map<String, Object> parent, String key, ImageSpec spec, Pattern p) {
        if (!(parent.get(key) instanceof String value) || !p.matcher(value).matches()) {
            return;
        }
        String[] ntd = split(value);
        String name = ntd[0];
        String tag = ntd[1];
        String digest = ntd[2];
        if (!spec.newName().isEmpty()) {
            name = spec.newName();
        }
        if (!spec.newTag().isEmpty() && !spec.digest().isEmpty()) {
            tag = spec.newTag();
            digest = spec.digest();
        } else if (!spec.newTag().isEmpty()) {
            tag = spec.newTag();
            digest = "";
        } else if (!spec.digest().isEmpty()) {
            digest = spec.digest();
            tag = "";
        }
        if (!tag.isEmpty()) {
            name += ":" + tag;
        }
        if (!digest.isEmpty()) {
            name += "@" + digest;
        }
        parent.put(key, name);
    }

    /** name, tag, digest of an image reference (a registry port is not a tag). */
    static String[] split(String image) {
        String search = image;
        int slash = image.indexOf('/');
        if (slash > 0) {
            search = image.substring(slash);
        } else {
            slash = 0;
        }
        int id = search.indexOf('@');
        int ic = search.indexOf(':');
        if (ic < 0 && id < 0) {
            return new String[] {image, "", ""};
        }
        if (id >= 0 && (id < ic || ic < 0)) {
            id += slash;
            return new String[] {image.substring(0, id), "", image.substring(id + 1)};
        }
        if (id >= 0) {
            id += slash;
            ic += slash;
            return new String[] {image.substring(0, ic), image.substring(ic + 1, id), image.substring(id + 1)};
        }
        ic += slash;
        return new String[] {image.substring(0, ic), image.substring(ic + 1), ""};
    }
}
