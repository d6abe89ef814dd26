package io.sluice.api.source;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.sluice.api.meta.KeepsUnknownFields;
import io.sluice.api.meta.LocalObjectReference;

import java.util.List;

/**
 * The desired state of a {@link GitRepository}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class GitRepositorySpec extends KeepsUnknownFields {

    /** Repository address: http(s)://, ssh:// or git@host:path. */
    private String url;
    private LocalObjectReference secretRef;
    /** generic, azure or github. */
    private String provider;
    private String interval;
    private String timeout;
    private GitRepositoryRef ref;
    private GitRepositoryVerification verify;
    private LocalObjectReference proxySecretRef;
    /** .gitignore-style patterns for files to leave out of the artifact. */
    private String ignore;
    private Boolean suspend;
    private Boolean recurseSubmodules;
    private List<GitRepositoryInclude> include;
    private List<String> sparseCheckout;
    private String serviceAccountName;

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }

    public LocalObjectReference getSecretRef() {
        return secretRef;
    }

    public void setSecretRef(LocalObjectReference secretRef) {
        this.secretRef = secretRef;
    }

    public String getProvider() {
        return provider;
    }

    public void setProvider(String provider) {
        this.provider = provider;
    }

    public String getInterval() {
        return interval;
    }

    public void setInterval(String interval) {
        this.interval = interval;
    }

    public String getTimeout() {
        return timeout;
    }

    public void setTimeout(String timeout) {
        this.timeout = timeout;
    }

    public GitRepositoryRef getRef() {
        return ref;
    }

    public void setRef(GitRepositoryRef ref) {
        this.ref = ref;
    }

    public GitRepositoryVerification getVerify() {
        return verify;
    }

    public void setVerify(GitRepositoryVerification verify) {
        this.verify = verify;
    }

    public LocalObjectReference getProxySecretRef() {
        return proxySecretRef;
    }

    public void setProxySecretRef(LocalObjectReference proxySecretRef) {
        this.proxySecretRef = proxySecretRef;
    }

    public String getIgnore() {
        return ignore;
    }

    public void setIgnore(String ignore) {
        this.ignore = ignore;
    }

    public Boolean getSuspend() {
        return suspend;
    }

    public void setSuspend(Boolean suspend) {
        this.suspend = suspend;
    }

    public Boolean getRecurseSubmodules() {
        return recurseSubmodules;
    }

    public void setRecurseSubmodules(Boolean recurseSubmodules) {
        this.recurseSubmodules = recurseSubmodules;
    }

    public List<GitRepositoryInclude> getInclude() {
        return include;
    }

    public void setInclude(List<GitRepositoryInclude> include) {
        this.include = include;
    }

    public List<String> getSparseCheckout() {
        return sparseCheckout;
    }

    public void setSparseCheckout(List<String> sparseCheckout) {
        this.sparseCheckout = sparseCheckout;
    }

    public String getServiceAccountName() {
        return serviceAccountName;
    }

    public void setServiceAccountName(String serviceAccountName) {
        this.serviceAccountName = serviceAccountName;
    }
}
