package io.sluice.api.helm;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.sluice.api.meta.KeepsUnknownFields;

/**
 * Which Helm test hooks run ({@code spec.test.filters[]}): a hook by name, included or excluded.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class TestFilter extends KeepsUnknownFields {

    private String name;
    /** true: every test but this one runs. */
    private Boolean exclude;

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public Boolean getExclude() {
        return exclude;
    }

    public void setExclude(Boolean exclude) {
        this.exclude = exclude;
    }
}
