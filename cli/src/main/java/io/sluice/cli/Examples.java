package io.sluice.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * The "Examples:" section at the end of a command's {@code --help}, for commands whose examples are only known when
 * the command line is built (one per kind). Annotated commands write theirs as {@code footer} with
 * {@link #HEADING}.
 */
public final class Examples {

    /** The footer heading every command uses, so the help reads the same everywhere. */
    public static final String HEADING = "%nExamples:%n";

    private Examples() {
    }

    /** Sets the examples of {@code command}: one command line per line, indented as in Flux's help. */
    public static void set(CommandLine command, List<String> lines) {
        UsageMessageSpec usage = command.getCommandSpec().usageMessage();
        usage.footerHeading(HEADING);
        usage.footer(lines.stream().map(line -> "  " + line).toArray(String[]::new));
    }

    /** Adds examples after those {@code command} already has. */
    public static void add(CommandLine command, List<String> lines) {
        List<String> all = new ArrayList<>();
        Arrays.stream(command.getCommandSpec().usageMessage().footer()).map(String::strip).forEach(all::add);
        all.addAll(lines);
        set(command, all);
    }

    /** True when {@code command}'s help has an example. */
    public static boolean present(CommandLine command) {
        UsageMessageSpec usage = command.getCommandSpec().usageMessage();
        return usage.footerHeading().contains("Examples") && usage.footer().length > 0;
    }
}
