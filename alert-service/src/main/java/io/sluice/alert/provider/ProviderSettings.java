package io.sluice.alert.provider;

import io.sluice.api.meta.FluxDuration;
import io.sluice.api.meta.ObjectKey;
import io.sluice.api.notification.Provider;
import io.sluice.api.notification.ProviderSpec;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Optional;

/**
 * A Provider's spec and Secret resolved the way Flux does: the Secret's {@code address} wins over
 * {@code spec.address} (so webhook URLs with tokens need not be in the spec), the Secret's
 * {@code proxy} over {@code spec.proxy}; {@code spec.timeout} defaults to 15 s.
 *
 * @param provider the Provider, e.g. {@code Provider/flux-system/slack}, for error messages
 * @param uid      the Provider's {@code metadata.uid} (commit statuses name themselves after it); null when unknown
 */
public record ProviderSettings(ObjectKey provider, String type, String address, String channel, String username,
                               Duration timeout, URI proxy, ProviderSecret secret, String uid) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(15);

    @Override
    public String toString() {
        // address may be a webhook URL holding a token: never print it
        return "ProviderSettings[provider=" + provider + ", type=" + type + ", channel=" + channel
                + ", username=" + username + ", timeout=" + timeout + ", address=" + (address == null ? "none" : "redacted")
                + ", secret=" + secret + "]";
    }

    public static ProviderSettings of(Provider provider, ProviderSecret secret) throws DeliveryException {
        ProviderSecret data = secret == null ? ProviderSecret.NONE : secret;
        String namespace = provider.getMetadata() == null ? null : provider.getMetadata().getNamespace();
        String name = provider.getMetadata() == null ? null : provider.getMetadata().getName();
        ObjectKey key = ObjectKey.of("Provider", namespace == null ? "default" : namespace, name == null ? "<unnamed>" : name);
        ProviderSpec spec = provider.getSpec() == null ? new ProviderSpec() : provider.getSpec();
        if (spec.getType() == null || spec.getType().isBlank()) {
            throw DeliveryException.permanent(key + ": spec.type is empty; set slack, msteams, discord, googlechat, generic, generic-hmac, email, github or gitlab");
        }
        Duration timeout = DEFAULT_TIMEOUT;
        if (spec.getTimeout() != null && !spec.getTimeout().isBlank()) {
            try {
                timeout = FluxDuration.parse(spec.getTimeout(), key + ": spec.timeout");
            } catch (IllegalArgumentException e) {
                throw DeliveryException.permanent(e.getMessage());
            }
        }
        String address = data.get("address").orElse(blankToNull(spec.getAddress()));
        Optional<String> proxyText = data.get("proxy").or(() -> Optional.ofNullable(blankToNull(spec.getProxy())));
        URI proxy = null;
        if (proxyText.isPresent()) {
            try {
                proxy = new URI(proxyText.get());
            } catch (URISyntaxException e) {
                // the proxy URL may hold credentials: name the field, not the value
                throw DeliveryException.permanent(key + ": the proxy (spec.proxy or the Secret's proxy key) is not a URL; use http://host:port");
            }
        }
        return new ProviderSettings(key, spec.getType().trim(), address, blankToNull(spec.getChannel()),
                blankToNull(spec.getUsername()), timeout, proxy, data,
                provider.getMetadata() == null ? null : provider.getMetadata().getUid());
    }

    /** The address as an http(s) URI, or a permanent error naming the Provider (never the address). */
    URI httpAddress(String defaultAddress) throws DeliveryException {
        String text = address != null ? address : defaultAddress;
        if (text == null) {
            throw DeliveryException.permanent(provider + ": no address; set spec.address or the key 'address' in spec.secretRef");
        }
        try {
            URI uri = new URI(text);
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
                throw DeliveryException.permanent(provider + ": the address is not an http(s) URL; check spec.address or the Secret's 'address'");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw DeliveryException.permanent(provider + ": the address is not a valid URL; check spec.address or the Secret's 'address'");
        }
    }

    HttpDelivery http() {
        return new HttpDelivery(provider.subject(), timeout, proxy);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
