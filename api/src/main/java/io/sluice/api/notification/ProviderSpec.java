package io.sluice.api.notification;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.sluice.api.meta.KeepsUnknownFields;
import io.sluice.api.meta.LocalObjectReference;

/**
 * The desired state of a {@link Provider}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ProviderSpec extends KeepsUnknownFields {

    /** slack, msteams, discord, generic, generic-hmac, github, gitlab, ... */
    private String type;
    private String interval;
    private String channel;
    private String username;
    private String address;
    private String timeout;
    /** Deprecated in Flux; use proxySecretRef. */
    private String proxy;
    private LocalObjectReference proxySecretRef;
    private LocalObjectReference secretRef;
    private LocalObjectReference certSecretRef;
    private String commitStatusExpr;
    private String serviceAccountName;
    private Boolean suspend;

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public String getInterval() {
        return interval;
    }

    public void setInterval(String interval) {
        this.interval = interval;
    }

    public String getChannel() {
        return channel;
    }

    public void setChannel(String channel) {
        this.channel = channel;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getAddress() {
        return address;
    }

    public void setAddress(String address) {
        this.address = address;
    }

    public String getTimeout() {
        return timeout;
    }

    public void setTimeout(String timeout) {
        this.timeout = timeout;
    }

    public String getProxy() {
        return proxy;
    }

    public void setProxy(String proxy) {
        this.proxy = proxy;
    }

    public LocalObjectReference getProxySecretRef() {
        return proxySecretRef;
    }

    public void setProxySecretRef(LocalObjectReference proxySecretRef) {
        this.proxySecretRef = proxySecretRef;
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

    public String getCommitStatusExpr() {
        return commitStatusExpr;
    }

    public void setCommitStatusExpr(String commitStatusExpr) {
        this.commitStatusExpr = commitStatusExpr;
    }

    public String getServiceAccountName() {
        return serviceAccountName;
    }

    public void setServiceAccountName(String serviceAccountName) {
        this.serviceAccountName = serviceAccountName;
    }

    public Boolean getSuspend() {
        return suspend;
    }

    public void setSuspend(Boolean suspend) {
        this.suspend = suspend;
    }
}
