package io.sluice.api.kustomize;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.sluice.api.meta.CrossNamespaceSourceReference;
import io.sluice.api.meta.DependencyReference;
import io.sluice.api.meta.KeepsUnknownFields;
import io.sluice.api.meta.KubeConfigReference;
import io.sluice.api.meta.NamespacedObjectKindReference;
import io.sluice.api.meta.ObjectMetadata;

import java.util.List;

/**
 * The desired state of a {@link Kustomization}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class KustomizationSpec extends KeepsUnknownFields {

    private CrossNamespaceSourceReference sourceRef;
    private String path;
    private String interval;
    private String retryInterval;
    private String timeout;
    private Boolean prune;
    private String deletionPolicy;
    private Boolean wait;
    private Boolean force;
    private Boolean suspend;
    private String targetNamespace;
    private String namePrefix;
    private String nameSuffix;
    private String serviceAccountName;
    private List<DependencyReference> dependsOn;
    private List<NamespacedObjectKindReference> healthChecks;
    private List<CustomHealthCheck> healthCheckExprs;
    private List<Patch> patches;
    private List<Image> images;
    private List<String> components;
    private Boolean ignoreMissingComponents;
    private ObjectMetadata commonMetadata;
    private PostBuild postBuild;
    private Decryption decryption;
    private KubeConfigReference kubeConfig;

    public CrossNamespaceSourceReference getSourceRef() {
        return sourceRef;
    }

    public void setSourceRef(CrossNamespaceSourceReference sourceRef) {
        this.sourceRef = sourceRef;
    }

    public String getPath() {
        return path;
    }

    public void setPath(String path) {
        this.path = path;
    }

    public String getInterval() {
        return interval;
    }

    public void setInterval(String interval) {
        this.interval = interval;
    }

    public String getRetryInterval() {
        return retryInterval;
    }

    public void setRetryInterval(String retryInterval) {
        this.retryInterval = retryInterval;
    }

    public String getTimeout() {
        return timeout;
    }

    public void setTimeout(String timeout) {
        this.timeout = timeout;
    }

    public Boolean getPrune() {
        return prune;
    }

    public void setPrune(Boolean prune) {
        this.prune = prune;
    }

    public String getDeletionPolicy() {
        return deletionPolicy;
    }

    public void setDeletionPolicy(String deletionPolicy) {
        this.deletionPolicy = deletionPolicy;
    }

    public Boolean getWait() {
        return wait;
    }

    public void setWait(Boolean wait) {
        this.wait = wait;
    }

    public Boolean getForce() {
        return force;
    }

    public void setForce(Boolean force) {
        this.force = force;
    }

    public Boolean getSuspend() {
        return suspend;
    }

    public void setSuspend(Boolean suspend) {
        this.suspend = suspend;
    }

    public String getTargetNamespace() {
        return targetNamespace;
    }

    public void setTargetNamespace(String targetNamespace) {
        this.targetNamespace = targetNamespace;
    }

    public String getNamePrefix() {
        return namePrefix;
    }

    public void setNamePrefix(String namePrefix) {
        this.namePrefix = namePrefix;
    }

    public String getNameSuffix() {
        return nameSuffix;
    }

    public void setNameSuffix(String nameSuffix) {
        this.nameSuffix = nameSuffix;
    }

    public String getServiceAccountName() {
        return serviceAccountName;
    }

    public void setServiceAccountName(String serviceAccountName) {
        this.serviceAccountName = serviceAccountName;
    }

    public List<DependencyReference> getDependsOn() {
        return dependsOn;
    }

    public void setDependsOn(List<DependencyReference> dependsOn) {
        this.dependsOn = dependsOn;
    }

    public List<NamespacedObjectKindReference> getHealthChecks() {
        return healthChecks;
    }

    public void setHealthChecks(List<NamespacedObjectKindReference> healthChecks) {
        this.healthChecks = healthChecks;
    }

    public List<CustomHealthCheck> getHealthCheckExprs() {
        return healthCheckExprs;
    }

    public void setHealthCheckExprs(List<CustomHealthCheck> healthCheckExprs) {
        this.healthCheckExprs = healthCheckExprs;
    }

    public List<Patch> getPatches() {
        return patches;
    }

    public void setPatches(List<Patch> patches) {
        this.patches = patches;
    }

    public List<Image> getImages() {
        return images;
    }

    public void setImages(List<Image> images) {
        this.images = images;
    }

    public List<String> getComponents() {
        return components;
    }

    public void setComponents(List<String> components) {
        this.components = components;
    }

    public Boolean getIgnoreMissingComponents() {
        return ignoreMissingComponents;
    }

    public void setIgnoreMissingComponents(Boolean ignoreMissingComponents) {
        this.ignoreMissingComponents = ignoreMissingComponents;
    }

    public ObjectMetadata getCommonMetadata() {
        return commonMetadata;
    }

    public void setCommonMetadata(ObjectMetadata commonMetadata) {
        this.commonMetadata = commonMetadata;
    }

    public PostBuild getPostBuild() {
        return postBuild;
    }

    public void setPostBuild(PostBuild postBuild) {
        this.postBuild = postBuild;
    }

    public Decryption getDecryption() {
        return decryption;
    }

    public void setDecryption(Decryption decryption) {
        this.decryption = decryption;
    }

    public KubeConfigReference getKubeConfig() {
        return kubeConfig;
    }

    public void setKubeConfig(KubeConfigReference kubeConfig) {
        this.kubeConfig = kubeConfig;
    }
}
