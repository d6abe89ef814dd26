package io.sluice.api.notification;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.sluice.api.meta.FluxStatus;

/**
 * The observed state of a {@link Receiver}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ReceiverStatus extends FluxStatus {

    /** The path the receiver listens on: {@code /hook/<sha256(token+name+namespace)>}. */
    private String webhookPath;

    public String getWebhookPath() {
        return webhookPath;
    }

    public void setWebhookPath(String webhookPath) {
        this.webhookPath = webhookPath;
    }
}
