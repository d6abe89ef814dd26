package io.sluice.cli.get;

import io.sluice.cli.flux.FluxKind;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The kind words of {@code sluice get}, Flux's spelling: {@code sources git}, {@code kustomizations} / {@code ks},
 * {@code helmreleases} / {@code hr}, {@code images [all|repository|policy|update]}, {@code receivers}, {@code alerts}, {@code alert-providers}
 * / {@code providers}, {@code all}.
 *
 * @param kinds the kinds to list, in the order they are printed
 * @param all   true for {@code all}: names are printed as {@code kind/name}, and kinds whose CRD is missing are skipped
 */
record KindSelection(List<FluxKind> kinds, boolean all) {

    /** What the user may type, for the usage message; the keys of {@link #WORDS}. */
    static final String VALID = "sources git, kustomizations (ks), helmreleases (hr), images [all|repository|policy|update],"
            + " receivers, alerts, alert-providers (providers), all";

    /** {@code images} and {@code images all}: the three image kinds, as {@code flux get images all}. */
    private static final List<FluxKind> IMAGES = List.of(FluxKind.IMAGE_REPOSITORY, FluxKind.IMAGE_POLICY, FluxKind.IMAGE_UPDATE);

    private static final Map<String, FluxKind> WORDS = Map.ofEntries(
            Map.entry("sources git", FluxKind.GIT_REPOSITORY),
            Map.entry("source git", FluxKind.GIT_REPOSITORY),
            Map.entry("sources", FluxKind.GIT_REPOSITORY),
            Map.entry("gitrepositories", FluxKind.GIT_REPOSITORY),
            Map.entry("gitrepository", FluxKind.GIT_REPOSITORY),
            Map.entry("kustomizations", FluxKind.KUSTOMIZATION),
            Map.entry("kustomization", FluxKind.KUSTOMIZATION),
            Map.entry("ks", FluxKind.KUSTOMIZATION),
            Map.entry("helmreleases", FluxKind.HELM_RELEASE),
            Map.entry("helmrelease", FluxKind.HELM_RELEASE),
            Map.entry("hr", FluxKind.HELM_RELEASE),
            Map.entry("images repository", FluxKind.IMAGE_REPOSITORY),
            Map.entry("image repository", FluxKind.IMAGE_REPOSITORY),
            Map.entry("imagerepositories", FluxKind.IMAGE_REPOSITORY),
            Map.entry("images policy", FluxKind.IMAGE_POLICY),
            Map.entry("image policy", FluxKind.IMAGE_POLICY),
            Map.entry("imagepolicies", FluxKind.IMAGE_POLICY),
            Map.entry("images update", FluxKind.IMAGE_UPDATE),
            Map.entry("image update", FluxKind.IMAGE_UPDATE),
            Map.entry("imageupdateautomations", FluxKind.IMAGE_UPDATE),
            Map.entry("receivers", FluxKind.RECEIVER),
            Map.entry("receiver", FluxKind.RECEIVER),
            Map.entry("alerts", FluxKind.ALERT),
            Map.entry("alert", FluxKind.ALERT),
            Map.entry("alert-providers", FluxKind.PROVIDER),
            Map.entry("alert-provider", FluxKind.PROVIDER),
            Map.entry("providers", FluxKind.PROVIDER),
            Map.entry("provider", FluxKind.PROVIDER));

    /** @return empty when the words name no kind */
    static Optional<KindSelection> parse(List<String> words) {
        String typed = String.join(" ", words).trim().toLowerCase(Locale.ROOT);
        if (typed.isEmpty() || typed.equals("all")) {
            return Optional.of(new KindSelection(List.of(FluxKind.values()), true));
        }
        if (typed.equals("images") || typed.equals("images all") || typed.equals("image all")) {
            return Optional.of(new KindSelection(IMAGES, true));
        }
        return Optional.ofNullable(WORDS.get(typed)).map(kind -> new KindSelection(List.of(kind), false));
    }
}
