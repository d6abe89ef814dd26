package io.sluice.alert.provider;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * POSTs a body with the JDK HttpClient and turns the answer into success or a
 * {@link DeliveryException}: 2xx is delivered; 5xx, 429, timeouts and I/O errors are retryable;
 * any other status is not. The URL is named only by scheme and host in errors, because webhook
 * URLs (Slack, Discord, Teams, Google Chat) carry their token in the path.
 */
final class HttpDelivery {

    private final HttpClient client;
    private final Duration timeout;
    private final String providerName;

    HttpDelivery(String providerName, Duration timeout, URI proxy) {
        this.providerName = providerName;
        this.timeout = timeout;
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER);
        if (proxy != null) {
            int port = proxy.getPort() > 0 ? proxy.getPort() : ("https".equals(proxy.getScheme()) ? 443 : 80);
            builder.proxy(ProxySelector.of(new InetSocketAddress(proxy.getHost(), port)));
        }
        this.client = builder.build();
    }

    /** POSTs {@code body} with {@code Content-Type: application/json} and the given extra headers; returns the answer body. */
    String postJson(URI url, byte[] body, Map<String, String> headers) throws DeliveryException {
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        String where = providerName + " (" + url.getScheme() + "://" + url.getHost() + ")";
        HttpResponse<String> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException e) {
            throw new DeliveryException(where + " did not answer within " + timeout.toMillis()
                    + " ms (spec.timeout)", true, 0, e);
        } catch (IOException e) {
            // the JDK's message may quote the URL; take the token-bearing path out
            String reason = String.valueOf(e.getMessage()).replace(url.toString(), "<address>");
            throw new DeliveryException(where + " could not be reached: " + e.getClass().getSimpleName() + ": " + reason,
                    true, 0, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryException(where + ": interrupted while sending", true, 0, e);
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return response.body() == null ? "" : response.body();
        }
        String answer = abbreviate(response.body());
        boolean retryable = status >= 500 || status == 429;
        throw new DeliveryException(where + " answered HTTP " + status + (answer.isEmpty() ? "" : ": " + answer)
                + (retryable ? "" : "; not retried, check the Provider's address, token and channel"),
                retryable, status, null);
    }

    private static String abbreviate(String body) {
        String oneLine = body == null ? "" : body.strip().replaceAll("\\s+", " ");
        return oneLine.length() <= 200 ? oneLine : oneLine.substring(0, 200) + "…";
    }
}
