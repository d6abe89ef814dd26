package io.sluice.cli.build;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Set;

/**
 * The start-up path of {@code sluice build DIR}: the jar's entry point ({@code io.sluice.cli.Main}) hands that one
 * command line here before anything else loads, so a build touches neither picocli (which reads every command's
 * annotations at start) nor logging, fabric8 or Kafka: the JVM loads the Kustomize engine and this class only.
 * Every other command line, {@code sluice build --help} and {@code sluice build kustomization ...} included, goes
 * through picocli as usual. The launcher runs it from {@code sluice-build.jar} ({@link #main}).
 */
public final class FastStart {
    /** Words that make {@code build X} something other than a folder build. */
    private static final Set<String> NOT_A_FOLDER = Set.of("kustomization", "ks", "help");

    private FastStart() {
    }

    /** True for exactly {@code build DIR}, DIR not looking like an option or a subcommand. */
    public static boolean handles(String[] args) {
        return args.length == 2 && args[0].equals("build") && !args[1].startsWith("-") && !NOT_A_FOLDER.contains(args[1]);
    }

    /**
     * The entry point of {@code sluice-build.jar}, the small jar the launcher runs {@code sluice build DIR} with
     * (the engine and these classes only, with its class-data sharing archive).
     */
    public static void main(String[] args) {
        if (!handles(args)) {
            System.err.println("sluice-build.jar runs 'build DIR' only; run other commands with sluice-cli.jar");
            System.exit(2);
        }
        System.exit(run(args));
    }

    /** Runs {@code build DIR}; prints UTF-8 whatever the platform's default charset (Java 17 follows the locale). */
    public static int run(String[] args) {
        PrintWriter out = new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.out), StandardCharsets.UTF_8));
        PrintWriter err = new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.err), StandardCharsets.UTF_8));
        return FolderBuild.run(Path.of(args[1]), out, err);
    }
}
