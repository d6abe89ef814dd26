package io.sluice.api.events;

import io.sluice.api.meta.ObjectKey;

/**
 * An ImagePolicy selected a different latest image. Produced by image-watcher on {@code image.policy}
 * (compacted); image-watcher's update automation and alert-service consume it.
 *
 * @param policy   the policy object, e.g. {@code ImagePolicy/flux-system/podinfo}
 * @param latest   the image now selected, e.g. {@code ghcr.io/org/app:1.4.2} (with {@code @sha256:…} when the
 *                 policy reflects digests)
 * @param previous the image selected before; null the first time the policy selects one
 */
public record ImagePolicyChanged(ObjectKey policy, String latest, String previous) implements SluiceEvent {

    private static final String NAME = "ImagePolicyChanged";

    public ImagePolicyChanged {
        Require.present(policy, NAME, "policy");
        Require.text(latest, NAME, "latest");
        previous = Require.optionalText(previous);
    }

    @Override
    public String subject() {
        return policy.subject();
    }

    @Override
    public EventType eventType() {
        return EventType.IMAGE_POLICY_CHANGED;
    }
}
