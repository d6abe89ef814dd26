package io.sluice.cli.up;

import java.nio.file.Path;
import java.util.List;

/** Finds the processes a {@code sluice up} started, by the {@code -Dsluice.work-dir=} marker on their command line. */
final class Processes {

    private Processes() {
    }

    static List<ProcessHandle> markedWith(Path workDir) {
        String marker = "-Dsluice.work-dir=" + workDir.toAbsolutePath().normalize();
        return ProcessHandle.allProcesses()
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info().commandLine().map(line -> line.contains(marker)).orElse(false))
                .toList();
    }

    static String describe(List<ProcessHandle> processes) {
        return processes.stream().map(p -> p.pid() + " " + p.info().commandLine().orElse("?")).toList().toString();
    }
}
