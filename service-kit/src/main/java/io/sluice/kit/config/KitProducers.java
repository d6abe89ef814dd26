package io.sluice.kit.config;

import io.sluice.api.messaging.CloudEventCodec;
import io.sluice.api.messaging.TopicsConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.Config;

/**
 * Makes the topic configuration and the CloudEvents codec injectable in every service:
 * <pre>{@code
 * @Inject TopicsConfig topics;      // topic names: topics.name(Topic.GIT_PUSH)
 * @Inject CloudEventCodec codec;    // source /sluice/<sluice.service.name>
 * }</pre>
 */
@Singleton
public class KitProducers {

    @Produces
    @Singleton
    TopicsConfig topicsConfig(Config config) {
        return TopicsConfigReader.read(config);
    }

    @Produces
    @Singleton
    CloudEventCodec cloudEventCodec(TopicsConfig topics, ServiceConfig service) {
        return new CloudEventCodec(topics, CloudEventCodec.sourceFor(service.name()));
    }
}
