package io.sluice.cli.suspend;

import io.sluice.cli.Examples;
import io.sluice.cli.flux.FluxCommandName;
import io.sluice.cli.flux.FluxKind;
import io.sluice.cli.flux.KindSubcommands;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code sluice suspend KIND NAME...} and {@code sluice resume KIND NAME...}, as Flux's CLI has them: one subcommand
 * per kind with a {@code spec.suspend} field ({@link #KINDS}), each taking names or {@code --all}.
 */
@Command(mixinStandardHelpOptions = true, synopsisSubcommandLabel = "KIND")
public final class SuspendCommand implements Runnable {

    /** The kinds that have {@code spec.suspend}, in Flux's order; ImagePolicy has none. */
    static final List<FluxKind> KINDS = Arrays.stream(FluxKind.values()).filter(FluxKind::hasSuspend).toList();

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing kind: one of " + spec.subcommands().keySet() + ".");
    }

    /** {@code suspend} (true) or {@code resume} (false) with its subcommands. */
    public static CommandLine commandLine(boolean suspend) {
        CommandLine verb = new CommandLine(new SuspendCommand());
        String name = suspend ? "suspend" : "resume";
        verb.setCommandName(name);
        verb.getCommandSpec().usageMessage().description(suspend
                ? "Suspend the reconciliation of Flux objects (spec.suspend: true), as 'flux suspend' does."
                : "Resume the reconciliation of suspended Flux objects and wait for it, as 'flux resume' does.");
        Examples.set(verb, List.of("sluice " + name + " ks quickstart", "sluice " + name + " source git --all -n flux-system"));
        KindSubcommands.addTo(verb, KINDS, kind -> suspend ? new SuspendObjects(kind, true) : new Resume(kind),
                suspend ? "Suspend the reconciliation of %s objects." : "Resume the reconciliation of %s objects and wait for it.",
                words -> examples(name, words));
        return verb;
    }

    private static List<String> examples(String verb, FluxCommandName words) {
        String typed = words.aliases().isEmpty() ? words.typed() : words.aliases().get(0);
        return List.of("sluice " + verb + " " + typed + " podinfo", "sluice " + verb + " " + typed + " --all -n apps");
    }
}
