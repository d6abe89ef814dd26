package io.sluice.api.helm;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.sluice.api.meta.KeepsUnknownFields;

import java.util.List;

/**
 * Helm test settings ({@code spec.test}); Flux calls this type Test.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ReleaseTest extends KeepsUnknownFields {

    private Boolean enable;
    private String timeout;
    private Boolean ignoreFailures;
    /** Which test hooks run; all when absent. */
    private List<TestFilter> filters;

    public Boolean getEnable() {
        return enable;
    }

    public void setEnable(Boolean enable) {
        this.enable = enable;
    }

    public String getTimeout() {
        return timeout;
    }

    public void setTimeout(String timeout) {
        this.timeout = timeout;
    }

    public Boolean getIgnoreFailures() {
        return ignoreFailures;
    }

    public void setIgnoreFailures(Boolean ignoreFailures) {
        this.ignoreFailures = ignoreFailures;
    }

    public List<TestFilter> getFilters() {
        return filters;
    }

    public void setFilters(List<TestFilter> filters) {
        this.filters = filters;
    }
}
