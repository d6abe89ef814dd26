package io.sluice.gateway.payload;

import io.sluice.gateway.receiver.ReceiverType;

/** The parser for each Receiver type. */
public final class PayloadParsers {

    private PayloadParsers() {
    }

    /**
     * @param nexusRegistry for {@code nexus}: the registry host from the Receiver's
     *                      {@value NexusPayloads#REGISTRY_ANNOTATION} annotation, or null
     */
    public static PayloadParser forType(ReceiverType type, String nexusRegistry) {
        return switch (type) {
            case GITHUB -> new GitHubPayloads();
            case GITLAB -> new GitLabPayloads();
            case BITBUCKET -> new BitbucketPayloads();
            case HARBOR -> new HarborPayloads();
            case DOCKERHUB -> new DockerHubPayloads();
            case QUAY -> new QuayPayloads();
            case NEXUS -> new NexusPayloads(nexusRegistry);
            case ACR -> new AcrPayloads();
            case GENERIC, GENERIC_HMAC -> new OpaquePayloads();
        };
    }
}
