package io.sluice.api.helm;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.sluice.api.meta.KeepsUnknownFields;

import java.util.Map;

/**
 * One Helm release revision in the status history.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class Snapshot extends KeepsUnknownFields {

    private String digest;
    private String name;
    private String namespace;
    private Integer version;
    private String status;
    private String chartName;
    private String chartVersion;
    private String appVersion;
    private String configDigest;
    private String firstDeployed;
    private String lastDeployed;
    private String deleted;
    private String ociDigest;
    private String apiVersion;
    /** The test hooks run for this release, by name. */
    private Map<String, TestHookStatus> testHooks;

    public String getDigest() {
        return digest;
    }

    public void setDigest(String digest) {
        this.digest = digest;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getNamespace() {
        return namespace;
    }

    public void setNamespace(String namespace) {
        this.namespace = namespace;
    }

    public Integer getVersion() {
        return version;
    }

    public void setVersion(Integer version) {
        this.version = version;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public String getChartName() {
        return chartName;
    }

    public void setChartName(String chartName) {
        this.chartName = chartName;
    }

    public String getChartVersion() {
        return chartVersion;
    }

    public void setChartVersion(String chartVersion) {
        this.chartVersion = chartVersion;
    }

    public String getAppVersion() {
        return appVersion;
    }

    public void setAppVersion(String appVersion) {
        this.appVersion = appVersion;
    }

    public String getConfigDigest() {
        return configDigest;
    }

    public void setConfigDigest(String configDigest) {
        this.configDigest = configDigest;
    }

    public String getFirstDeployed() {
        return firstDeployed;
    }

    public void setFirstDeployed(String firstDeployed) {
        this.firstDeployed = firstDeployed;
    }

    public String getLastDeployed() {
        return lastDeployed;
    }

    public void setLastDeployed(String lastDeployed) {
        this.lastDeployed = lastDeployed;
    }

    public String getDeleted() {
        return deleted;
    }

    public void setDeleted(String deleted) {
        this.deleted = deleted;
    }

    public String getOciDigest() {
        return ociDigest;
    }

    public void setOciDigest(String ociDigest) {
        this.ociDigest = ociDigest;
    }

    public String getApiVersion() {
        return apiVersion;
    }

    public void setApiVersion(String apiVersion) {
        this.apiVersion = apiVersion;
    }

    public Map<String, TestHookStatus> getTestHooks() {
        return testHooks;
    }

    public void setTestHooks(Map<String, TestHookStatus> testHooks) {
        this.testHooks = testHooks;
    }
}
