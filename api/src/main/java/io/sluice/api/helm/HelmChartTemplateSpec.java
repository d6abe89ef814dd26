package io.sluice.api.helm;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.sluice.api.meta.CrossNamespaceSourceReference;
import io.sluice.api.meta.KeepsUnknownFields;

import java.util.List;

/**
 * Which chart to use: its name or path in the source, version range, and the source it comes from.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class HelmChartTemplateSpec extends KeepsUnknownFields {

    private String chart;
    /** A SemVer range; defaults to {@code *}. */
    private String version;
    private CrossNamespaceSourceReference sourceRef;
    private String interval;
    /** ChartVersion or Revision. */
    private String reconcileStrategy;
    private List<String> valuesFiles;
    private Boolean ignoreMissingValuesFiles;
    private HelmChartTemplateVerification verify;

    public String getChart() {
        return chart;
    }

    public void setChart(String chart) {
        this.chart = chart;
    }

    public String getVersion() {
        return version;
    }

    public void setVersion(String version) {
        this.version = version;
    }

    public CrossNamespaceSourceReference getSourceRef() {
        return sourceRef;
    }

    public void setSourceRef(CrossNamespaceSourceReference sourceRef) {
        this.sourceRef = sourceRef;
    }

    public String getInterval() {
        return interval;
    }

    public void setInterval(String interval) {
        this.interval = interval;
    }

    public String getReconcileStrategy() {
        return reconcileStrategy;
    }

    public void setReconcileStrategy(String reconcileStrategy) {
        this.reconcileStrategy = reconcileStrategy;
    }

    public List<String> getValuesFiles() {
        return valuesFiles;
    }

    public void setValuesFiles(List<String> valuesFiles) {
        this.valuesFiles = valuesFiles;
    }

    public Boolean getIgnoreMissingValuesFiles() {
        return ignoreMissingValuesFiles;
    }

    public void setIgnoreMissingValuesFiles(Boolean ignoreMissingValuesFiles) {
        this.ignoreMissingValuesFiles = ignoreMissingValuesFiles;
    }

    public HelmChartTemplateVerification getVerify() {
        return verify;
    }

    public void setVerify(HelmChartTemplateVerification verify) {
        this.verify = verify;
    }
}
