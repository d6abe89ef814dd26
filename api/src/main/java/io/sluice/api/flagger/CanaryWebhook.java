package io.sluice.api.flagger;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.sluice.api.meta.KeepsUnknownFields;
import java.util.Map;

/**
 * A webhook of the analysis (kept as written; Sluice does not call webhooks yet).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class CanaryWebhook extends KeepsUnknownFields {

    /** confirm-rollout, pre-rollout, rollout, confirm-promotion, post-rollout, rollback, event. */
    private String type;
    private String name;
    private String url;
    private Boolean muteAlert;
    private String timeout;
    private Integer retries;
    private Map<String, String> metadata;

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }

    public Boolean getMuteAlert() {
        return muteAlert;
    }

    public void setMuteAlert(Boolean muteAlert) {
        this.muteAlert = muteAlert;
    }

    public String getTimeout() {
        return timeout;
    }

    public void setTimeout(String timeout) {
        this.timeout = timeout;
    }

    public Integer getRetries() {
        return retries;
    }

    public void setRetries(Integer retries) {
        this.retries = retries;
    }

    public Map<String, String> getMetadata() {
        return metadata;
    }

    public void setMetadata(Map<String, String> metadata) {
        this.metadata = metadata;
    }
}
