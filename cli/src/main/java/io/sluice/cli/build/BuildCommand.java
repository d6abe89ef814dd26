package io.sluice.cli.build;

import io.sluice.kustomize.KustomizeException;
import io.sluice.kustomize.Kustomizer;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code sluice build DIR}: prints what {@code kustomize build DIR} (kustomize v5.7.1) prints, byte for byte,
 * using Sluice's own Kustomize engine, the same one render-service uses.
 */
@Command(name = "build",
        description = "Build a kustomization folder and print the result, exactly as 'kustomize build DIR' does.",
        exitCodeOnExecutionException = 1)
public final class BuildCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "The folder holding kustomization.yaml (or plain manifests).")
    Path directory;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
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
        PrintWriter out = spec.commandLine().getOut();
        out.print(yaml);
        out.flush();
        return 0;
    }
}
