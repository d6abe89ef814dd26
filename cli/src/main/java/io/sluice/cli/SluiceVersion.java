package io.sluice.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** The version Maven wrote into {@code sluice-version.properties} at build time. */
public final class SluiceVersion implements IVersionProvider {

    static final String RESOURCE = "/sluice-version.properties";

    /** The project version, e.g. {@code 0.1.0-SNAPSHOT}. */
    public static String current() {
        try (InputStream in = SluiceVersion.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the CLI jar; rebuild it with ./mvnw -pl cli package");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + RESOURCE + " from the CLI jar", e);
        }
    }

    @Override
    public String[] getVersion() {
        return new String[] {
            "sluice " + current(),
            "Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")"
        };
    }
}
