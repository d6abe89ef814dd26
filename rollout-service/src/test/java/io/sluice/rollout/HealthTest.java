package io.sluice.rollout;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.sluice.sandbox.kafka.EmbeddedKafkaResource;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

/** The service reports live and, once it reaches Kafka, ready; readiness names the Kafka checks. */
@QuarkusTest
@QuarkusTestResource(EmbeddedKafkaResource.class)
class HealthTest {

    @Test
    void readinessIsUpAndIncludesKafka() {
        // The producer channel connects asynchronously after start-up, so readiness may take a moment.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given()
                .when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("Kafka connection health check", "SmallRye Reactive Messaging - readiness check")));
    }

    @Test
    void livenessIsUp() {
        given()
                .when().get("/q/health/live")
                .then().statusCode(200)
                .body("status", equalTo("UP"));
    }
}
