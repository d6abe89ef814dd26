package io.sluice.api.meta;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FluxDurationTest {

    @ParameterizedTest(name = "{0} = {1} ns")
    @CsvSource({
            "0, 0",
            "0s, 0",
            "30s, 30000000000",
            "5m, 300000000000",
            "5m0s, 300000000000",
            "1h, 3600000000000",
            "1h30m, 5400000000000",
            "1h30s, 3630000000000",
            "500ms, 500000000",
            "1.5h, 5400000000000",
            "2.5s, 2500000000",
            ".5s, 500000000",
            "10us, 10000",
            "10µs, 10000",
            "7ns, 7",
            "1h1m1s1ms1us1ns, 3661001001001",
            "-1m, -60000000000",
            "+90s, 90000000000",
    })
    void parsesGoDurations(String text, long nanos) {
        assertThat(FluxDuration.parse(text)).isEqualTo(Duration.ofNanos(nanos));
    }

    @ParameterizedTest(name = "''{0}''")
    @ValueSource(strings = {"", "5", "m", "5x", "1h30", "1.2.3s", "5 m", "1d", "-", "five minutes", "1H", "."})
    void rejectsWhatGoRejects(String text) {
        assertThatThrownBy(() -> FluxDuration.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("invalid duration '" + text + "'")
                .hasMessageContaining("expected a Go duration such as 30s, 5m, 1h30m or 500ms");
    }

    @Test
    void namesTheProblem() {
        assertThatThrownBy(() -> FluxDuration.parse("1d")).hasMessageContaining("unknown unit 'd'");
        assertThatThrownBy(() -> FluxDuration.parse("90")).hasMessageContaining("the number '90' has no unit");
        assertThatThrownBy(() -> FluxDuration.parse(null)).hasMessageContaining("it is empty");
        assertThatThrownBy(() -> FluxDuration.parse("3000000h")).hasMessageContaining("longer than the largest Go duration");
    }

    @Test
    void namesTheFieldWhenGiven() {
        assertThatThrownBy(() -> FluxDuration.parse("10 minutes", "spec.interval of Kustomization apps/web"))
                .hasMessageStartingWith("invalid spec.interval of Kustomization apps/web '10 minutes'");
    }

    @ParameterizedTest(name = "{0} ns -> {1}")
    @CsvSource({
            "0, 0s",
            "1, 1ns",
            "1500, 1.5µs",
            "500000000, 500ms",
            "1500000000, 1.5s",
            "60000000000, 1m0s",
            "300000000000, 5m0s",
            "5400000000000, 1h30m0s",
            "3630000000000, 1h0m30s",
            "-60000000000, -1m0s",
    })
    void formatsLikeGo(long nanos, String text) {
        Duration duration = Duration.ofNanos(nanos);
        assertThat(FluxDuration.format(duration)).isEqualTo(text);
        assertThat(FluxDuration.parse(FluxDuration.format(duration))).isEqualTo(duration);
    }
}
