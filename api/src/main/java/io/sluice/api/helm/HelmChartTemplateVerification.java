package io.sluice.api.helm;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.sluice.api.meta.KeepsUnknownFields;
import io.sluice.api.meta.LocalObjectReference;

/**
 * Verification of the chart's signature ({@code spec.chart.spec.verify}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class HelmChartTemplateVerification extends KeepsUnknownFields {

    /** cosign or notation. */
    private String provider;
    private LocalObjectReference secretRef;

    public String getProvider() {
        return provider;
    }

    public void setProvider(String provider) {
        this.provider = provider;
    }

    public LocalObjectReference getSecretRef() {
        return secretRef;
    }

    public void setSecretRef(LocalObjectReference secretRef) {
        this.secretRef = secretRef;
    }
}
