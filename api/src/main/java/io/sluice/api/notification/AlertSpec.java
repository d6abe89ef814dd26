package io.sluice.api.notification;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.sluice.api.meta.KeepsUnknownFields;
import io.sluice.api.meta.LocalObjectReference;

import java.util.List;
import java.util.Map;

/**
 * The desired state of an {@link Alert}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class AlertSpec extends KeepsUnknownFields {

    private LocalObjectReference providerRef;
    /** info (all events) or error. */
    private String eventSeverity;
    private List<CrossNamespaceObjectReference> eventSources;
    private List<String> inclusionList;
    private List<String> exclusionList;
    private Map<String, String> eventMetadata;
    /** Deprecated in Flux; use eventMetadata.summary. */
    private String summary;
    private Boolean suspend;

    public LocalObjectReference getProviderRef() {
        return providerRef;
    }

    public void setProviderRef(LocalObjectReference providerRef) {
        this.providerRef = providerRef;
    }

    public String getEventSeverity() {
        return eventSeverity;
    }

    public void setEventSeverity(String eventSeverity) {
        this.eventSeverity = eventSeverity;
    }

    public List<CrossNamespaceObjectReference> getEventSources() {
        return eventSources;
    }

    public void setEventSources(List<CrossNamespaceObjectReference> eventSources) {
        this.eventSources = eventSources;
    }

    public List<String> getInclusionList() {
        return inclusionList;
    }

    public void setInclusionList(List<String> inclusionList) {
        this.inclusionList = inclusionList;
    }

    public List<String> getExclusionList() {
        return exclusionList;
    }

    public void setExclusionList(List<String> exclusionList) {
        this.exclusionList = exclusionList;
    }

    public Map<String, String> getEventMetadata() {
        return eventMetadata;
    }

    public void setEventMetadata(Map<String, String> eventMetadata) {
        this.eventMetadata = eventMetadata;
    }

    public String getSummary() {
        return summary;
    }

    public void setSummary(String summary) {
        this.summary = summary;
    }

    public Boolean getSuspend() {
        return suspend;
    }

    public void setSuspend(Boolean suspend) {
        this.suspend = suspend;
    }
}
