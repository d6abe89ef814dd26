package io.sluice.cli.up;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The Main-Class of the fake {@code quarkus-run.jar} files {@link FakeHome} lays out: runs {@link FakeService} on
 * {@code -Dquarkus.http.port}, in the mode written in the file {@code fake-mode} beside the jar.
 */
public final class FakeQuarkusApp {

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(FakeQuarkusApp.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        String mode = Files.readString(jar.resolveSibling("fake-mode")).strip();
        FakeService.main(new String[] {System.getProperty("quarkus.http.port"), mode});
    }
}
