package io.sluice.api.helm;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.sluice.api.meta.KeepsUnknownFields;

/**
 * The last run of one test hook ({@code status.history[].testHooks[name]}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class TestHookStatus extends KeepsUnknownFields {

    private String lastStarted;
    private String lastCompleted;
    /** Succeeded, Failed, Running or Unknown. */
    private String phase;

    public String getLastStarted() {
        return lastStarted;
    }

    public void setLastStarted(String lastStarted) {
        this.lastStarted = lastStarted;
    }

    public String getLastCompleted() {
        return lastCompleted;
    }

    public void setLastCompleted(String lastCompleted) {
        this.lastCompleted = lastCompleted;
    }

    public String getPhase() {
        return phase;
    }

    public void setPhase(String phase) {
        this.phase = phase;
    }
}
