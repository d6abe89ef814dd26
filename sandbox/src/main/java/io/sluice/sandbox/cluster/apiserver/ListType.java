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

    /** Objects merged by key fields ({@code k:{"name":"web"}}), e.g. containers by name. */
    record Map(List<String> keys) implements ListType {
        public Map {
            keys = List.copyOf(keys);
        }
    }

    ListType ATOMIC = new Atomic();
    ListType SET = new Set();

    static ListType map(String... keys) {
        return new Map(List.of(keys));
    }
}
