package io.sluice.source.helm;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.api.semver.SemanticVersion;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.Optional;

/** How versions in an index are ordered: Helm's {@code SortEntries}, newest SemVer first, then the latest {@code created}. */
final class IndexEntries {

    static final Comparator<JsonNode> NEWEST_FIRST = (a, b) -> {
        Optional<SemanticVersion> va = ChartVersions.parseLax(a.path("version").asText(""));
        Optional<SemanticVersion> vb = ChartVersions.parseLax(b.path("version").asText(""));
        if (va.isPresent() && vb.isPresent()) {
            int c = vb.get().compareTo(va.get());
            if (c != 0) {
                return c;
            }
        } else if (va.isPresent() != vb.isPresent()) {
            return va.isPresent() ? -1 : 1;
        }
        return created(b).compareTo(created(a));
    };

    private IndexEntries() {
    }

    /** The entry's {@code created} time; the epoch when it has none or it cannot be read. */
    static Instant created(JsonNode entry) {
        String text = entry.path("created").asText("");
        try {
            return text.isEmpty() ? Instant.EPOCH : OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            return Instant.EPOCH;
        }
    }
}
