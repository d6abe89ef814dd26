package io.sluice.api.flagger;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.sluice.api.meta.KeepsUnknownFields;

/**
 * A reference to the object a Canary acts on ({@code targetRef}, {@code autoscalerRef}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class TargetReference extends KeepsUnknownFields {

    private String apiVersion;
    private String kind;
    private String name;

    public String getApiVersion() {
        return apiVersion;
    }

    public void setApiVersion(String apiVersion) {
        this.apiVersion = apiVersion;
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
}
