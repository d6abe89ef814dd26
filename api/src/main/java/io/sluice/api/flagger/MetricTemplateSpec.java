package io.sluice.api.flagger;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.sluice.api.meta.KeepsUnknownFields;

/**
 * The desired state of a {@link MetricTemplate}: where to ask and what.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class MetricTemplateSpec extends KeepsUnknownFields {

    private MetricTemplateProvider provider;
    /** The query, with Flagger's template variables ({@code {{ namespace }}}, {@code {{ target }}}, {@code {{ interval }}}, ...). */
    private String query;

    public MetricTemplateProvider getProvider() {
        return provider;
    }

    public void setProvider(MetricTemplateProvider provider) {
        this.provider = provider;
    }

    public String getQuery() {
        return query;
    }

    public void setQuery(String query) {
        this.query = query;
    }
}
