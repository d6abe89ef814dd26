package io.sluice.api.source;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.sluice.api.meta.KeepsUnknownFields;
import io.sluice.api.meta.LocalObjectReference;

/**
 * The desired state of an {@link OCIRepository}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class OCIRepositorySpec extends KeepsUnknownFields {

    /** {@code oci://<host>/<repository>}, without a tag. */
    private String url;
    private OCIRepositoryRef ref;
    private OCILayerSelector layerSelector;
    /** {@code generic}, {@code aws}, {@code azure} or {@code gcp}. */
    private String provider;
    /** A {@code kubernetes.io/dockerconfigjson} Secret with the registry's credentials. */
    private LocalObjectReference secretRef;
    private OCIRepositoryVerification verify;
    private String serviceAccountName;
    /** A Secret with {@code ca.crt}: the CA certificate to trust for the registry. */
    private LocalObjectReference certSecretRef;
    private LocalObjectReference proxySecretRef;
    private String interval;
    private String timeout;
    /** {@code .gitignore}-style patterns for files to leave out of an extracted layer. */
    private String ignore;
    /** Plain HTTP instead of HTTPS. */
    private Boolean insecure;
    private Boolean suspend;

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }

    public OCIRepositoryRef getRef() {
        return ref;
    }

    public void setRef(OCIRepositoryRef ref) {
        this.ref = ref;
    }

    public OCILayerSelector getLayerSelector() {
        return layerSelector;
    }

    public void setLayerSelector(OCILayerSelector layerSelector) {
        this.layerSelector = layerSelector;
    }

    public String getProvider() {
        return provider;
    }

    public void setProvider(String provider) {
        this.provider = provider;
    }

    public LocalObjectReference getSecretRef() {
        return secretRef;
    }

    public void setSecretRef(LocalObjectReference secretRef) {
        this.secretRef = secretRef;
    }

    public OCIRepositoryVerification getVerify() {
        return verify;
    }

    public void setVerify(OCIRepositoryVerification verify) {
        this.verify = verify;
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

    public LocalObjectReference getProxySecretRef() {
        return proxySecretRef;
    }

    public void setProxySecretRef(LocalObjectReference proxySecretRef) {
        this.proxySecretRef = proxySecretRef;
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

    public String getIgnore() {
        return ignore;
    }

    public void setIgnore(String ignore) {
        this.ignore = ignore;
    }

    public Boolean getInsecure() {
        return insecure;
    }

    public void setInsecure(Boolean insecure) {
        this.insecure = insecure;
    }

    public Boolean getSuspend() {
        return suspend;
    }

    public void setSuspend(Boolean suspend) {
        this.suspend = suspend;
    }
}
