package io.sluice.api.source;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.sluice.api.meta.KeepsUnknownFields;

/**
 * Which artifact of an OCI repository to pull ({@code spec.ref}). Precedence, as in Flux: digest, semver, tag; none
 * means tag {@code latest}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class OCIRepositoryRef extends KeepsUnknownFields {

    /** {@code sha256:<hex>} */
    private String digest;
    /** A SemVer range; the highest tag in it is pulled. */
    private String semver;
    /** A regular expression tags must match before the range is applied. */
    private String semverFilter;
    private String tag;

    public String getDigest() {
        return digest;
    }

    public void setDigest(String digest) {
        this.digest = digest;
    }

    public String getSemver() {
        return semver;
    }

    public void setSemver(String semver) {
        this.semver = semver;
    }

    public String getSemverFilter() {
        return semverFilter;
    }

    public void setSemverFilter(String semverFilter) {
        this.semverFilter = semverFilter;
    }

    public String getTag() {
        return tag;
    }

    public void setTag(String tag) {
        this.tag = tag;
    }
}
