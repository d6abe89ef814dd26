package io.sluice.api.source;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.sluice.api.meta.KeepsUnknownFields;

import java.util.List;

/**
 * The desired state of a {@link HelmChart}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class HelmChartSpec extends KeepsUnknownFields {

    /** The chart's name in a HelmRepository, or its folder (or packaged .tgz) in a GitRepository's artifact. */
    private String chart;
    /** A SemVer range; {@code *} (the latest stable version) when missing. Ignored for charts from Git. */
    private String version;
    private LocalHelmChartSourceReference sourceRef;
    private String interval;
    /**
     * {@code ChartVersion} (default): a new artifact for a new chart version; {@code Revision}: also for a new
     * source revision (the version gets {@code +<12 hex of the revision>}).
     */
    private String reconcileStrategy;
    /** Values files merged, in order, into the chart's {@code values.yaml}. */
    private List<String> valuesFiles;
    private Boolean ignoreMissingValuesFiles;
    private Boolean suspend;
    private HelmChartVerification verify;

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

    public LocalHelmChartSourceReference getSourceRef() {
        return sourceRef;
    }

    public void setSourceRef(LocalHelmChartSourceReference sourceRef) {
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

    public Boolean getSuspend() {
        return suspend;
    }

    public void setSuspend(Boolean suspend) {
        this.suspend = suspend;
    }

    public HelmChartVerification getVerify() {
        return verify;
    }

    public void setVerify(HelmChartVerification verify) {
        this.verify = verify;
    }
}
