package io.sluice.api.flagger;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.sluice.api.meta.KeepsUnknownFields;

/**
 * Names a MetricTemplate; its namespace is the Canary's when unset.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class MetricTemplateReference extends KeepsUnknownFields {

    private String name;
    private String namespace;

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
}
