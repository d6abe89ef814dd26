package io.sluice.source.helm;

import java.time.Instant;
import java.util.List;

/**
 * One version of a chart as the repository index lists it.
 *
 * @param name    the chart's name
 * @param version as written in the index
 * @param urls    where to download the package; relative URLs are relative to the repository URL
 * @param digest  the package's sha256 hex as the index states it, or empty
 * @param created when it was packaged, or the epoch
 */
public record IndexedChartVersion(String name, String version, List<String> urls, String digest, Instant created) {

    public IndexedChartVersion {
        urls = List.copyOf(urls);
    }
}
