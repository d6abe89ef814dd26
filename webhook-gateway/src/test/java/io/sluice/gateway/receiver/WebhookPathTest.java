package io.sluice.gateway.receiver;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookPathTest {

    @Test
    void isTheSha256OfTokenNameAndNamespaceAsFluxComputesIt() {
        // sha256("token" + "podinfo-receiver" + "flux-system"), computed independently (Python hashlib).
        assertThat(WebhookPath.of("token", "podinfo-receiver", "flux-system"))
                .isEqualTo("/hook/f7375e7b1bbe3cdc3cf752463fcf563f4ec5f66ab2ae574071228b681a8a6686");
    }

    @Test
    void changesWithEachPart() {
        String path = WebhookPath.of("t", "n", "ns");
        assertThat(WebhookPath.of("t2", "n", "ns")).isNotEqualTo(path);
        assertThat(WebhookPath.of("t", "n2", "ns")).isNotEqualTo(path);
        assertThat(WebhookPath.of("t", "n", "ns2")).isNotEqualTo(path);
        assertThat(path).matches("/hook/[0-9a-f]{64}");
    }
}
