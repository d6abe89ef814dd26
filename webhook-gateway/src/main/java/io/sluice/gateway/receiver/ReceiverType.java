package io.sluice.gateway.receiver;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The Receiver types the gateway serves ({@code spec.type}), with Flux's names. Flux also has {@code gcr},
 * {@code generic-oidc} and {@code cdevents}; a Receiver of those types is marked Ready=False, not served.
 */
public enum ReceiverType {
    GENERIC("generic", false),
    GENERIC_HMAC("generic-hmac", false),
    GITHUB("github", true),
    GITLAB("gitlab", true),
    BITBUCKET("bitbucket", true),
    HARBOR("harbor", false),
    DOCKERHUB("dockerhub", false),
    QUAY("quay", false),
    NEXUS("nexus", false),
    ACR("acr", false);

    private final String id;
    private final boolean filtersEvents;

    ReceiverType(String id, boolean filtersEvents) {
        this.id = id;
        this.filtersEvents = filtersEvents;
    }

    /** The name in {@code spec.type}. */
    public String id() {
        return id;
    }

    /**
     * Whether {@code spec.events} applies: only for senders that name the event in a header (GitHub, GitLab,
     * Bitbucket). As in Flux, {@code spec.events} is ignored for the other types.
     */
    public boolean filtersEvents() {
        return filtersEvents;
    }

    /** The type named {@code id} (case-sensitive, as the CRD's enum is), or empty when the gateway has none. */
    public static Optional<ReceiverType> fromSpec(String id) {
        return Arrays.stream(values()).filter(type -> type.id.equals(id)).findFirst();
    }

    /** The supported names, comma separated, for error messages. */
    public static String supported() {
        return Arrays.stream(values()).map(ReceiverType::id).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return id.toLowerCase(Locale.ROOT);
    }
}
