package io.sluice.kustomize;

import java.util.ArrayList;
import java.util.List;

/** The ordered list of resources being built; ids are unique. */
public final class ResMap {
    private final List<Resource> list = new ArrayList<>();
    /** Current ids of the resources, valid only while nobody else can have changed them. */
    private final java.util.Set<String> index = new java.util.HashSet<>();
    private boolean indexValid;

    /** The live list; handing it out means its objects may be changed, so the id index is dropped. */
    public List<Resource> resources() {
        indexValid = false;
        return list;
    }

    /** A string equal for two ids exactly when they {@link ResId#matches match}. */
    static String key(ResId id) {
        return id.gvk().idString() + "|" + id.effectiveNamespace() + "|" + id.name();
    }

    public int size() {
        return list.size();
    }

    /** Appends, failing when an object with the same current id is already present. */
    public void append(Resource r) {
        ResId id = r.curId();
        if (!indexValid) {
            index.clear();
            for (Resource e : list) {
                index.add(key(e.curId()));
            }
            indexValid = true;
        }
        if (!index.add(key(id))) {
            throw new KustomizeException("may not add resource with an already registered id: " + id.describe()
                    + (r.source != null ? " (from " + r.source + ")" : ""));
        }
        list.add(r);
    }

    public void appendAll(ResMap other) {
        for (Resource r : new ArrayList<>(other.list)) {
            append(r);
        }
    }

    /** Resources whose current or any previous id matches {@code id}. */
    public List<Resource> matchingAnyId(ResId id) {
        List<Resource> out = new ArrayList<>();
        for (Resource r : list) {
            for (ResId x : r.allIds()) {
                if (x.matches(id)) {
                    out.add(r);
                    break;
                }
            }
        }
        return out;
    }

    public List<Resource> matchingCurrentId(ResId id) {
        List<Resource> out = new ArrayList<>();
        for (Resource r : list) {
            if (r.curId().matches(id)) {
                out.add(r);
            }
        }
        return out;
    }

    public void remove(Resource r) {
        indexValid = false;
        list.remove(r);
    }

    public void replace(Resource old, Resource neu) {
        indexValid = false;
        int i = list.indexOf(old);
        list.set(i, neu);
    }

    public void clear() {
        indexValid = false;
        list.clear();
    }
}
