package io.sluice.api.source;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.sluice.api.meta.KeepsUnknownFields;

/**
 * A keyless (OIDC) signature identity to accept: issuer and subject, both regular expressions.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class OIDCIdentityMatch extends KeepsUnknownFields {

    private String issuer;
    private String subject;

    public String getIssuer() {
        return issuer;
    }

    public void setIssuer(String issuer) {
        this.issuer = issuer;
    }

    public String getSubject() {
        return subject;
    }

    public void setSubject(String subject) {
        this.subject = subject;
    }
}
