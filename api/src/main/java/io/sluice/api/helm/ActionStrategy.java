package io.sluice.api.helm;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.sluice.api.meta.KeepsUnknownFields;

/**
 * How a failed install or upgrade is retried ({@code spec.install.strategy}, {@code spec.upgrade.strategy}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ActionStrategy extends KeepsUnknownFields {

    /** RemediateOnFailure (default) or RetryOnFailure. */
    private String name;
    /** With RetryOnFailure: the wait before the next attempt (default 5m). */
    private String retryInterval;

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getRetryInterval() {
        return retryInterval;
    }

    public void setRetryInterval(String retryInterval) {
        this.retryInterval = retryInterval;
    }
}
