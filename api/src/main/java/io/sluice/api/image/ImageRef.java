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

    /** {@code name:tag}, with {@code @digest} when there is one, as Flux prints an ImageRef. */
    @Override
    public String toString() {
        return name + ":" + tag + (digest == null || digest.isEmpty() ? "" : "@" + digest);
    }

    /** Same name, tag and digest. */
    public boolean sameAs(ImageRef other) {
        return other != null && java.util.Objects.equals(name, other.name) && java.util.Objects.equals(tag, other.tag)
                && java.util.Objects.equals(digest == null ? "" : digest, other.digest == null ? "" : other.digest);
    }

    public static ImageRef of(String name, String tag, String digest) {
        ImageRef ref = new ImageRef();
        ref.setName(name);
        ref.setTag(tag);
        ref.setDigest(digest);
        return ref;
    }

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
