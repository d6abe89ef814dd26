package io.sluice.cli.up;

import java.io.IOException;
import java.nio.file.Path;
import java.util.logging.FileHandler;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Sends the logs of the parts running inside the CLI (Kafka broker, sandbox API, Git server) to a file, so the
 * terminal shows only {@code sluice up}'s own lines. Those libraries log through JBoss Logging and SLF4J, both of
 * which end up in java.util.logging here (see {@link #useJavaUtilLogging()}).
 */
public final class InProcessLogs {

    private InProcessLogs() {
    }

    /** Must run before any library creates a logger: JBoss Logging picks its back end once. */
    public static void useJavaUtilLogging() {
        System.setProperty("org.jboss.logging.provider", "jdk");
        System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tF %1$tT %4$-7s [%3$s] %5$s%6$s%n");
    }

    /** Replaces the console handler with {@code file} (truncated). */
    public static void redirectTo(Path file) {
        Logger root = Logger.getLogger("");
        for (Handler handler : root.getHandlers()) {
            root.removeHandler(handler);
        }
        try {
            FileHandler handler = new FileHandler(file.toString(), false);
            handler.setFormatter(new SimpleFormatter());
            handler.setLevel(Level.ALL);
            root.addHandler(handler);
            root.setLevel(Level.INFO);
        } catch (IOException e) {
            throw new UpFailedException("Cannot write the log " + file + " (" + e.getMessage() + "); choose another --work-dir.", e);
        }
    }
}
