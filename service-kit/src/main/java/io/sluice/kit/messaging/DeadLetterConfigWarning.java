package io.sluice.kit.messaging;

import io.quarkus.runtime.StartupEvent;
import io.sluice.api.messaging.TopicsConfig;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

import java.util.List;

/**
 * Logs a warning at start-up for every incoming channel on a Sluice topic that lacks the dead-letter set-up
 * (see {@link DeadLetterConfigCheck}). A warning, not a failure: the service still works until a poison record
 * arrives, and then the log already said why the channel stopped.
 */
@ApplicationScoped
public class DeadLetterConfigWarning {

    private static final Logger LOG = Logger.getLogger(DeadLetterConfigWarning.class);

    @Inject
    Config config;

    @Inject
    TopicsConfig topics;

    void onStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE + 1) StartupEvent event) {
        for (String problem : problems()) {
            LOG.warn(problem);
        }
    }

    /** The problems found in the current config; empty when every Sluice consumer channel has its dead-letter set-up. */
    public List<String> problems() {
        return DeadLetterConfigCheck.problems(config.getPropertyNames(), name -> config.getOptionalValue(name, String.class), topics);
    }
}
