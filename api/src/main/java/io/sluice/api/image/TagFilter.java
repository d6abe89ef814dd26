package io.sluice.api.image;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.sluice.api.meta.KeepsUnknownFields;

/**
 * Keep only tags matching a regular expression, optionally comparing a capture group instead of the tag.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class TagFilter extends KeepsUnknownFields {

    private String pattern;
    /** Replacement such as {@code $ts} used as the value to order by. */
    private String extract;

    public String getPattern() {
        return pattern;
    }

    public void setPattern(String pattern) {
        this.pattern = pattern;
    }

    public String getExtract() {
        return extract;
    }

    public void setExtract(String extract) {
        this.extract = extract;
    }
}
