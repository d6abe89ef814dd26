package io.sluice.api.helm;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.sluice.api.meta.KeepsUnknownFields;

/**
 * Helm install settings ({@code spec.install}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class Install extends KeepsUnknownFields {

    private String timeout;
    private InstallRemediation remediation;
    private Boolean disableWait;
    private Boolean disableWaitForJobs;
    private Boolean disableHooks;
    private Boolean disableOpenAPIValidation;
    private Boolean disableSchemaValidation;
    private Boolean replace;
    private Boolean skipCRDs;
    /** Skip, Create or CreateReplace. */
    private String crds;
    private ActionStrategy strategy;
    private Boolean disableTakeOwnership;
    private Boolean createNamespace;

    public String getTimeout() {
        return timeout;
    }

    public void setTimeout(String timeout) {
        this.timeout = timeout;
    }

    public InstallRemediation getRemediation() {
        return remediation;
    }

    public void setRemediation(InstallRemediation remediation) {
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

    public Boolean getReplace() {
        return replace;
    }

    public void setReplace(Boolean replace) {
        this.replace = replace;
    }

    public Boolean getSkipCRDs() {
        return skipCRDs;
    }

    public void setSkipCRDs(Boolean skipCRDs) {
        this.skipCRDs = skipCRDs;
    }

    public String getCrds() {
        return crds;
    }

    public void setCrds(String crds) {
        this.crds = crds;
    }

    public Boolean getCreateNamespace() {
        return createNamespace;
    }

    public void setCreateNamespace(Boolean createNamespace) {
        this.createNamespace = createNamespace;
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
