package io.sluice.api.image;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.sluice.api.meta.KeepsUnknownFields;

/**
 * Git settings of an automation ({@code spec.git}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class GitSpec extends KeepsUnknownFields {

    private GitCheckoutSpec checkout;
    private CommitSpec commit;
    private PushSpec push;

    public GitCheckoutSpec getCheckout() {
        return checkout;
    }

    public void setCheckout(GitCheckoutSpec checkout) {
        this.checkout = checkout;
    }

    public CommitSpec getCommit() {
        return commit;
    }

    public void setCommit(CommitSpec commit) {
        this.commit = commit;
    }

    public PushSpec getPush() {
        return push;
    }

    public void setPush(PushSpec push) {
        this.push = push;
    }
}
