package io.sluice.api.events;

import io.sluice.api.messaging.Topic;

/**
 * Every event that travels between Sluice services. The set is closed: the interface is sealed, and
 * {@link EventType} has one constant per record. On Java 17 (no pattern switch yet) a switch expression over
 * {@link #eventType()} is checked for exhaustiveness, so the compiler says when a new event is not handled:
 * <pre>{@code
 * String what = switch (event.eventType()) {
 *     case GIT_PUSHED -> ((GitPushed) event).ref();
 *     case IMAGE_PUSHED -> ...;
 *     ... // every constant, no default
 * };
 * }</pre>
 *
 * <p>Each event knows three things about how it travels:
 * <ul>
 *   <li>{@link #subject()}: the Kafka record key and CloudEvents {@code subject}. For events about an API
 *       object it is {@link io.sluice.api.meta.ObjectKey#subject()} ({@code kind/namespace/name}); for pushes
 *       it is the repository they happened to ({@link RepoUrl#normalize normalized} Git URL, or image
 *       repository). Events with the same subject land on the same partition, in order.</li>
 *   <li>{@link #eventType()}: the CloudEvents {@code type}, for example {@code io.sluice.git.pushed.v1}.</li>
 *   <li>{@link #topic()}: the topic it is published to.</li>
 * </ul>
 *
 * <p>None of these three is written into the JSON data (they travel as CloudEvents headers); the records'
 * components are the data.
 */
public sealed interface SluiceEvent
        permits GitPushed, ImagePushed, ArtifactReady, ManifestsRendered, ApplyCompleted,
                ImagePolicyChanged, ObjectEvent, ReconcileRequested {

    /** The record key and CloudEvents subject. */
    String subject();

    /** The CloudEvents type and the record class that carries it. */
    EventType eventType();

    /** The CloudEvents {@code type} attribute, e.g. {@code io.sluice.git.pushed.v1}. */
    default String type() {
        return eventType().ceType();
    }

    /** The topic this event is published to. */
    default Topic topic() {
        return eventType().topic();
    }
}
