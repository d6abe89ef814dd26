package io.sluice.api.image;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.sluice.api.meta.KeepsUnknownFields;
import io.sluice.api.source.GitRepositoryRef;

/**
 * Which reference to clone before making changes.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class GitCheckoutSpec extends KeepsUnknownFields {

    private GitRepositoryRef ref;

    public GitRepositoryRef getRef() {
        return ref;
    }

    public void setRef(GitRepositoryRef ref) {
        this.ref = ref;
    }
}
