package io.sluice.cli.events;

import io.sluice.api.events.ObjectEvent;
import io.sluice.api.meta.ObjectKey;
import io.sluice.cli.flux.FluxKind;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Which events {@code sluice events} shows: those of one namespace (or all of them), and with {@code --for KIND/NAME}
 * only those of that object.
 *
 * @param namespace the namespace; empty for every namespace ({@code -A})
 * @param object    the {@code --for} object, if any
 */
record EventSelection(Optional<String> namespace, Optional<ObjectKey> object) {

    /** The kinds {@code --for} takes, as Flux spells them. */
    static final String VALID_KINDS = String.join(", ", Arrays.stream(FluxKind.values()).map(FluxKind::kind).toList());

    /**
     * The kind of {@code KIND/NAME} ({@code Kustomization/podinfo}; the kind in any case).
     *
     * @return empty when {@code typed} is not KIND/NAME or the kind is not a Flux kind
     */
    static Optional<FluxKind> kindOf(String typed) {
        int slash = typed.indexOf('/');
        if (slash <= 0 || slash == typed.length() - 1 || typed.indexOf('/', slash + 1) >= 0) {
            return Optional.empty();
        }
        String kind = typed.substring(0, slash).toLowerCase(Locale.ROOT);
        return Arrays.stream(FluxKind.values()).filter(k -> k.kind().toLowerCase(Locale.ROOT).equals(kind)).findFirst();
    }

    /** The name of {@code KIND/NAME}; call after {@link #kindOf} accepted it. */
    static String nameOf(String typed) {
        return typed.substring(typed.indexOf('/') + 1);
    }

    boolean matches(ObjectEvent event) {
        ObjectKey involved = event.involvedObject();
        return namespace.map(ns -> ns.equals(involved.namespace())).orElse(true)
                && object.map(o -> o.equals(involved)).orElse(true);
    }

    /** "in flux-system namespace", "for Kustomization flux-system/podinfo", "in any namespace". */
    String where() {
        return object.map(o -> "for " + o.kind() + " " + o.namespace() + "/" + o.name())
                .orElseGet(() -> namespace.map(ns -> "in " + ns + " namespace").orElse("in any namespace"));
    }
}
