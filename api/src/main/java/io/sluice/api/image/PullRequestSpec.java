package io.sluice.api.image;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.sluice.api.meta.KeepsUnknownFields;
import io.sluice.api.meta.LocalObjectReference;

/**
 * Sluice only (not in Flux): instead of pushing to {@code push.branch}, put each ImagePolicy's change on a branch of
 * its own and open (or update) a pull request on GitHub, or a merge request on GitLab, through their REST APIs
 * ({@code spec.git.push.pullRequest}). Flux's own CRD does not have this field and would drop it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class PullRequestSpec extends KeepsUnknownFields {

    /** {@code github} or {@code gitlab}. */
    private String provider;
    /** The API's base URL: {@code https://api.github.com} (default for github), {@code https://gitlab.com/api/v4} (default for gitlab). */
    private String apiURL;
    /** {@code owner/name} on GitHub, the project path {@code group/project} on GitLab. */
    private String repository;
    /** The branch the pull request targets; default the checkout branch. */
    private String base;
    /** The branches' prefix; default {@code sluice/image-update/}. One branch per policy: {@code <prefix><namespace>-<name>}. */
    private String branchPrefix;
    /** A Secret in the automation's namespace with the API token under {@code token}. */
    private LocalObjectReference secretRef;

    public String getProvider() {
        return provider;
    }

    public void setProvider(String provider) {
        this.provider = provider;
    }

    public String getApiURL() {
        return apiURL;
    }

    public void setApiURL(String apiURL) {
        this.apiURL = apiURL;
    }

    public String getRepository() {
        return repository;
    }

    public void setRepository(String repository) {
        this.repository = repository;
    }

    public String getBase() {
        return base;
    }

    public void setBase(String base) {
        this.base = base;
    }

    public String getBranchPrefix() {
        return branchPrefix;
    }

    public void setBranchPrefix(String branchPrefix) {
        this.branchPrefix = branchPrefix;
    }

    public LocalObjectReference getSecretRef() {
        return secretRef;
    }

    public void setSecretRef(LocalObjectReference secretRef) {
        this.secretRef = secretRef;
    }
}
