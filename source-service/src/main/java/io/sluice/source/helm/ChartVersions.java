package io.sluice.source.helm;

import io.sluice.api.semver.SemanticVersion;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Chart versions as Helm reads them in Chart.yaml: Masterminds' lax {@code semver.NewVersion}, which also takes
 * {@code v1.2}, {@code 1} or {@code 1.2.3-rc.1+build}. Index entries are compared with Flux's strict reading instead
 * ({@link SemanticVersion#parseTag}).
 */
final class ChartVersions {

    private static final Pattern LAX = Pattern.compile(
            "v?(\\d+)(?:\\.(\\d+))?(?:\\.(\\d+))?(?:-([0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*))?(?:\\+([0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*))?");

    private ChartVersions() {
    }

    /** The version read as Helm reads Chart.yaml's {@code version}; empty when Helm would refuse it. */
    static Optional<SemanticVersion> parseLax(String version) {
        Matcher m = LAX.matcher(version);
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new SemanticVersion(Long.parseLong(m.group(1)),
                    m.group(2) == null ? 0 : Long.parseLong(m.group(2)), m.group(3) == null ? 0 : Long.parseLong(m.group(3)),
                    m.group(4) == null ? List.of() : List.of(m.group(4).split("\\.")), m.group(5), version));
        } catch (NumberFormatException tooLarge) {
            return Optional.empty();
        }
    }
}
