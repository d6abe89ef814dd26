package io.sluice.api.image;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.sluice.api.meta.KeepsUnknownFields;

/**
 * Pick the last tag in alphabetical or numerical order; {@code asc} (the default) picks the highest.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class OrderPolicy extends KeepsUnknownFields {

    /** asc or desc. */
    private String order;

    public String getOrder() {
        return order;
    }

    public void setOrder(String order) {
        this.order = order;
    }
}
