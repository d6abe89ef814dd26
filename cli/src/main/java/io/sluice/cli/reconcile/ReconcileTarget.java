package io.sluice.cli.reconcile;

import io.sluice.cli.flux.FluxKind;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code sluice reconcile} was asked to reconcile, Flux's spelling: {@code source git NAME},
 * {@code kustomization NAME} / {@code ks NAME}. Only kinds a Sluice service reconciles on request are accepted.
 */
record ReconcileTarget(FluxKind kind, String name) {

    static final String VALID = "source git NAME, kustomization NAME (ks NAME)";

    private static final Map<String, FluxKind> WORDS = Map.of(
            "source git", FluxKind.GIT_REPOSITORY,
            "sources git", FluxKind.GIT_REPOSITORY,
            "gitrepository", FluxKind.GIT_REPOSITORY,
            "kustomization", FluxKind.KUSTOMIZATION,
            "kustomizations", FluxKind.KUSTOMIZATION,
            "ks", FluxKind.KUSTOMIZATION);

    /** @param words the kind words followed by the name; empty when the kind is not one of {@link #VALID} */
    static Optional<ReconcileTarget> parse(List<String> words) {
        if (words.size() < 2) {
            return Optional.empty();
        }
        String kindWords = String.join(" ", words.subList(0, words.size() - 1)).toLowerCase(Locale.ROOT);
        return Optional.ofNullable(WORDS.get(kindWords)).map(kind -> new ReconcileTarget(kind, words.get(words.size() - 1)));
    }
}
