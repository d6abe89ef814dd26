package io.sluice.api.kustomize;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.sluice.api.meta.KeepsUnknownFields;

import java.util.List;
import java.util.Map;

/**
 * Variable substitution run on the built manifests ({@code ${var}}, {@code ${var:=default}}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class PostBuild extends KeepsUnknownFields {

    private Map<String, String> substitute;
    private List<SubstituteReference> substituteFrom;

    public Map<String, String> getSubstitute() {
        return substitute;
    }

    public void setSubstitute(Map<String, String> substitute) {
        this.substitute = substitute;
    }

    public List<SubstituteReference> getSubstituteFrom() {
        return substituteFrom;
    }

    public void setSubstituteFrom(List<SubstituteReference> substituteFrom) {
        this.substituteFrom = substituteFrom;
    }
}
