package io.sluice.api.image;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.sluice.api.meta.KeepsUnknownFields;

import java.util.Map;

/**
 * How automation commits are written.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class CommitSpec extends KeepsUnknownFields {

    private CommitUser author;
    private SigningKey signingKey;
    /** A Go text/template, as in Flux, filled in with the details of the change. */
    private String messageTemplate;
    private Map<String, String> messageTemplateValues;

    public CommitUser getAuthor() {
        return author;
    }

    public void setAuthor(CommitUser author) {
        this.author = author;
    }

    public SigningKey getSigningKey() {
        return signingKey;
    }

    public void setSigningKey(SigningKey signingKey) {
        this.signingKey = signingKey;
    }

    public String getMessageTemplate() {
        return messageTemplate;
    }

    public void setMessageTemplate(String messageTemplate) {
        this.messageTemplate = messageTemplate;
    }

    public Map<String, String> getMessageTemplateValues() {
        return messageTemplateValues;
    }

    public void setMessageTemplateValues(Map<String, String> messageTemplateValues) {
        this.messageTemplateValues = messageTemplateValues;
    }
}
