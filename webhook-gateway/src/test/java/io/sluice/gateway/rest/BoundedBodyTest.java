package io.sluice.gateway.rest;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BoundedBodyTest {

    @Test
    void readsABodyUpToTheLimit() throws Exception {
        assertThat(BoundedBody.read(new ByteArrayInputStream(new byte[1024]), -1, 1024)).hasSize(1024);
        assertThat(BoundedBody.read(new ByteArrayInputStream(new byte[0]), 0, 1024)).isEmpty();
    }

    @Test
    void refusesADeclaredLengthOverTheLimitWithoutReading() {
        AtomicLong read = new AtomicLong();
        InputStream counting = endless(read);
        assertThatThrownBy(() -> BoundedBody.read(counting, 2048, 1024))
                .isInstanceOf(BodyTooLargeException.class)
                .hasMessage("request body is larger than 1024 bytes");
        assertThat(read.get()).isZero();
    }

    @Test
    void stopsReadingAnUndeclaredStreamJustPastTheLimit() {
        AtomicLong read = new AtomicLong();
        assertThatThrownBy(() -> BoundedBody.read(endless(read), -1, 1 << 20)).isInstanceOf(BodyTooLargeException.class);
        assertThat(read.get()).isEqualTo((1 << 20) + 1);
    }

    /** A stream that never ends, counting what was read from it. */
    private static InputStream endless(AtomicLong read) {
        return new InputStream() {
            @Override
            public int read() {
                read.incrementAndGet();
                return 'x';
            }

            @Override
            public int read(byte[] b, int off, int len) {
                read.addAndGet(len);
                return len;
            }
        };
    }
}
