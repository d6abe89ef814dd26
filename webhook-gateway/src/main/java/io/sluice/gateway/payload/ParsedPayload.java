package io.sluice.gateway.payload;

import java.util.List;

/**
 * What a webhook body says, reduced to what Sluice acts on.
 *
 * @param deliveryId the sender's id of this delivery (the same on a redelivery), or null when it sends none
 * @param gitPushes  refs that moved (empty for events that are not pushes)
 * @param imagePushes images pushed (empty for events that are not pushes)
 */
public record ParsedPayload(String deliveryId, List<GitPush> gitPushes, List<ImagePush> imagePushes) {

    public ParsedPayload {
        gitPushes = List.copyOf(gitPushes);
        imagePushes = List.copyOf(imagePushes);
    }

    public static ParsedPayload nothing(String deliveryId) {
        return new ParsedPayload(deliveryId, List.of(), List.of());
    }

    public static ParsedPayload git(String deliveryId, List<GitPush> pushes) {
        return new ParsedPayload(deliveryId, pushes, List.of());
    }

    public static ParsedPayload images(String deliveryId, List<ImagePush> pushes) {
        return new ParsedPayload(deliveryId, List.of(), pushes);
    }
}
