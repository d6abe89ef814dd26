package io.sluice.api.helm;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.sluice.api.meta.KeepsUnknownFields;

/**
 * Helm rollback settings ({@code spec.rollback}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class Rollback extends KeepsUnknownFields {

    private String timeout;
    private Boolean disableWait;
    private Boolean disableWaitForJobs;
    private Boolean disableHooks;
    private Boolean recreate;
    private Boolean force;
    private Boolean cleanupOnFail;

    public String getTimeout() {
        return timeout;
    }

    public void setTimeout(String timeout) {
        this.timeout = timeout;
    }

    public Boolean getDisableWait() {
        return disableWait;
    }

    public void setDisableWait(Boolean disableWait) {
        this.disableWait = disableWait;
    }

    public Boolean getDisableWaitForJobs() {
        return disableWaitForJobs;
    }

    public void setDisableWaitForJobs(Boolean disableWaitForJobs) {
        this.disableWaitForJobs = disableWaitForJobs;
    }

    public Boolean getDisableHooks() {
        return disableHooks;
    }

    public void setDisableHooks(Boolean disableHooks) {
        this.disableHooks = disableHooks;
    }

    public Boolean getRecreate() {
        return recreate;
    }

    public void setRecreate(Boolean recreate) {
        this.recreate = recreate;
    }

    public Boolean getForce() {
        return force;
    }

    public void setForce(Boolean force) {
        this.force = force;
    }

    public Boolean getCleanupOnFail() {
        return cleanupOnFail;
    }

    public void setCleanupOnFail(Boolean cleanupOnFail) {
        this.cleanupOnFail = cleanupOnFail;
    }
}
