package io.sluice.cli;

import io.sluice.cli.build.BuildCommand;
import io.sluice.cli.get.GetCommand;
import io.sluice.cli.reconcile.ReconcileCommand;
import io.sluice.cli.up.InProcessLogs;
import io.sluice.cli.up.UpCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The {@code sluice} command.
 *
 * <p>Subcommands today: {@code up}, {@code get}, {@code reconcile}, {@code build} and {@code version}. {@code diff}
 * comes with a later issue; until then it is simply absent, so calling it gives picocli's usage error instead of a
 * command that pretends to work.
 */
@Command(name = "sluice",
        mixinStandardHelpOptions = true,
        versionProvider = SluiceVersion.class,
        description = "Sluice: a GitOps pipeline for Kubernetes that reads Flux's API objects.",
        subcommands = {UpCommand.class, GetCommand.class, ReconcileCommand.class, BuildCommand.class, VersionCommand.class, CommandLine.HelpCommand.class})
public final class SluiceCli implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing command: try 'sluice up' to run the whole pipeline locally.");
    }

    /** The configured command line; tests use it to run commands in-process. */
    public static CommandLine commandLine() {
        return new CommandLine(new SluiceCli());
    }

    public static void main(String[] args) {
        InProcessLogs.useJavaUtilLogging();
        System.exit(commandLine().execute(args));
    }
}
