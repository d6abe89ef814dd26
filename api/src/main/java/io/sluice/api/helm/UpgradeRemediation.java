package io.sluice.api.helm;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.sluice.api.meta.KeepsUnknownFields;

/**
 * What to do when an upgrade fails.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class UpgradeRemediation extends KeepsUnknownFields {

    private Integer retries;
    private Boolean ignoreTestFailures;
    private Boolean remediateLastFailure;
    /** rollback or uninstall. */
    private String strategy;

    public Integer getRetries() {
        return retries;
    }

    public void setRetries(Integer retries) {
        this.retries = retries;
    }

    public Boolean getIgnoreTestFailures() {
        return ignoreTestFailures;
    }

    public void setIgnoreTestFailures(Boolean ignoreTestFailures) {
        this.ignoreTestFailures = ignoreTestFailures;
    }

    public Boolean getRemediateLastFailure() {
        return remediateLastFailure;
    }

    public void setRemediateLastFailure(Boolean remediateLastFailure) {
        this.remediateLastFailure = remediateLastFailure;
    }

    public String getStrategy() {
        return strategy;
    }

    public void setStrategy(String strategy) {
        this.strategy = strategy;
    }
}
