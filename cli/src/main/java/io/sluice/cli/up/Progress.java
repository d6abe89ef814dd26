package io.sluice.cli.up;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Supplier;

/** Prints each start-up step as it runs ({@code Starting X ... ok (1.2 s)}) and turns its failure into a message. */
final class Progress {

    private final PrintStream out;
    private final Path detailsLog;

    Progress(PrintStream out, Path detailsLog) {
        this.out = out;
        this.detailsLog = detailsLog;
    }

    <T> T step(String what, Supplier<T> action) {
        out.print(what + " ... ");
        out.flush();
        long started = System.nanoTime();
        try {
            T result = action.get();
            out.println("ok (" + seconds(started) + " s)");
            return result;
        } catch (UpFailedException e) {
            out.println("failed");
            throw e;
        } catch (RuntimeException e) {
            out.println("failed");
            throw new UpFailedException(what + " failed: " + messageOf(e) + System.lineSeparator()
                    + "Details are in " + detailsLog + ".", e);
        }
    }

    /** {@code 850 ms}, {@code 4.2 s}, {@code 3 min 12 s}: how long, as a person reads it. */
    static String duration(java.time.Duration duration) {
        long millis = duration.toMillis();
        if (millis < 1_000) {
            return millis + " ms";
        }
        if (millis < 60_000) {
            return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
        }
        return (millis / 60_000) + " min " + (millis % 60_000) / 1000 + " s";
    }

    static String seconds(long startedNanos) {
        return String.format(Locale.ROOT, "%.1f", (System.nanoTime() - startedNanos) / 1e9);
    }

    /** The innermost message, which usually names the real problem (a port, a file). */
    private static String messageOf(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        Throwable cause = e.getCause();
        if (cause != null && cause.getMessage() != null && !message.contains(cause.getMessage())) {
            message += " (" + cause.getMessage() + ")";
        }
        return message;
    }
}
