package io.sluice.sandbox.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import java.util.Optional;

/**
 * Reads samples from a Quarkus service's {@code /q/metrics} in the Prometheus text format a Prometheus server
 * asks for. For the services' {@code @QuarkusTest}s (REST Assured points at the app under test).
 */
public final class PrometheusText {

    private PrometheusText() {
    }

    /** The whole scrape, checked to be Prometheus text (not OpenMetrics), as Prometheus asks for it. */
    public static String scrape() {
        return given()
                .accept("text/plain")
                .when().get("/q/metrics")
                .then().statusCode(200)
                .contentType(containsString("text/plain"))
                .extract().asString();
    }

    /**
     * The value of the sample {@code name} whose labels include all of {@code labels} ({@code "topic", "sluice.git.push",
     * ...}); empty when there is none.
     */
    public static Optional<Double> sample(String scrape, String name, String... labels) {
        for (String line : scrape.split("\n")) {
            if (!line.startsWith(name + "{")) {
                continue;
            }
            int close = line.lastIndexOf('}');
            String labelText = line.substring(name.length() + 1, close);
            boolean all = true;
            for (int i = 0; i < labels.length; i += 2) {
                all &= ("," + labelText).contains("," + labels[i] + "=\"" + labels[i + 1] + "\"");
            }
            if (all) {
                return Optional.of(Double.parseDouble(line.substring(close + 1).trim()));
            }
        }
        return Optional.empty();
    }
}
