package io.sluice.kustomize;

import io.sluice.kustomize.yaml.Values;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** sortOptions: kustomize's legacy kind order (the default) or fifo (input order). */
final class Sorter {
    static final List<String> ORDER_FIRST = List.of("Namespace", "ResourceQuota", "StorageClass",
            "CustomResourceDefinition", "ServiceAccount", "PodSecurityPolicy", "Role", "ClusterRole", "RoleBinding",
            "ClusterRoleBinding", "ConfigMap", "Secret", "Endpoints", "Service", "LimitRange", "PriorityClass",
            "PersistentVolume", "PersistentVolumeClaim", "Deployment", "StatefulSet", "CronJob", "PodDisruptionBudget");
    static final List<String> ORDER_LAST = List.of("MutatingWebhookConfiguration", "ValidatingWebhookConfiguration");

    private Sorter() {
    }

    static void sort(ResMap m, KustomizationFile top) {
        Map<String, Object> opts = top.map("sortOptions");
        List<String> first = ORDER_FIRST;
        List<String> last = ORDER_LAST;
        if (opts != null) {
            String order = Resource.str(opts.get("order"));
            Map<String, Object> legacy = Values.asMap(opts.get("legacySortOptions"));
            if (order.equals("fifo")) {
                if (legacy != null) {
                    throw new KustomizeException(top.path() + ": sortOptions: the field 'sortOptions.legacySortOptions' is set "
                            + "but the selected sort order is 'fifo', not 'legacy'");
                }
                return;
            }
            if (!order.equals("legacy")) {
                throw new KustomizeException(top.path() + ": sortOptions.order '" + order + "' must be 'legacy' or 'fifo'");
            }
            if (legacy != null) {
                first = strings(legacy.get("orderFirst"));
                last = strings(legacy.get("orderLast"));
            }
        }
        Map<String, Integer> typeOrders = new HashMap<>();
        for (int i = 0; i < first.size(); i++) {
            typeOrders.put(first.get(i), -first.size() + i);
        }
        for (int i = 0; i < last.size(); i++) {
            typeOrders.put(last.get(i), 1 + i);
        }
        List<Resource> list = new ArrayList<>(m.resources());
        list.sort(new java.util.Comparator<Resource>() {
            @Override
            public int compare(Resource a, Resource b) {
                return Sorter.compare(a.curId(), b.curId(), typeOrders);
            }
        });
        m.clear();
        m.resources().addAll(list);
    }

    private static List<String> strings(Object o) {
        List<String> out = new ArrayList<>();
        List<Object> l = Values.asList(o);
        if (l != null) {
            for (Object x : l) {
                out.add(Resource.str(x));
            }
        }
        return out;
    }

    private static int compare(ResId a, ResId b, Map<String, Integer> typeOrders) {
        if (!a.gvk().equals(b.gvk())) {
            int ia = typeOrders.getOrDefault(a.gvk().kind(), 0);
            int ib = typeOrders.getOrDefault(b.gvk().kind(), 0);
            if (ia != ib) {
                return Integer.compare(ia, ib);
            }
            int c = gvkString(a.gvk()).compareTo(gvkString(b.gvk()));
            if (a.gvk().kind().equals("Namespace") && b.gvk().kind().equals("Namespace")
                    && (a.gvk().group().isEmpty() || b.gvk().group().isEmpty())) {
                return -c;
            }
            return c;
        }
        return legacyIdString(a).compareTo(legacyIdString(b));
    }

    private static String gvkString(Gvk g) {
        return (g.group().isEmpty() ? "~G" : g.group()) + "_" + (g.version().isEmpty() ? "~V" : g.version()) + "_"
                + (g.kind().isEmpty() ? "~K" : g.kind());
    }

    private static String legacyIdString(ResId id) {
        return id.gvk().idString() + "|" + (id.namespace().isEmpty() ? "~X" : id.namespace()) + "|"
                + (id.name().isEmpty() ? "~N" : id.name());
    }
}
