package io.sluice.api.meta;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A reference to one key of a Secret in the same namespace (Flux meta.SecretKeyReference).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class SecretKeyReference extends KeepsUnknownFields {

    private String name;
    /** The key in the Secret; the controller picks a default when empty. */
    private String key;

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getKey() {
        return key;
    }

    public void setKey(String key) {
        this.key = key;
    }
}
