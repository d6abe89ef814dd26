package io.sluice.cli.build;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code sluice build DIR} ({@link FolderBuild}) and {@code sluice build kustomization NAME --path DIR}
 * ({@link BuildKustomizationCommand}). A folder named like the subcommand is written {@code ./kustomization}.
 */
@Command(name = "build", mixinStandardHelpOptions = true,
        description = {"Build a kustomization folder and print the result, exactly as 'kustomize build DIR' does.",
                "With 'kustomization NAME --path DIR': build DIR as the Flux Kustomization NAME would be built and applied."},
        subcommands = BuildKustomizationCommand.class,
        exitCodeOnExecutionException = 1)
public final class BuildCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    // optional for picocli, so that 'build kustomization ...' is not asked for it
    @Parameters(index = "0", arity = "0..1", paramLabel = "DIR", description = "The folder holding kustomization.yaml (or plain manifests).")
    Path directory;

    @Override
    public Integer call() {
        if (directory == null) {
            throw new ParameterException(spec.commandLine(), "Missing required parameter: 'DIR' (the folder to build)");
        }
        return FolderBuild.run(directory, spec.commandLine().getOut(), spec.commandLine().getErr());
    }
}
