package io.sluice.api.image;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.sluice.api.meta.KeepsUnknownFields;

/**
 * Exactly one way of choosing the latest tag.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ImagePolicyChoice extends KeepsUnknownFields {

    private SemVerPolicy semver;
    private OrderPolicy alphabetical;
    private OrderPolicy numerical;

    public SemVerPolicy getSemver() {
        return semver;
    }

    public void setSemver(SemVerPolicy semver) {
        this.semver = semver;
    }

    public OrderPolicy getAlphabetical() {
        return alphabetical;
    }

    public void setAlphabetical(OrderPolicy alphabetical) {
        this.alphabetical = alphabetical;
    }

    public OrderPolicy getNumerical() {
        return numerical;
    }

    public void setNumerical(OrderPolicy numerical) {
        this.numerical = numerical;
    }
}
