package io.sluice.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/**
 * One {@code sluice} command run in this JVM, as a user would type it, with its exit code and output.
 *
 * @param out what it printed on standard output
 * @param err what it printed on standard error
 */
public record CliRun(int code, String out, String err) {

    public static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = SluiceCli.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }

    /** For assertion messages: the whole transcript. */
    @Override
    public String toString() {
        return "exit code " + code + "\n--- out:\n" + out + "--- err:\n" + err;
    }
}
