package io.sluice.api.events;

import io.sluice.api.messaging.Topic;

import java.util.Optional;

/**
 * The CloudEvents {@code type} of every {@link SluiceEvent}, with the record class that carries it and the
 * topic it is published to. Decoders use this table to pick the class from the {@code ce_type} header.
 *
 * <p>Naming scheme: {@code io.sluice.<noun>.<what happened>.v<major>}, taken from the record's name split
 * before its last word and lower-cased: {@code GitPushed} → {@code io.sluice.git.pushed.v1},
 * {@code ImagePolicyChanged} → {@code io.sluice.imagepolicy.changed.v1}. The major version changes only
 * when a change would break an existing reader (a field removed, renamed or re-typed); adding an optional
 * field keeps the version, because readers ignore fields they do not know.
 */
public enum EventType {
    GIT_PUSHED("io.sluice.git.pushed.v1", GitPushed.class, Topic.GIT_PUSH),
    IMAGE_PUSHED("io.sluice.image.pushed.v1", ImagePushed.class, Topic.IMAGE_PUSH),
    ARTIFACT_READY("io.sluice.artifact.ready.v1", ArtifactReady.class, Topic.SOURCE_ARTIFACT),
    MANIFESTS_RENDERED("io.sluice.manifests.rendered.v1", ManifestsRendered.class, Topic.RENDER_MANIFESTS),
    APPLY_COMPLETED("io.sluice.apply.completed.v1", ApplyCompleted.class, Topic.APPLY_RESULT),
    IMAGE_POLICY_CHANGED("io.sluice.imagepolicy.changed.v1", ImagePolicyChanged.class, Topic.IMAGE_POLICY),
    OBJECT_EVENT("io.sluice.object.event.v1", ObjectEvent.class, Topic.EVENTS),
    RECONCILE_REQUESTED("io.sluice.reconcile.requested.v1", ReconcileRequested.class, Topic.RECONCILE_REQUESTS);

    private final String ceType;
    private final Class<? extends SluiceEvent> recordClass;
    private final Topic topic;

    EventType(String ceType, Class<? extends SluiceEvent> recordClass, Topic topic) {
        this.ceType = ceType;
        this.recordClass = recordClass;
        this.topic = topic;
    }

    /** The CloudEvents {@code type} attribute. */
    public String ceType() {
        return ceType;
    }

    /** The record class the JSON data is read into. */
    public Class<? extends SluiceEvent> recordClass() {
        return recordClass;
    }

    /** The topic events of this type are published to. */
    public Topic topic() {
        return topic;
    }

    /** Looks a CloudEvents {@code type} up; empty when Sluice does not know it. */
    public static Optional<EventType> fromCeType(String ceType) {
        for (EventType type : values()) {
            if (type.ceType.equals(ceType)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
