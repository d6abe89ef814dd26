package io.sluice.cli;

import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code sluice version}: the CLI's version and the Java runtime it runs on. */
@Command(name = "version", description = "Print the Sluice version and the Java runtime.",
        footerHeading = Examples.HEADING, footer = "  sluice version")
public final class VersionCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        for (String line : new SluiceVersion().getVersion()) {
            out.println(line);
        }
        out.flush();
    }
}
