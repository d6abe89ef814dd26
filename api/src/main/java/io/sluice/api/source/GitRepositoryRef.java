package io.sluice.api.source;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.sluice.api.meta.KeepsUnknownFields;

/**
 * Which Git reference to check out. Precedence, as in Flux: commit, name, semver, tag, branch.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class GitRepositoryRef extends KeepsUnknownFields {

    private String branch;
    private String tag;
    private String semver;
    /** A full Git reference, e.g. {@code refs/heads/main} or {@code refs/pull/1/head}. */
    private String name;
    private String commit;

    public String getBranch() {
        return branch;
    }

    public void setBranch(String branch) {
        this.branch = branch;
    }

    public String getTag() {
        return tag;
    }

    public void setTag(String tag) {
        this.tag = tag;
    }

    public String getSemver() {
        return semver;
    }

    public void setSemver(String semver) {
        this.semver = semver;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getCommit() {
        return commit;
    }

    public void setCommit(String commit) {
        this.commit = commit;
    }
}
