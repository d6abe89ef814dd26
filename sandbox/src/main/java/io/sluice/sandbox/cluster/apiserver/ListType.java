package io.sluice.sandbox.cluster.apiserver;

import java.util.List;

/**
 * How server-side apply and strategic merge patch treat a list field, as the Kubernetes schemas declare it
 * ({@code x-kubernetes-list-type}, {@code +listType}).
 */
sealed interface ListType {

    /** Replaced whole; one owner for the whole list. The default for lists without a declaration. */
    record Atomic() implements ListType {
    }

    /** Scalars merged as a set, each value owned on its own ({@code v:"value"}), e.g. {@code metadata.finalizers}. */
    record Set() implements ListType {
    }

    /**
     * Objects merged by key fields ({@code k:{"name":"web"}}), e.g. containers by name. A key field an item leaves
     * out counts as its default where the schema declares one: a port without {@code protocol} is the port's
     * {@code TCP} item ({@code k:{"containerPort":80,"protocol":"TCP"}}), as on a real server.
     */
    record Map(List<String> keys, java.util.Map<String, String> keyDefaults) implements ListType {
        public Map {
            keys = List.copyOf(keys);
            keyDefaults = java.util.Map.copyOf(keyDefaults);
        }

        Map(List<String> keys) {
            this(keys, java.util.Map.of());
        }

        Map withDefault(String key, String value) {
            java.util.Map<String, String> defaults = new java.util.HashMap<>(keyDefaults);
            defaults.put(key, value);
            return new Map(keys, defaults);
        }
    }

    ListType ATOMIC = new Atomic();
    ListType SET = new Set();

    static ListType.Map map(String... keys) {
        return new Map(List.of(keys));
    }
}
