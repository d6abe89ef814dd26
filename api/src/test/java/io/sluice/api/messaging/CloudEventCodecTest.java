package io.sluice.api.messaging;

import io.sluice.api.events.GitPushed;
import io.sluice.api.events.ImagePushed;
import io.sluice.api.events.SampleEvents;
import io.sluice.api.events.SluiceEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CloudEventCodecTest {

    private static final Instant NOW = Instant.parse("2026-11-27T23:00:00.250Z");
    private final CloudEventCodec codec = new CloudEventCodec(TopicsConfig.defaults(), "/sluice/webhook-gateway", Clock.fixed(NOW, ZoneOffset.UTC));

    static List<SluiceEvent> events() {
        return SampleEvents.all();
    }

    @Test
    void encodesABinaryModeCloudEvent() {
        GitPushed push = SampleEvents.gitPushed();
        ProducerRecord<String, byte[]> record = codec.encode(push);

        assertThat(record.topic()).isEqualTo("sluice.git.push");
        assertThat(record.key()).isEqualTo("https://github.com/acme/podinfo");
        assertThat(record.partition()).as("Kafka picks the partition from the key").isNull();
        Map<String, String> headers = headers(record.headers());
        assertThat(headers).containsOnlyKeys("ce_specversion", "ce_id", "ce_source", "ce_type", "ce_subject", "ce_time", "content-type");
        assertThat(headers).containsEntry("ce_specversion", "1.0")
                .containsEntry("ce_source", "/sluice/webhook-gateway")
                .containsEntry("ce_type", "io.sluice.git.pushed.v1")
                .containsEntry("ce_subject", "https://github.com/acme/podinfo")
                .containsEntry("ce_time", "2026-11-27T23:00:00.250Z")
                .containsEntry("content-type", "application/json");
        assertThat(headers.get("ce_id")).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat(new String(record.value(), StandardCharsets.UTF_8)).startsWith("{\"provider\":\"github\"");
    }

    @Test
    void everyEncodingGetsANewId() {
        assertThat(headers(codec.encode(SampleEvents.gitPushed()).headers()).get("ce_id"))
                .isNotEqualTo(headers(codec.encode(SampleEvents.gitPushed()).headers()).get("ce_id"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("events")
    void everyEventRoundTrips(SluiceEvent event) {
        ProducerRecord<String, byte[]> sent = codec.encode(event);
        CloudEvent<SluiceEvent> received = codec.decode(consumed(sent));

        assertThat(received.data()).isEqualTo(event);
        assertThat(received.type()).isEqualTo(event.type());
        assertThat(received.subject()).isEqualTo(event.subject()).isEqualTo(sent.key());
        assertThat(received.source()).isEqualTo("/sluice/webhook-gateway");
        assertThat(received.time()).isEqualTo(NOW);
        assertThat(received.id()).isEqualTo(headers(sent.headers()).get("ce_id"));
        assertThat(sent.topic()).isEqualTo(TopicsConfig.defaults().name(event.topic()));
    }

    @Test
    void reEncodingACloudEventKeepsItsIdentity() {
        CloudEvent<GitPushed> original = CloudEvent.of("id-1", "/sluice/source-service", Instant.parse("2026-01-02T03:04:05Z"), SampleEvents.gitPushed());
        CloudEvent<GitPushed> again = codec.decode(consumed(codec.encode(original)), GitPushed.class);
        assertThat(again).isEqualTo(original);
    }

    @Test
    void decodesIntoTheExpectedClass() {
        CloudEvent<GitPushed> event = codec.decode(consumed(codec.encode(SampleEvents.gitPushed())), GitPushed.class);
        assertThat(event.data().ref()).isEqualTo("refs/heads/main");
    }

    @Test
    void usesTheConfiguredPrefix() {
        CloudEventCodec dev = new CloudEventCodec(TopicsConfig.from(Map.of("sluice.topics.prefix", "dev.")), "/sluice/x");
        assertThat(dev.encode(SampleEvents.objectEvent()).topic()).isEqualTo("dev.events");
    }

    @Test
    void acceptsTimeWithAnOffsetAndContentTypeWithParameters() {
        ProducerRecord<String, byte[]> sent = codec.encode(SampleEvents.gitPushed());
        Headers headers = copy(sent.headers());
        set(headers, "ce_time", "2026-11-28T00:00:00.250+01:00");
        set(headers, "content-type", "application/json; charset=utf-8");
        CloudEvent<SluiceEvent> event = codec.decode(consumed(sent.key(), headers, sent.value()));
        assertThat(event.time()).isEqualTo(NOW);
    }

    @Test
    void sourceForAService() {
        assertThat(CloudEventCodec.sourceFor("render-service")).isEqualTo("/sluice/render-service");
        assertThatThrownBy(() -> CloudEventCodec.sourceFor("Render Service")).hasMessageContaining("sluice.service.name");
        assertThatThrownBy(() -> CloudEventCodec.sourceFor(null)).hasMessageContaining("sluice.service.name");
    }

    // --- bad input: every problem names the record and says what is wrong ---

    @ParameterizedTest(name = "missing {0}")
    @ValueSource(strings = {"ce_specversion", "ce_id", "ce_source", "ce_type", "ce_subject", "ce_time"})
    void missingHeaderIsRejected(String header) {
        ProducerRecord<String, byte[]> sent = codec.encode(SampleEvents.gitPushed());
        Headers headers = copy(sent.headers());
        headers.remove(header);
        assertThatThrownBy(() -> codec.decode(consumed(sent.key(), headers, sent.value())))
                .isInstanceOf(CloudEventDecodingException.class)
                .hasMessageContaining("record at sluice.git.push partition 2 offset 42")
                .hasMessageContaining("has no " + header + " header");
    }

    @Test
    void emptyHeaderValueIsRejected() {
        assertRejected("ce_id", "", "has no ce_id header value");
    }

    @Test
    void missingContentTypeIsRejected() {
        ProducerRecord<String, byte[]> sent = codec.encode(SampleEvents.gitPushed());
        Headers headers = copy(sent.headers());
        headers.remove("content-type");
        assertThatThrownBy(() -> codec.decode(consumed(sent.key(), headers, sent.value())))
                .isInstanceOf(CloudEventDecodingException.class)
                .hasMessageContaining("has no content-type header");
    }

    @Test
    void wrongSpecVersionIsRejected() {
        assertRejected("ce_specversion", "0.3", "has ce_specversion='0.3'; Sluice reads CloudEvents 1.0 only");
    }

    @Test
    void unknownTypeIsRejectedWithTheKnownOnes() {
        assertRejected("ce_type", "io.sluice.git.pushed.v9", "has unknown ce_type 'io.sluice.git.pushed.v9'; known types: io.sluice.git.pushed.v1, ");
    }

    @Test
    void structuredModeIsRejected() {
        assertRejected("content-type", "application/cloudevents+json; charset=UTF-8", "is a CloudEvent in structured mode");
    }

    @Test
    void otherContentTypeIsRejected() {
        assertRejected("content-type", "application/xml", "has content-type 'application/xml'");
    }

    @Test
    void badTimeIsRejected() {
        assertRejected("ce_time", "yesterday", "has ce_time 'yesterday', which is not an RFC 3339 timestamp");
    }

    @Test
    void subjectThatDisagreesWithTheDataIsRejected() {
        assertRejected("ce_subject", "https://github.com/other/repo", "has ce_subject 'https://github.com/other/repo' but its data is about 'https://github.com/acme/podinfo'");
    }

    @Test
    void keyThatDisagreesWithTheSubjectIsRejected() {
        ProducerRecord<String, byte[]> sent = codec.encode(SampleEvents.gitPushed());
        assertThatThrownBy(() -> codec.decode(consumed("some-other-key", sent.headers(), sent.value())))
                .isInstanceOf(CloudEventDecodingException.class)
                .hasMessageContaining("has key 'some-other-key' but ce_subject 'https://github.com/acme/podinfo'");
    }

    @Test
    void recordWithoutKeyIsAccepted() {
        ProducerRecord<String, byte[]> sent = codec.encode(SampleEvents.gitPushed());
        assertThat(codec.decode(consumed(null, sent.headers(), sent.value())).data()).isEqualTo(SampleEvents.gitPushed());
    }

    @Test
    void typeOtherThanExpectedIsRejected() {
        ProducerRecord<String, byte[]> sent = codec.encode(SampleEvents.gitPushed());
        assertThatThrownBy(() -> codec.decode(consumed(sent), ImagePushed.class))
                .isInstanceOf(CloudEventDecodingException.class)
                .hasMessageContaining("carries io.sluice.git.pushed.v1 (GitPushed) but ImagePushed was expected here");
    }

    @Test
    void malformedJsonIsRejected() {
        assertBadValue("{\"provider\": \"github\",".getBytes(StandardCharsets.UTF_8), "has malformed GitPushed JSON");
        assertBadValue("not json".getBytes(StandardCharsets.UTF_8), "has malformed GitPushed JSON");
        assertBadValue("[1,2]".getBytes(StandardCharsets.UTF_8), "has malformed GitPushed JSON");
        byte[] valid = codec.encode(SampleEvents.gitPushed()).value();
        assertBadValue((new String(valid, StandardCharsets.UTF_8) + " {}").getBytes(StandardCharsets.UTF_8), "has malformed GitPushed JSON: Trailing token");
    }

    @Test
    void jsonThatTheRecordRefusesIsRejectedWithTheReason() {
        assertBadValue("{\"provider\":\"github\",\"repository\":{\"http\":\"https://github.com/acme/podinfo\"},\"ref\":\"refs/heads/main\","
                + "\"after\":\"nope\",\"deliveryId\":\"d\",\"receivedAt\":\"2026-11-27T22:41:17Z\"}", "has invalid GitPushed data: GitPushed.after must be a commit SHA");
        assertBadValue("{}", "has invalid GitPushed data: GitPushed.provider is required but missing");
        assertBadValue("{\"provider\":\"svn\"}", "unknown Git provider 'svn'");
    }

    @Test
    void emptyOrNullValueIsRejected() {
        assertBadValue(new byte[0], "(io.sluice.git.pushed.v1) has no value");
        assertBadValue((byte[]) null, "(io.sluice.git.pushed.v1) has no value");
        assertBadValue("null", "has JSON null as its data");
    }

    @Test
    void noHeadersAtAllIsRejected() {
        assertThatThrownBy(() -> codec.decode("a record", "k", null, new byte[]{'{', '}'}, SluiceEvent.class))
                .isInstanceOf(CloudEventDecodingException.class)
                .hasMessageContaining("a record has no headers");
    }

    private void assertRejected(String header, String value, String message) {
        ProducerRecord<String, byte[]> sent = codec.encode(SampleEvents.gitPushed());
        Headers headers = copy(sent.headers());
        set(headers, header, value);
        assertThatThrownBy(() -> codec.decode(consumed(sent.key(), headers, sent.value())))
                .isInstanceOf(CloudEventDecodingException.class)
                .hasMessageContaining("record at sluice.git.push partition 2 offset 42")
                .hasMessageContaining(message);
    }

    private void assertBadValue(String json, String message) {
        assertBadValue(json.getBytes(StandardCharsets.UTF_8), message);
    }

    private void assertBadValue(byte[] value, String message) {
        ProducerRecord<String, byte[]> sent = codec.encode(SampleEvents.gitPushed());
        assertThatThrownBy(() -> codec.decode(consumed(sent.key(), sent.headers(), value)))
                .isInstanceOf(CloudEventDecodingException.class)
                .hasMessageContaining(message);
    }

    private static ConsumerRecord<String, byte[]> consumed(ProducerRecord<String, byte[]> sent) {
        return consumed(sent.key(), sent.headers(), sent.value());
    }

    private static ConsumerRecord<String, byte[]> consumed(String key, Headers headers, byte[] value) {
        return new ConsumerRecord<>("sluice.git.push", 2, 42L, 0L, TimestampType.CREATE_TIME, -1, -1, key, value, headers, Optional.empty());
    }

    private static Headers copy(Headers headers) {
        RecordHeaders copy = new RecordHeaders();
        for (Header h : headers) {
            copy.add(h.key(), h.value());
        }
        return copy;
    }

    private static void set(Headers headers, String name, String value) {
        headers.remove(name);
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, String> headers(Headers headers) {
        Map<String, String> map = new TreeMap<>();
        for (Header h : headers) {
            map.put(h.key(), new String(h.value(), StandardCharsets.UTF_8));
        }
        return map;
    }
}
