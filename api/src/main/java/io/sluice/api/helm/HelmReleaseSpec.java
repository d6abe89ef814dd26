package io.sluice.api.helm;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.crd.generator.annotation.PreserveUnknownFields;
import io.fabric8.crd.generator.annotation.SchemaFrom;
import io.sluice.api.meta.CrossNamespaceSourceReference;
import io.sluice.api.meta.DependencyReference;
import io.sluice.api.meta.KeepsUnknownFields;
import io.sluice.api.meta.KubeConfigReference;
import io.sluice.api.meta.ObjectMetadata;

import java.util.List;
import java.util.Map;

/**
 * The desired state of a {@link HelmRelease}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class HelmReleaseSpec extends KeepsUnknownFields {

    private HelmChartTemplate chart;
    private CrossNamespaceSourceReference chartRef;
    private String interval;
    private KubeConfigReference kubeConfig;
    private Boolean suspend;
    private String releaseName;
    private String targetNamespace;
    private String storageNamespace;
    private List<DependencyReference> dependsOn;
    private String timeout;
    private Integer maxHistory;
    private String serviceAccountName;
    private Boolean persistentClient;
    private DriftDetection driftDetection;
    private Install install;
    private Upgrade upgrade;
    private ReleaseTest test;
    private Rollback rollback;
    private Uninstall uninstall;
    private List<ValuesReference> valuesFrom;
    /** Free-form chart values, kept as read. */
    // Any JSON: the schema must not constrain the value types (a Map<String, Object> would say "object").
    @PreserveUnknownFields
    @SchemaFrom(type = JsonNode.class)
    private Map<String, Object> values;
    private List<PostRenderer> postRenderers;
    private ObjectMetadata commonMetadata;

    public HelmChartTemplate getChart() {
        return chart;
    }

    public void setChart(HelmChartTemplate chart) {
        this.chart = chart;
    }

    public CrossNamespaceSourceReference getChartRef() {
        return chartRef;
    }

    public void setChartRef(CrossNamespaceSourceReference chartRef) {
        this.chartRef = chartRef;
    }

    public String getInterval() {
        return interval;
    }

    public void setInterval(String interval) {
        this.interval = interval;
    }

    public KubeConfigReference getKubeConfig() {
        return kubeConfig;
    }

    public void setKubeConfig(KubeConfigReference kubeConfig) {
        this.kubeConfig = kubeConfig;
    }

    public Boolean getSuspend() {
        return suspend;
    }

    public void setSuspend(Boolean suspend) {
        this.suspend = suspend;
    }

    public String getReleaseName() {
        return releaseName;
    }

    public void setReleaseName(String releaseName) {
        this.releaseName = releaseName;
    }

    public String getTargetNamespace() {
        return targetNamespace;
    }

    public void setTargetNamespace(String targetNamespace) {
        this.targetNamespace = targetNamespace;
    }

    public String getStorageNamespace() {
        return storageNamespace;
    }

    public void setStorageNamespace(String storageNamespace) {
        this.storageNamespace = storageNamespace;
    }

    public List<DependencyReference> getDependsOn() {
        return dependsOn;
    }

    public void setDependsOn(List<DependencyReference> dependsOn) {
        this.dependsOn = dependsOn;
    }

    public String getTimeout() {
        return timeout;
    }

    public void setTimeout(String timeout) {
        this.timeout = timeout;
    }

    public Integer getMaxHistory() {
        return maxHistory;
    }

    public void setMaxHistory(Integer maxHistory) {
        this.maxHistory = maxHistory;
    }

    public String getServiceAccountName() {
        return serviceAccountName;
    }

    public void setServiceAccountName(String serviceAccountName) {
        this.serviceAccountName = serviceAccountName;
    }

    public Boolean getPersistentClient() {
        return persistentClient;
    }

    public void setPersistentClient(Boolean persistentClient) {
        this.persistentClient = persistentClient;
    }

    public DriftDetection getDriftDetection() {
        return driftDetection;
    }

    public void setDriftDetection(DriftDetection driftDetection) {
        this.driftDetection = driftDetection;
    }

    public Install getInstall() {
        return install;
    }

    public void setInstall(Install install) {
        this.install = install;
    }

    public Upgrade getUpgrade() {
        return upgrade;
    }

    public void setUpgrade(Upgrade upgrade) {
        this.upgrade = upgrade;
    }

    public ReleaseTest getTest() {
        return test;
    }

    public void setTest(ReleaseTest test) {
        this.test = test;
    }

    public Rollback getRollback() {
        return rollback;
    }

    public void setRollback(Rollback rollback) {
        this.rollback = rollback;
    }

    public Uninstall getUninstall() {
        return uninstall;
    }

    public void setUninstall(Uninstall uninstall) {
        this.uninstall = uninstall;
    }

    public List<ValuesReference> getValuesFrom() {
        return valuesFrom;
    }

    public void setValuesFrom(List<ValuesReference> valuesFrom) {
        this.valuesFrom = valuesFrom;
    }

    public Map<String, Object> getValues() {
        return values;
    }

    public void setValues(Map<String, Object> values) {
        this.values = values;
    }

    public List<PostRenderer> getPostRenderers() {
        return postRenderers;
    }

    public void setPostRenderers(List<PostRenderer> postRenderers) {
        this.postRenderers = postRenderers;
    }

    public ObjectMetadata getCommonMetadata() {
        return commonMetadata;
    }

    public void setCommonMetadata(ObjectMetadata commonMetadata) {
        this.commonMetadata = commonMetadata;
    }
}
