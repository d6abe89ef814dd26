package io.sluice.kustomize;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Command line: {@code build DIR} prints the build to stdout; errors go to stderr with exit code 1. */
public final class KustomizeBuildMain {
    private KustomizeBuildMain() {
    }

    public static void main(String[] args) {
        System.exit(run(args, new PrintStream(System.out, false, StandardCharsets.UTF_8), System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length != 2 || !args[0].equals("build")) {
            err.println("usage: build DIR");
            return 2;
        }
        try {
            out.print(new Kustomizer().buildYaml(Path.of(args[1])));
            out.flush();
            return 0;
        } catch (KustomizeException e) {
            err.println("Error: " + e.getMessage());
            return 1;
        }
    }
}
