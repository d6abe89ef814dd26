package io.sluice.cli.up;

import java.io.PrintStream;

/** The first thing {@code sluice up} prints in sandbox mode, so nobody mistakes it for a real cluster. */
final class SandboxNotice {

    private SandboxNotice() {
    }

    static void print(PrintStream out) {
        out.println("""
                ------------------------------------------------------------------------------
                 SANDBOX: the Kubernetes API below lives in memory in this process. Objects are
                 stored and served like a real API server, but no pods run and everything is
                 gone when you press Ctrl-C. Use --kubeconfig FILE to work on a real cluster.
                ------------------------------------------------------------------------------""");
    }
}
