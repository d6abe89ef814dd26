package io.sluice.kit.messaging;

import io.sluice.api.events.ImagePushed;
import io.sluice.api.messaging.CloudEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A consumer written the way docs/events.md tells services to: decode, and let a bad record throw. */
@ApplicationScoped
public class ImagePushRecorder {

    private final List<CloudEvent<ImagePushed>> received = new CopyOnWriteArrayList<>();

    @Inject
    EventDecoder decoder;

    @Incoming("image-push")
    public void onImagePush(ConsumerRecord<String, byte[]> record) {
        received.add(decoder.decode(record, ImagePushed.class));
    }

    public List<CloudEvent<ImagePushed>> received() {
        return received;
    }
}
