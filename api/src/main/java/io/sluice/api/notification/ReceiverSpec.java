package io.sluice.api.notification;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.sluice.api.meta.KeepsUnknownFields;
import io.sluice.api.meta.LocalObjectReference;

import java.util.List;

/**
 * The desired state of a {@link Receiver}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ReceiverSpec extends KeepsUnknownFields {

    /** generic, generic-hmac, github, gitlab, bitbucket, harbor, dockerhub, quay, gcr, nexus, acr, cdevents. */
    private String type;
    private String interval;
    private List<String> events;
    private List<CrossNamespaceObjectReference> resources;
    private String resourceFilter;
    private LocalObjectReference secretRef;
    private Boolean suspend;

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public String getInterval() {
        return interval;
    }

    public void setInterval(String interval) {
        this.interval = interval;
    }

    public List<String> getEvents() {
        return events;
    }

    public void setEvents(List<String> events) {
        this.events = events;
    }

    public List<CrossNamespaceObjectReference> getResources() {
        return resources;
    }

    public void setResources(List<CrossNamespaceObjectReference> resources) {
        this.resources = resources;
    }

    public String getResourceFilter() {
        return resourceFilter;
    }

    public void setResourceFilter(String resourceFilter) {
        this.resourceFilter = resourceFilter;
    }

    public LocalObjectReference getSecretRef() {
        return secretRef;
    }

    public void setSecretRef(LocalObjectReference secretRef) {
        this.secretRef = secretRef;
    }

    public Boolean getSuspend() {
        return suspend;
    }

    public void setSuspend(Boolean suspend) {
        this.suspend = suspend;
    }
}
