package io.sluice.api.source;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.sluice.api.meta.AccessFrom;
import io.sluice.api.meta.KeepsUnknownFields;
import io.sluice.api.meta.LocalObjectReference;

/**
 * The desired state of a {@link HelmRepository}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class HelmRepositorySpec extends KeepsUnknownFields {

    /** {@code http(s)://} address of the chart repository (its {@code index.yaml} is below it), or {@code oci://}. */
    private String url;
    /** A Secret with {@code username} and {@code password} (basic auth); for {@code oci} also a dockerconfigjson. */
    private LocalObjectReference secretRef;
    /** A Secret with {@code ca.crt} (and/or {@code tls.crt}, {@code tls.key}) for TLS with the repository. */
    private LocalObjectReference certSecretRef;
    /** Send the credentials also to chart URLs on another host than {@code url}'s. */
    private Boolean passCredentials;
    private String interval;
    /** {@code oci} only: plain HTTP instead of HTTPS. */
    private Boolean insecure;
    /** Download timeout of the index (and of charts); default 60s. */
    private String timeout;
    private Boolean suspend;
    private AccessFrom accessFrom;
    /** {@code default} (an HTTP index) or {@code oci}. */
    private String type;
    private String provider;

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

    public LocalObjectReference getCertSecretRef() {
        return certSecretRef;
    }

    public void setCertSecretRef(LocalObjectReference certSecretRef) {
        this.certSecretRef = certSecretRef;
    }

    public Boolean getPassCredentials() {
        return passCredentials;
    }

    public void setPassCredentials(Boolean passCredentials) {
        this.passCredentials = passCredentials;
    }

    public String getInterval() {
        return interval;
    }

    public void setInterval(String interval) {
        this.interval = interval;
    }

    public Boolean getInsecure() {
        return insecure;
    }

    public void setInsecure(Boolean insecure) {
        this.insecure = insecure;
    }

    public String getTimeout() {
        return timeout;
    }

    public void setTimeout(String timeout) {
        this.timeout = timeout;
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

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public String getProvider() {
        return provider;
    }

    public void setProvider(String provider) {
        this.provider = provider;
    }
}
