package io.sluice.cli.build;

import io.sluice.kustomize.KustomizeException;
import io.sluice.kustomize.Kustomizer;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code sluice build DIR}: prints what {@code kustomize build DIR} (kustomize v5.7.1) prints, byte for byte, with
 * Sluice's own Kustomize engine, the one render-service uses. Both entries run it: {@link FastStart} (the usual
 * one) and {@link BuildCommand} (picocli: help, tests).
 */
final class FolderBuild {
    private FolderBuild() {
    }

    /** @return the exit code: 0, or 1 when the folder is missing or the build fails (the message names the file) */
    static int run(Path directory, PrintWriter out, PrintWriter err) {
        if (!Files.isDirectory(directory)) {
            err.println("Error: " + directory + " is not a folder; give the folder that holds kustomization.yaml");
            err.flush();
            return 1;
        }
        String yaml;
        try {
            yaml = new Kustomizer().buildYaml(directory);
        } catch (KustomizeException e) {
            err.println("Error: " + e.getMessage());
            err.flush();
            return 1;
        }
        out.print(yaml);
        out.flush();
        return 0;
    }
}
