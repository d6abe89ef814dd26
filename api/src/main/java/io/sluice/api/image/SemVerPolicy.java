package io.sluice.api.image;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.sluice.api.meta.KeepsUnknownFields;

/**
 * Pick the highest tag within a SemVer range.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class SemVerPolicy extends KeepsUnknownFields {

    private String range;

    public String getRange() {
        return range;
    }

    public void setRange(String range) {
        this.range = range;
    }
}
