package io.sluice.gateway.payload;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The captured payloads in {@code src/test/resources/payloads/}. */
public final class Fixtures {

    private Fixtures() {
    }

    public static byte[] payload(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/payloads/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test payload " + name + " in src/test/resources/payloads");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
