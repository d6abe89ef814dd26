package io.sluice.kustomize;

import io.sluice.kustomize.yaml.Values;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One Kubernetes object being built, plus the bookkeeping kustomize keeps beside it (in
 * kustomize these are internal annotations): previous ids for name references, the prefixes and
 * suffixes applied, and generator options.
 */
public final class Resource {
    private Map<String, Object> obj;
    final List<ResId> prevIds = new ArrayList<>();
    final List<String> prefixes = new ArrayList<>();
    final List<String> suffixes = new ArrayList<>();
    /** Generator behavior (create/merge/replace), null for plain resources. */
    String behavior;
    /** True for generated ConfigMaps/Secrets that get a content hash suffix at the end. */
    boolean needsHash;
    /** Where it came from, for buildMetadata originAnnotations (null when not tracked). */
    Map<String, Object> origin;
    /** Names of the vars declared against this object (kustomize marks the target when the var is declared). */
    final List<String> refVarNames = new ArrayList<>();
    /** The file it was read from, for error messages. */
    String source;
    /** {@link #gvk()} and the apiVersion and kind values it was made from. */
    private Gvk gvk;
    private Object gvkApiVersion;
    private Object gvkKind;

    public Resource(Map<String, Object> obj, String source) {
        this.obj = obj;
        this.source = source;
    }

    public Map<String, Object> map() {
        return obj;
    }

    void replaceMap(Map<String, Object> m) {
        this.obj = m;
    }

    public String kind() {
        return str(obj.get("kind"));
    }

    public String apiVersion() {
        return str(obj.get("apiVersion"));
    }

    public Gvk gvk() {
        // parsed once per apiVersion/kind value: asked for all the time (ids, selectors, scope)
        Object av = obj.get("apiVersion");
        Object k = obj.get("kind");
        if (gvk == null || av != gvkApiVersion || k != gvkKind) {
            gvk = Gvk.of(str(av), str(k));
            gvkApiVersion = av;
            gvkKind = k;
        }
        return gvk;
    }

    public String name() {
        return str(Values.get(obj, "metadata", "name"));
    }

    public String namespace() {
        return str(Values.get(obj, "metadata", "namespace"));
    }

    public void setName(String name) {
        Values.ensureMap(obj, "metadata").put("name", name);
    }

    public void setNamespace(String ns) {
        Values.ensureMap(obj, "metadata").put("namespace", ns);
    }

    public ResId curId() {
        return new ResId(gvk(), name(), namespace());
    }

    public ResId orgId() {
        return prevIds.isEmpty() ? curId() : prevIds.get(0);
    }

    /** Current id and all previous ones. */
    public List<ResId> allIds() {
        List<ResId> ids = new ArrayList<>(prevIds);
        ids.add(curId());
        return ids;
    }

    void storePreviousId() {
        ResId c = curId();
        prevIds.add(new ResId(c.gvk(), c.name(), c.effectiveNamespace()));
    }

    public Map<String, Object> labels() {
        return Values.asMap(Values.get(obj, "metadata", "labels"));
    }

    public Map<String, Object> annotations() {
        return Values.asMap(Values.get(obj, "metadata", "annotations"));
    }

    public String annotation(String key) {
        Map<String, Object> a = annotations();
        return a == null ? null : (a.get(key) instanceof String s ? s : null);
    }

    public void setAnnotation(String key, String value) {
        Values.ensureMap(obj, "metadata", "annotations").put(key, value);
    }

    public void setLabel(String key, String value) {
        Values.ensureMap(obj, "metadata", "labels").put(key, value);
    }

    public void removeAnnotation(String key) {
        Map<String, Object> a = annotations();
        if (a != null) {
            a.remove(key);
            if (a.isEmpty()) {
                Values.asMap(obj.get("metadata")).remove("annotations");
            }
        }
    }

    public Resource copy() {
        Resource r = new Resource(Values.deepCopyMap(obj), source);
        r.prevIds.addAll(prevIds);
        r.prefixes.addAll(prefixes);
        r.suffixes.addAll(suffixes);
        r.behavior = behavior;
        r.needsHash = needsHash;
        r.refVarNames.addAll(refVarNames);
        r.origin = origin == null ? null : new LinkedHashMap<>(origin);
        return r;
    }

    static String str(Object o) {
        return o == null ? "" : (o instanceof String s ? s : Values.scalarText(o));
    }

    @Override
    public String toString() {
        return curId().describe();
    }
}
