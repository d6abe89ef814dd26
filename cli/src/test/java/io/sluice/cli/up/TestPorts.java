package io.sluice.cli.up;

import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;

/**
 * Ports for tests that run {@code sluice up}: never the defaults, so a developer's own 'sluice up' does not interfere,
 * and below Linux's ephemeral range (32768-60999), so that the kernel does not hand one of them to some other
 * process's outgoing connection or {@code new ServerSocket(0)} between our check and the service binding it.
 */
final class TestPorts {

    private TestPorts() {
    }

    /** The first of {@code count} consecutive free loopback ports. */
    static int freeRange(int count) {
        for (int attempt = 0; attempt < 200; attempt++) {
            int first = ThreadLocalRandom.current().nextInt(20_000, 32_000);
            if (IntStream.range(first, first + count).allMatch(PortCheck::isFree)) {
                return first;
            }
        }
        throw new IllegalStateException("No " + count + " consecutive free ports found between 20000 and 32000");
    }
}
