package io.sluice.kit.config;

import io.sluice.api.messaging.TopicsConfig;
import org.eclipse.microprofile.config.Config;

import java.util.HashMap;
import java.util.Map;

/**
 * Builds a {@link TopicsConfig} from MicroProfile Config. Every key {@code TopicsConfig} knows is looked up by
 * name, so environment variables work ({@code SLUICE_TOPICS_PREFIX=dev.}); every other property listed under
 * {@code sluice.topics.} is passed on too, so that a misspelt key is reported instead of ignored.
 */
public final class TopicsConfigReader {

    private TopicsConfigReader() {
    }

    public static TopicsConfig read(Config config) {
        Map<String, String> values = new HashMap<>();
        for (String name : config.getPropertyNames()) {
            if (name.startsWith(TopicsConfig.KEY_ROOT)) {
                config.getOptionalValue(name, String.class).ifPresent(value -> values.put(name, value));
            }
        }
        for (String key : TopicsConfig.knownKeys()) {
            config.getOptionalValue(key, String.class).ifPresent(value -> values.put(key, value));
        }
        return TopicsConfig.from(values);
    }
}
