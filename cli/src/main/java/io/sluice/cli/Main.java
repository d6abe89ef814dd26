package io.sluice.cli;

import io.sluice.cli.build.FastStart;

/**
 * The entry point of {@code sluice-cli.jar}. {@code sluice build DIR} is sent straight to {@link FastStart}, so it
 * starts without loading the rest of the CLI; every other command line goes to {@link SluiceCli} (picocli).
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        if (FastStart.handles(args)) {
            System.exit(FastStart.run(args));
        }
        SluiceCli.main(args);
    }
}
