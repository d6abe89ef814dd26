package io.sluice.api.image;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.sluice.api.meta.KeepsUnknownFields;
import io.sluice.api.meta.NamespacedObjectReference;

/**
 * The desired state of an {@link ImagePolicy}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ImagePolicySpec extends KeepsUnknownFields {

    private NamespacedObjectReference imageRepositoryRef;
    private ImagePolicyChoice policy;
    private TagFilter filterTags;
    /** Never (default), IfNotPresent or Always. */
    private String digestReflectionPolicy;
    /** Only with digestReflectionPolicy Always. */
    private String interval;
    private Boolean suspend;

    public NamespacedObjectReference getImageRepositoryRef() {
        return imageRepositoryRef;
    }

    public void setImageRepositoryRef(NamespacedObjectReference imageRepositoryRef) {
        this.imageRepositoryRef = imageRepositoryRef;
    }

    public ImagePolicyChoice getPolicy() {
        return policy;
    }

    public void setPolicy(ImagePolicyChoice policy) {
        this.policy = policy;
    }

    public TagFilter getFilterTags() {
        return filterTags;
    }

    public void setFilterTags(TagFilter filterTags) {
        this.filterTags = filterTags;
    }

    public String getDigestReflectionPolicy() {
        return digestReflectionPolicy;
    }

    public void setDigestReflectionPolicy(String digestReflectionPolicy) {
        this.digestReflectionPolicy = digestReflectionPolicy;
    }

    public String getInterval() {
        return interval;
    }

    public void setInterval(String interval) {
        this.interval = interval;
    }

    public Boolean getSuspend() {
        return suspend;
    }

    public void setSuspend(Boolean suspend) {
        this.suspend = suspend;
    }
}
