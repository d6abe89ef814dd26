package io.sluice.alert.provider;

import java.net.URI;
import java.util.Map;

/**
 * POSTs Flux's event JSON ({@link GenericPayload}) to the address, with the
 * {@code gotk-component} header naming the reporting service, as Flux does.
 */
public final class GenericProvider implements NotificationProvider {

    private final URI address;
    private final HttpDelivery http;

    GenericProvider(ProviderSettings settings) throws DeliveryException {
        this.address = settings.httpAddress(null);
        this.http = settings.http();
    }

    @Override
    public String type() {
        return "generic";
    }

    @Override
    public void send(Notification notification) throws DeliveryException {
        http.postJson(address, GenericPayload.of(notification), Map.of("gotk-component", notification.reportingController()));
    }
}
