package io.sluice.gateway.rest;

import io.sluice.gateway.receiver.WebhookPath;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.io.InputStream;

/**
 * {@code POST /hook/{digest}}: the endpoint every Receiver is served at (Flux's path). The body arrives as a
 * stream so that {@link WebhookHandler} can stop reading at the size limit. Answers are one line of plain text.
 */
@Path("/hook")
public class HookResource {

    private final WebhookHandler handler;

    HookResource(WebhookHandler handler) {
        this.handler = handler;
    }

    @POST
    @Path("{digest}")
    public Response receive(@PathParam("digest") String digest, @Context HttpHeaders headers, InputStream body) {
        long length = headers.getLength();
        WebhookResponse response = handler.handle(WebhookPath.PREFIX + digest, headers.getRequestHeaders(), length, body);
        return Response.status(response.outcome().status())
                .type(MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8"))
                .entity(response.message() + "\n")
                .build();
    }
}
