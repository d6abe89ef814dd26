package io.sluice.source.helm;

import io.sluice.api.semver.SemanticVersion;
import io.sluice.api.semver.SemverRange;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Picks the version of a chart a HelmChart's {@code spec.version} asks for, as Flux's chart repository does: a
 * version written exactly as in the index wins; otherwise the highest version in the SemVer range (empty or
 * {@code *}: the highest stable version), ties between equal versions (build metadata differs) broken by the latest
 * {@code created}. Versions that are not strict SemVer (an optional leading {@code v} allowed) are not candidates.
 */
public final class ChartVersionSelector {

    private ChartVersionSelector() {
    }

    /**
     * @param where names the repository in messages, e.g. {@code https://charts.example.com}
     * @throws ChartException when the range cannot be read or no version is in it
     */
    public static IndexedChartVersion select(String chart, List<IndexedChartVersion> versions, String wanted, String where) throws ChartException {
        String spec = wanted == null ? "" : wanted.trim();
        if (!spec.isEmpty()) {
            for (IndexedChartVersion version : versions) {
                if (version.version().equals(spec)) {
                    return version;
                }
            }
        }
        SemverRange range;
        try {
            range = SemverRange.parse(spec.isEmpty() ? "*" : spec);
        } catch (IllegalArgumentException e) {
            throw new ChartException("invalid version '" + spec + "' for chart '" + chart + "': " + e.getMessage());
        }
        Comparator<IndexedChartVersion> newest = Comparator
                .comparing((IndexedChartVersion v) -> SemanticVersion.parseTag(v.version()).orElseThrow())
                .thenComparing(IndexedChartVersion::created);
        Optional<IndexedChartVersion> best = versions.stream()
                .filter(v -> SemanticVersion.parseTag(v.version()).map(range::matches).orElse(false))
                .max(newest);
        Optional<SemanticVersion> highest = versions.stream().map(v -> SemanticVersion.parseTag(v.version()))
                .flatMap(Optional::stream).max(Comparator.naturalOrder());
        return best.orElseThrow(() -> new ChartException("no '" + chart + "' chart with version matching '" + (spec.isEmpty() ? "*" : spec)
                + "' found in " + where + " (" + versions.size() + " version" + (versions.size() == 1 ? "" : "s") + " listed"
                + highest.map(h -> ", the highest " + h).orElse("") + "); check spec.version"));
    }
}
