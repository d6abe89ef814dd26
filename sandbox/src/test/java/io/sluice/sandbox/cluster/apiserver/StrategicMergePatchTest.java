package io.sluice.sandbox.cluster.apiserver;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** Strategic merge patches by the Kubernetes types' patch strategies, with the real server's list order. */
class StrategicMergePatchTest {

    private static String patch(String live, String patch, String kind) {
        JsonNode result = StrategicMergePatch.apply(Json.parse(live, "live"), Json.parse(patch, "patch"), kind);
        return Json.write(result);
    }

    @Test
    void patchItemsComeFirstAndLiveOnlyItemsKeepTheirPlaceBehindThem() {
        String live = "{\"spec\":{\"containers\":[{\"name\":\"web\",\"env\":[{\"name\":\"A\",\"value\":\"1\"},"
                + "{\"name\":\"B\",\"value\":\"2\"}]},{\"name\":\"side\"}]}}";
        assertThat(patch(live, "{\"spec\":{\"containers\":[{\"name\":\"web\",\"env\":[{\"name\":\"C\",\"value\":\"3\"},"
                + "{\"name\":\"A\",\"value\":\"10\"}]}]}}", "Pod")).isEqualTo("{\"spec\":{\"containers\":[{\"name\":\"web\","
                        + "\"env\":[{\"name\":\"C\",\"value\":\"3\"},{\"name\":\"A\",\"value\":\"10\"},{\"name\":\"B\","
                        + "\"value\":\"2\"}]},{\"name\":\"side\"}]}}");
        assertThat(patch(live, "{\"spec\":{\"containers\":[{\"name\":\"extra\"}]}}", "Pod"))
                .startsWith("{\"spec\":{\"containers\":[{\"name\":\"extra\"},{\"name\":\"web\"");
        assertThat(patch(live, "{\"spec\":{\"containers\":[{\"name\":\"side\",\"$patch\":\"delete\"}]}}", "Pod"))
                .doesNotContain("side");
        assertThat(patch(live, "{\"spec\":{\"$setElementOrder/containers\":[{\"name\":\"side\"},{\"name\":\"web\"}]}}",
                "Pod")).startsWith("{\"spec\":{\"containers\":[{\"name\":\"side\"}");
    }

    @Test
    void listsMergeByTheirTypesMergeKeyAndOthersAreReplaced() {
        assertThat(patch("{\"spec\":{\"containers\":[{\"name\":\"c\",\"ports\":[{\"containerPort\":80,\"protocol\":\"TCP\","
                + "\"name\":\"http\"}],\"args\":[\"-a\"]}]}}", "{\"spec\":{\"containers\":[{\"name\":\"c\",\"ports\":"
                + "[{\"containerPort\":80,\"name\":\"web\"}],\"args\":[\"-b\"]}]}}", "Pod")).isEqualTo("{\"spec\":"
                        + "{\"containers\":[{\"name\":\"c\",\"ports\":[{\"containerPort\":80,\"protocol\":\"TCP\",\"name\":"
                        + "\"web\"}],\"args\":[\"-b\"]}]}}");
        assertThat(patch("{\"spec\":{\"ports\":[{\"port\":80,\"targetPort\":8080},{\"port\":443}]}}",
                "{\"spec\":{\"ports\":[{\"port\":443,\"targetPort\":8443}]}}", "Service")).isEqualTo(
                        "{\"spec\":{\"ports\":[{\"port\":80,\"targetPort\":8080},{\"port\":443,\"targetPort\":8443}]}}");
        assertThat(patch("{\"spec\":{\"tolerations\":[{\"key\":\"a\"}]}}", "{\"spec\":{\"tolerations\":[{\"key\":\"b\"}]}}",
                "Pod")).isEqualTo("{\"spec\":{\"tolerations\":[{\"key\":\"b\"}]}}");
        assertThat(patch("{\"metadata\":{\"labels\":{\"a\":\"1\",\"b\":\"2\"}}}", "{\"metadata\":{\"labels\":{\"a\":null}}}",
                "Pod")).isEqualTo("{\"metadata\":{\"labels\":{\"b\":\"2\"}}}");
        assertThat(patch("{\"spec\":{\"strategy\":{\"type\":\"RollingUpdate\",\"rollingUpdate\":{\"maxSurge\":1}}}}",
                "{\"spec\":{\"strategy\":{\"$retainKeys\":[\"type\"],\"type\":\"Recreate\"}}}", "Deployment"))
                .isEqualTo("{\"spec\":{\"strategy\":{\"type\":\"Recreate\"}}}");
    }
}
