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
    /** Sluice only: one pull/merge request per policy change instead of a push to {@code branch}. */
    private PullRequestSpec pullRequest;

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

    public PullRequestSpec getPullRequest() {
        return pullRequest;
    }

    public void setPullRequest(PullRequestSpec pullRequest) {
        this.pullRequest = pullRequest;
    }

    public Map<String, String> getOptions() {
        return options;
    }

    public void setOptions(Map<String, String> options) {
        this.options = options;
    }
}
