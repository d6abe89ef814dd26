package io.sluice.api.meta;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnore;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Base of every spec, status and nested object of the Flux kinds: fields Sluice does not model (a newer Flux
 * field, a typo) are kept here as read and written back unchanged, so that updating an object never drops
 * part of a user's manifest. This is what fabric8's generated models do with {@code additionalProperties}.
 *
 * <p>Services that want to reject unknown fields can check {@link #getAdditionalProperties()} is empty.
 */
public abstract class KeepsUnknownFields {

    @JsonIgnore
    private Map<String, Object> additionalProperties = new LinkedHashMap<>();

    /**
     * Fields this class does not model, in the order they were read.
     *
     * <p>{@code @JsonIgnore} beside {@code @JsonAnyGetter}: since Jackson 2.19 the any-getter also shows up as a
     * bean property, and fabric8's crd-generator would then put a bogus {@code getAdditionalProperties} field
     * into every CRD schema. Ignoring it as a property keeps the schema clean; Jackson still writes the map's
     * entries as fields (tested in FluxDocsRoundTripTest).
     */
    @JsonAnyGetter
    @JsonIgnore
    public Map<String, Object> getAdditionalProperties() {
        return additionalProperties;
    }

    @JsonAnySetter
    public void setAdditionalProperty(String name, Object value) {
        additionalProperties.put(name, value);
    }

    public void setAdditionalProperties(Map<String, Object> additionalProperties) {
        this.additionalProperties = additionalProperties == null ? new LinkedHashMap<>() : new LinkedHashMap<>(additionalProperties);
    }
}
