package io.sluice.api.image;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.sluice.api.meta.AccessFrom;
import io.sluice.api.meta.KeepsUnknownFields;
import io.sluice.api.meta.LocalObjectReference;

import java.util.List;

/**
 * The desired state of an {@link ImageRepository}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ImageRepositorySpec extends KeepsUnknownFields {

    private String image;
    private String interval;
    private String timeout;
    private LocalObjectReference secretRef;
    private LocalObjectReference proxySecretRef;
    private String serviceAccountName;
    private LocalObjectReference certSecretRef;
    private Boolean suspend;
    /** Namespaces whose ImagePolicies may refer to this repository (same namespace always may). */
    private AccessFrom accessFrom;
    /** Regular expressions for tags to ignore; Flux defaults to {@code ^.*\\.sig$}. */
    private List<String> exclusionList;
    /** generic, aws, azure or gcp. */
    private String provider;
    private Boolean insecure;

    public String getImage() {
        return image;
    }

    public void setImage(String image) {
        this.image = image;
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

    public LocalObjectReference getSecretRef() {
        return secretRef;
    }

    public void setSecretRef(LocalObjectReference secretRef) {
        this.secretRef = secretRef;
    }

    public LocalObjectReference getProxySecretRef() {
        return proxySecretRef;
    }

    public void setProxySecretRef(LocalObjectReference proxySecretRef) {
        this.proxySecretRef = proxySecretRef;
    }

    public String getServiceAccountName() {
        return serviceAccountName;
    }

    public void setServiceAccountName(String serviceAccountName) {
        this.serviceAccountName = serviceAccountName;
    }

    public LocalObjectReference getCertSecretRef() {
        return certSecretRef;
    }

    public void setCertSecretRef(LocalObjectReference certSecretRef) {
        this.certSecretRef = certSecretRef;
    }

    public Boolean getSuspend() {
        return suspend;
    }

    public void setSuspend(Boolean suspend) {
        this.suspend = suspend;
    }

    public AccessFrom getAccessFrom() {
        return accessFrom;
    }

    public void setAccessFrom(AccessFrom accessFrom) {
        this.accessFrom = accessFrom;
    }

    public List<String> getExclusionList() {
        return exclusionList;
    }

    public void setExclusionList(List<String> exclusionList) {
        this.exclusionList = exclusionList;
    }

    public String getProvider() {
        return provider;
    }

    public void setProvider(String provider) {
        this.provider = provider;
    }

    public Boolean getInsecure() {
        return insecure;
    }

    public void setInsecure(Boolean insecure) {
        this.insecure = insecure;
    }
}
