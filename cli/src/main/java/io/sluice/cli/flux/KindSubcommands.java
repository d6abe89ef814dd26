package io.sluice.cli.flux;

import io.sluice.cli.Examples;
import java.util.List;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Builds the per-kind subcommands of a verb as Flux's CLI has them: {@code suspend kustomization|ks},
 * {@code suspend source git}, {@code suspend image update}, ... ({@link FluxCommandName}). The words before the last
 * ({@code source}, {@code image}) become group commands that only hold their kinds; shell completion then offers the
 * kinds at every step.
 */
public final class KindSubcommands {

    private KindSubcommands() {
    }

    /**
     * Adds, under {@code verb}, one subcommand per kind, each made by {@code leaf} (a fresh picocli command object per
     * kind), with {@code description} applied to each leaf ({@code %s} = how the kind is named, e.g. "Kustomization")
     * and {@code examples} as its examples; a group command shows the examples of its kinds.
     */
    public static void addTo(CommandLine verb, List<FluxKind> kinds, Function<FluxKind, Object> leaf, String description,
                             Function<FluxCommandName, List<String>> examples) {
        for (FluxKind kind : kinds) {
            FluxCommandName name = FluxCommandName.of(kind);
            CommandLine parent = verb;
            for (String word : name.path().subList(0, name.path().size() - 1)) {
                CommandLine group = parent.getSubcommands().get(word);
                if (group == null) {
                    group = new CommandLine(new KindGroup());
                    group.getCommandSpec().usageMessage().description("Choose the kind: " + verb.getCommandName() + " " + word + " KIND ...");
                    parent.addSubcommand(word, group);
                }
                parent = group;
            }
            CommandLine command = new CommandLine(leaf.apply(kind));
            command.getCommandSpec().usageMessage().description(String.format(description, name.what()));
            List<String> lines = examples.apply(name);
            Examples.set(command, lines);
            if (parent != verb) {
                Examples.add(parent, lines);
            }
            String last = name.path().get(name.path().size() - 1);
            parent.addSubcommand(last, command, name.aliases().toArray(String[]::new));
        }
    }

    /** {@code sluice suspend source}, {@code sluice export image}: only a step towards a kind. */
    @Command(mixinStandardHelpOptions = true, synopsisSubcommandLabel = "KIND")
    static final class KindGroup implements Runnable {

        @Spec
        CommandSpec spec;

        @Override
        public void run() {
            throw new ParameterException(spec.commandLine(), "Missing kind: one of " + spec.subcommands().keySet() + ".");
        }
    }
}
