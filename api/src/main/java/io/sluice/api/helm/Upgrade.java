package io.sluice.api.helm;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.sluice.api.meta.KeepsUnknownFields;

/**
 * Helm upgrade settings ({@code spec.upgrade}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class Upgrade extends KeepsUnknownFields {

    private String timeout;
    private UpgradeRemediation remediation;
    private Boolean disableWait;
    private Boolean disableWaitForJobs;
    private Boolean disableHooks;
    private Boolean disableOpenAPIValidation;
    private Boolean disableSchemaValidation;
    private Boolean force;
    private Boolean preserveValues;
    private Boolean cleanupOnFail;
    private String crds;
    private ActionStrategy strategy;
    private Boolean disableTakeOwnership;

    public String getTimeout() {
        return timeout;
    }

    public void setTimeout(String timeout) {
        this.timeout = timeout;
    }

    public UpgradeRemediation getRemediation() {
        return remediation;
    }

    public void setRemediation(UpgradeRemediation remediation) {
        this.remediation = remediation;
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

    public Boolean getDisableOpenAPIValidation() {
        return disableOpenAPIValidation;
    }

    public void setDisableOpenAPIValidation(Boolean disableOpenAPIValidation) {
        this.disableOpenAPIValidation = disableOpenAPIValidation;
    }

    public Boolean getDisableSchemaValidation() {
        return disableSchemaValidation;
    }

    public void setDisableSchemaValidation(Boolean disableSchemaValidation) {
        this.disableSchemaValidation = disableSchemaValidation;
    }

    public Boolean getForce() {
        return force;
    }

    public void setForce(Boolean force) {
        this.force = force;
    }

    public Boolean getPreserveValues() {
        return preserveValues;
    }

    public void setPreserveValues(Boolean preserveValues) {
        this.preserveValues = preserveValues;
    }

    public Boolean getCleanupOnFail() {
        return cleanupOnFail;
    }

    public void setCleanupOnFail(Boolean cleanupOnFail) {
        this.cleanupOnFail = cleanupOnFail;
    }

    public String getCrds() {
        return crds;
    }

    public void setCrds(String crds) {
        this.crds = crds;
    }

    public ActionStrategy getStrategy() {
        return strategy;
    }

    public void setStrategy(ActionStrategy strategy) {
        this.strategy = strategy;
    }

    public Boolean getDisableTakeOwnership() {
        return disableTakeOwnership;
    }

    public void setDisableTakeOwnership(Boolean disableTakeOwnership) {
        this.disableTakeOwnership = disableTakeOwnership;
    }
}
