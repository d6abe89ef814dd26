package io.sluice.api.image;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.sluice.api.meta.CrossNamespaceSourceReference;
import io.sluice.api.meta.KeepsUnknownFields;

/**
 * The desired state of an {@link ImageUpdateAutomation}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ImageUpdateAutomationSpec extends KeepsUnknownFields {

    private CrossNamespaceSourceReference sourceRef;
    private GitSpec git;
    private String interval;
    private LabelSelector policySelector;
    private UpdateStrategy update;
    private Boolean suspend;

    public CrossNamespaceSourceReference getSourceRef() {
        return sourceRef;
    }

    public void setSourceRef(CrossNamespaceSourceReference sourceRef) {
        this.sourceRef = sourceRef;
    }

    public GitSpec getGit() {
        return git;
    }

    public void setGit(GitSpec git) {
        this.git = git;
    }

    public String getInterval() {
        return interval;
    }

    public void setInterval(String interval) {
        this.interval = interval;
    }

    public LabelSelector getPolicySelector() {
        return policySelector;
    }

    public void setPolicySelector(LabelSelector policySelector) {
        this.policySelector = policySelector;
    }

    public UpdateStrategy getUpdate() {
        return update;
    }

    public void setUpdate(UpdateStrategy update) {
        this.update = update;
    }

    public Boolean getSuspend() {
        return suspend;
    }

    public void setSuspend(Boolean suspend) {
        this.suspend = suspend;
    }
}
