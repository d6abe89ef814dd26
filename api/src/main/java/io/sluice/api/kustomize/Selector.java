package io.sluice.api.kustomize;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.sluice.api.meta.KeepsUnknownFields;

/**
 * Selects the objects a patch applies to (Flux kustomize.Selector).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class Selector extends KeepsUnknownFields {

    private String group;
    private String version;
    private String kind;
    private String name;
    private String namespace;
    private String annotationSelector;
    private String labelSelector;

    public String getGroup() {
        return group;
    }

    public void setGroup(String group) {
        this.group = group;
    }

    public String getVersion() {
        return version;
    }

    public void setVersion(String version) {
        this.version = version;
    }

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
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

    public String getAnnotationSelector() {
        return annotationSelector;
    }

    public void setAnnotationSelector(String annotationSelector) {
        this.annotationSelector = annotationSelector;
    }

    public String getLabelSelector() {
        return labelSelector;
    }

    public void setLabelSelector(String labelSelector) {
        this.labelSelector = labelSelector;
    }
}
