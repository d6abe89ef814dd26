package io.sluice.api.helm;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.sluice.api.meta.KeepsUnknownFields;

/**
 * Helm uninstall settings ({@code spec.uninstall}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class Uninstall extends KeepsUnknownFields {

    private String timeout;
    private Boolean disableHooks;
    private Boolean keepHistory;
    private Boolean disableWait;
    private String deletionPropagation;

    public String getTimeout() {
        return timeout;
    }

    public void setTimeout(String timeout) {
        this.timeout = timeout;
    }

    public Boolean getDisableHooks() {
        return disableHooks;
    }

    public void setDisableHooks(Boolean disableHooks) {
        this.disableHooks = disableHooks;
    }

    public Boolean getKeepHistory() {
        return keepHistory;
    }

    public void setKeepHistory(Boolean keepHistory) {
        this.keepHistory = keepHistory;
    }

    public Boolean getDisableWait() {
        return disableWait;
    }

    public void setDisableWait(Boolean disableWait) {
        this.disableWait = disableWait;
    }

    public String getDeletionPropagation() {
        return deletionPropagation;
    }

    public void setDeletionPropagation(String deletionPropagation) {
        this.deletionPropagation = deletionPropagation;
    }
}
