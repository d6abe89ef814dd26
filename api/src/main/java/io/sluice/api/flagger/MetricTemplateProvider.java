package io.sluice.api.flagger;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.sluice.api.meta.KeepsUnknownFields;

/**
 * Where a MetricTemplate's query runs; Sluice reads type {@code prometheus}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class MetricTemplateProvider extends KeepsUnknownFields {

    private String type;
    private String address;
    /** Secret with {@code username}/{@code password} or {@code token} (not read yet). */
    private io.sluice.api.meta.LocalObjectReference secretRef;
    private Boolean insecureSkipVerify;

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public String getAddress() {
        return address;
    }

    public void setAddress(String address) {
        this.address = address;
    }

    public io.sluice.api.meta.LocalObjectReference getSecretRef() {
        return secretRef;
    }

    public void setSecretRef(io.sluice.api.meta.LocalObjectReference secretRef) {
        this.secretRef = secretRef;
    }

    public Boolean getInsecureSkipVerify() {
        return insecureSkipVerify;
    }

    public void setInsecureSkipVerify(Boolean insecureSkipVerify) {
        this.insecureSkipVerify = insecureSkipVerify;
    }
}
