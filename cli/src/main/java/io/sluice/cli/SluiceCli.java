package io.sluice.cli;

import io.sluice.cli.build.BuildCommand;
import io.sluice.cli.events.EventsCommand;
import io.sluice.cli.get.GetCommand;
import io.sluice.cli.install.InstallCommand;
import io.sluice.cli.reconcile.ReconcileCommand;
import io.sluice.cli.suspend.SuspendCommand;
import io.sluice.cli.up.InProcessLogs;
import io.sluice.cli.up.UpCommand;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The {@code sluice} command. Each subcommand lives in its own package ({@code io.sluice.cli.<command>}); the
 * annotated ones are listed below, the ones with a subcommand per Flux kind ({@code suspend}, {@code resume}, ...)
 * are built in {@link #commandLine()}.
 */
@Command(name = "sluice",
        mixinStandardHelpOptions = true,
        versionProvider = SluiceVersion.class,
        description = "Sluice: a GitOps pipeline for Kubernetes that reads Flux's API objects.",
        footerHeading = Examples.HEADING,
        footer = {"  sluice up                      # the whole pipeline on this machine", "  sluice get ks -A",
            "  sluice reconcile ks quickstart --with-source", "  sluice help reconcile"},
        subcommands = {UpCommand.class, GetCommand.class, ReconcileCommand.class, EventsCommand.class, InstallCommand.class, BuildCommand.class, VersionCommand.class, CommandLine.HelpCommand.class})
public final class SluiceCli implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing command: try 'sluice up' to run the whole pipeline locally.");
    }

    /** The configured command line; tests use it to run commands in-process. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new SluiceCli());
        cli.addSubcommand(SuspendCommand.commandLine(true));
        cli.addSubcommand(SuspendCommand.commandLine(false));
        addExamplesOfOthers(cli);
        return cli;
    }

    /** Examples for commands whose classes other work owns ({@code build}), unless they bring their own. */
    private static void addExamplesOfOthers(CommandLine cli) {
        CommandLine build = cli.getSubcommands().get("build");
        if (build != null && !Examples.present(build)) {
            Examples.set(build, List.of("sluice build examples/quickstart/deploy", "sluice build ./clusters/production > out.yaml"));
        }
    }

    public static void main(String[] args) {
        InProcessLogs.useJavaUtilLogging();
        System.exit(commandLine().execute(args));
    }
}
