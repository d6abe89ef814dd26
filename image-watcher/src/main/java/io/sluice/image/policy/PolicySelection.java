package io.sluice.image.policy;

import java.util.Optional;

/**
 * Picks the latest tag of a scan for one policy: every tag through the filter, then the policy, keeping only the
 * best candidate (one pass, nothing but the tag list in memory).
 *
 * @param latest     the chosen tag, empty when no candidate qualified
 * @param scanned    how many tags the scan had
 * @param filtered   how many passed {@code filterTags}
 */
public record PolicySelection(Optional<String> latest, int scanned, int filtered) {

    public static PolicySelection select(Iterable<String> tags, TagFilterRule filter, TagPolicy policy) throws PolicyException {
        TagPolicy.Candidate best = null;
        int scanned = 0;
        int filtered = 0;
        for (String tag : tags) {
            scanned++;
            Optional<TagPolicy.Candidate> candidate = filter.apply(tag);
            if (candidate.isEmpty()) {
                continue;
            }
            filtered++;
            TagPolicy.Candidate c = candidate.get();
            if (policy.accepts(c) && (best == null || policy.better(c, best))) {
                best = c;
            }
        }
        return new PolicySelection(Optional.ofNullable(best).map(TagPolicy.Candidate::tag), scanned, filtered);
    }
}
