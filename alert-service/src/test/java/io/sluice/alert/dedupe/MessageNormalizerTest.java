package io.sluice.alert.dedupe;

import org.junit.jupiter.api.Test;

import static io.sluice.alert.dedupe.MessageNormalizer.normalize;
import static org.assertj.core.api.Assertions.assertThat;

class MessageNormalizerTest {

    @Test
    void durationsAreRemoved() {
        assertThat(normalize("Health check failed after 5m0.012s, timeout waiting for: [Deployment/apps/web status: 'InProgress']"))
                .isEqualTo("Health check failed after <duration>, timeout waiting for: [Deployment/apps/web status: 'InProgress']");
        assertThat(normalize("applied in 1.234s.")).isEqualTo("applied in <duration>.");
        assertThat(normalize("took 12ms, retrying in 30s")).isEqualTo("took <duration>, retrying in <duration>");
        assertThat(normalize("1h0m0s 350µs 2m30s")).isEqualTo("<duration> <duration> <duration>");
    }

    @Test
    void timestampsAndUuidsAreRemoved() {
        assertThat(normalize("at 2026-11-28T00:12:34.567Z and 2026-11-28 00:12:34+01:00 and 2026-11-28T00:12:34"))
                .isEqualTo("at <time> and <time> and <time>");
        assertThat(normalize("request 3f2b1c9e-8a7d-4e6f-9b0a-1c2d3e4f5a6b failed")).isEqualTo("request <uuid> failed");
    }

    @Test
    void realChangesAreKept() {
        String sha = "main@sha1:0123456789abcdef0123456789abcdef01234567";
        assertThat(normalize("applied revision " + sha)).isEqualTo("applied revision " + sha);
        String digest = "ghcr.io/org/app@sha256:" + "ab".repeat(32);
        assertThat(normalize("image " + digest)).isEqualTo("image " + digest);
        assertThat(normalize("3 objects configured, v1.2.3 chart, podinfo-7d9f8c6b5-x2x9z, 10.0.0.1:8080"))
                .isEqualTo("3 objects configured, v1.2.3 chart, podinfo-7d9f8c6b5-x2x9z, 10.0.0.1:8080");
        assertThat(normalize("image v1.2s3 and api-v2m")).isEqualTo("image v1.2s3 and api-v2m");
    }

    @Test
    void whitespaceIsCollapsed() {
        assertThat(normalize("  a \n\t b  ")).isEqualTo("a b");
    }
}
