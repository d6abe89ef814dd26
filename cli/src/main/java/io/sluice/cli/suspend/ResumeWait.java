package io.sluice.cli.suspend;

import io.sluice.cli.CliFailure;
import io.sluice.cli.flux.FluxObject;
import io.sluice.cli.flux.FluxObjects;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Waits until a resumed object has been reconciled at its new generation: {@code status.observedGeneration} at least
 * the generation the resume gave it, and Ready True or False (not Unknown, still reconciling). Ready False ends the
 * wait with the condition's reason and message.
 */
final class ResumeWait {

    private static final Duration POLL = Duration.ofMillis(300);

    private final FluxObjects objects;
    private final Duration timeout;

    ResumeWait(FluxObjects objects, Duration timeout) {
        this.objects = objects;
        this.timeout = timeout;
    }

    FluxObject await(FluxObject resumed, PrintWriter out) throws InterruptedException {
        out.println("◎ waiting for " + resumed.kind().kind() + " reconciliation");
        out.flush();
        long generation = resumed.resource().getMetadata().getGeneration() == null ? 0 : resumed.resource().getMetadata().getGeneration();
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            FluxObject current = objects.require(resumed.kind(), resumed.namespace(), resumed.name());
            Optional<FluxObject.Ready> ready = current.ready();
            if (observed(current) >= generation && ready.isPresent() && (ready.get().isTrue() || ready.get().isFalse())) {
                if (ready.get().isFalse()) {
                    throw new CliFailure(current.describe() + " is not Ready (" + ready.get().reason() + "): " + ready.get().message());
                }
                return current;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new CliFailure("timed out after " + timeout.toSeconds() + " s waiting for " + current.describe()
                        + " to be reconciled at generation " + generation + " (status.observedGeneration is " + observed(current)
                        + ", " + ready.map(r -> "Ready=" + r.status()).orElse("no Ready condition") + "). Is the service that owns "
                        + current.kind().kind() + " objects running? See 'sluice check'. Raise --timeout, or pass --wait=false.");
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    private static long observed(FluxObject object) {
        Object value = object.resource().get("status", "observedGeneration");
        return value instanceof Number number ? number.longValue() : -1;
    }
}
