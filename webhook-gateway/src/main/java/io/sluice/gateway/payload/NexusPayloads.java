package io.sluice.gateway.payload;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.gateway.verify.WebhookRequest;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.Set;

/**
 * Nexus Repository Manager 3 "repository component" webhooks (Flux type {@code nexus}). A {@code CREATED} or
 * {@code UPDATED} component of format {@code docker} gives one {@link ImagePush}: repository {@code component.name},
 * tag {@code component.version}. Nexus does not say at which host its Docker connector listens, so the registry
 * comes from the Receiver's annotation {@value #REGISTRY_ANNOTATION}; without it only reconcile requests are
 * published (what Flux does), with a warning. Delivery id from {@code X-Nexus-Webhook-Delivery}.
 *
 * @param registry the registry host[:port] from the Receiver's annotation, or null
 */
public record NexusPayloads(String registry) implements PayloadParser {

    /** Receiver annotation naming the Docker registry host[:port] a Nexus Receiver's pushes belong to. */
    public static final String REGISTRY_ANNOTATION = "webhook.sluice.io/registry";

    private static final Logger LOG = Logger.getLogger(NexusPayloads.class);
    private static final String SENDER = "Nexus";
    private static final Set<String> PUSH_ACTIONS = Set.of("CREATED", "UPDATED");

    @Override
    public String eventType(WebhookRequest request) {
        return null;
    }

    @Override
    public ParsedPayload parse(WebhookRequest request) throws MalformedPayloadException {
        String deliveryId = request.header("X-Nexus-Webhook-Delivery");
        JsonNode root = Json.object(request.body(), SENDER);
        Json.requiredText(root, "/repositoryName", SENDER);
        if (!PUSH_ACTIONS.contains(Json.text(root, "/action")) || !"docker".equals(Json.text(root, "/component/format"))) {
            return ParsedPayload.nothing(deliveryId);
        }
        String name = Json.requiredText(root, "/component/name", SENDER);
        String tag = Json.requiredText(root, "/component/version", SENDER);
        if (registry == null) {
            LOG.warnf("Nexus push of %s:%s: the Receiver has no %s annotation naming the registry host, so no"
                    + " ImagePushed is published; add it to publish one", name, tag, REGISTRY_ANNOTATION);
            return ParsedPayload.nothing(deliveryId);
        }
        return ParsedPayload.images(deliveryId, List.of(new ImagePush(registry, name, tag, null)));
    }
}
