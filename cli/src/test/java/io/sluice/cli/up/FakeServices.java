package io.sluice.cli.up;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Launches of {@link FakeService} as a child JVM, with this test's class path. */
final class FakeServices {

    private FakeServices() {
    }

    static ServiceLaunch launch(String name, int port, String mode, Path logDir) {
        String javaCommand = ProcessHandle.current().info().command().orElseThrow();
        return new ServiceLaunch(name, port,
                List.of(javaCommand, "-Xmx64m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                        FakeService.class.getName(), Integer.toString(port), mode),
                Map.of(ServiceLaunch.PARENT_PID_ENV, Long.toString(ProcessHandle.current().pid())),
                logDir.resolve(name + ".log"));
    }
}
