package io.sluice.api.image;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.sluice.api.meta.KeepsUnknownFields;

/**
 * An image chosen by a policy: {@code name:tag}, with the digest when reflected.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ImageRef extends KeepsUnknownFields {

    private String name;
    private String tag;
    private String digest;

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getTag() {
        return tag;
    }

    public void setTag(String tag) {
        this.tag = tag;
    }

    public String getDigest() {
        return digest;
    }

    public void setDigest(String digest) {
        this.digest = digest;
    }
}
