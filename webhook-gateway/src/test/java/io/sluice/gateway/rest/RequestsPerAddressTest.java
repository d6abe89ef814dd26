package io.sluice.gateway.rest;

import org.junit.jupiter.api.Test;

import static io.sluice.gateway.rest.RequestsPerAddress.Admission.ADMITTED;
import static io.sluice.gateway.rest.RequestsPerAddress.Admission.REFUSED;
import static io.sluice.gateway.rest.RequestsPerAddress.Admission.REFUSED_FIRST;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RequestsPerAddressTest {

    @Test
    void eachAddressHasItsOwnLimit() {
        RequestsPerAddress requests = new RequestsPerAddress(2);
        assertThat(requests.tryAcquire("10.0.0.1")).isEqualTo(ADMITTED);
        assertThat(requests.tryAcquire("10.0.0.1")).isEqualTo(ADMITTED);
        assertThat(requests.tryAcquire("10.0.0.1")).isEqualTo(REFUSED_FIRST);
        assertThat(requests.tryAcquire("10.0.0.2")).as("another address is not affected").isEqualTo(ADMITTED);
        assertThat(requests.inProgress("10.0.0.1")).isEqualTo(2);
        assertThat(requests.inProgress("10.0.0.2")).isEqualTo(1);
    }

    @Test
    void onlyTheFirstRefusalOfABurstIsWorthALogLineUntilARequestEnds() {
        RequestsPerAddress requests = new RequestsPerAddress(1);
        requests.tryAcquire("a");
        assertThat(requests.tryAcquire("a")).isEqualTo(REFUSED_FIRST);
        assertThat(requests.tryAcquire("a")).isEqualTo(REFUSED);
        assertThat(requests.tryAcquire("a")).isEqualTo(REFUSED);

        requests.release("a");
        assertThat(requests.tryAcquire("a")).isEqualTo(ADMITTED);
        assertThat(requests.tryAcquire("a")).as("a new burst").isEqualTo(REFUSED_FIRST);
    }

    @Test
    void aReleasedSlotIsFreeAgainAndAnIdleAddressIsForgotten() {
        RequestsPerAddress requests = new RequestsPerAddress(1);
        requests.tryAcquire("a");
        requests.release("a");
        assertThat(requests.inProgress("a")).isZero();
        assertThat(requests.tryAcquire("a")).isEqualTo(ADMITTED);
        requests.release("a");
        requests.release("a"); // a second release of the same address does not go below zero
        assertThat(requests.inProgress("a")).isZero();
    }

    @Test
    void aLimitBelowOneIsRefusedNamingTheSetting() {
        assertThatThrownBy(() -> new RequestsPerAddress(0)).hasMessageContaining("sluice.gateway.connections.max-per-address");
    }
}
