package io.sluice.kit.config;

import io.sluice.api.messaging.Topic;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Reads a configured list of topic suffixes ({@code git.push,events}) into {@link Topic}s. */
public final class TopicList {

    private TopicList() {
    }

    /**
     * @param key      the config key the list came from, for the error message
     * @param suffixes the configured suffixes; empty means none
     * @throws IllegalArgumentException naming the key and the bad entry, listing the valid suffixes
     */
    public static Set<Topic> parse(String key, Optional<List<String>> suffixes) {
        Set<Topic> topics = new LinkedHashSet<>();
        for (String suffix : suffixes.orElse(List.of())) {
            String trimmed = suffix.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            topics.add(Topic.fromSuffix(trimmed).orElseThrow(() -> new IllegalArgumentException(key + " lists '" + trimmed
                    + "', which is not a Sluice topic; use the topic suffixes " + Arrays.stream(Topic.values()).map(Topic::suffix)
                    .collect(Collectors.joining(", ")))));
        }
        return topics;
    }

    /** Both lists together, in order, without repeats. */
    public static Set<Topic> union(Collection<Topic> a, Collection<Topic> b) {
        Set<Topic> all = new LinkedHashSet<>(a);
        all.addAll(b);
        return all;
    }
}
