package io.sluice.api.image;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.sluice.api.meta.KeepsUnknownFields;

import java.util.Map;

/**
 * Where automation commits are pushed.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class PushSpec extends KeepsUnknownFields {

    private String branch;
    private String refspec;
    private Map<String, String> options;

    public String getBranch() {
        return branch;
    }

    public void setBranch(String branch) {
        this.branch = branch;
    }

    public String getRefspec() {
        return refspec;
    }

    public void setRefspec(String refspec) {
        this.refspec = refspec;
    }

    public Map<String, String> getOptions() {
        return options;
    }

    public void setOptions(Map<String, String> options) {
        this.options = options;
    }
}
