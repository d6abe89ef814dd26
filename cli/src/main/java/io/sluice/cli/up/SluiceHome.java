package io.sluice.cli.up;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The Sluice checkout {@code sluice up} runs from: the services' jars and {@code examples/quickstart} live there.
 *
 * <p>Found, in order, from {@code --home}, the {@code SLUICE_HOME} variable (the {@code ./sluice} launcher sets it),
 * or the CLI jar's own place ({@code <home>/cli/target/sluice-cli.jar}).
 */
public record SluiceHome(Path root) {

    public static final String ENV = "SLUICE_HOME";

    public static SluiceHome locate(Optional<Path> option, Optional<String> env, Optional<Path> cliJar) {
        Optional<Path> chosen = option
                .or(() -> env.filter(value -> !value.isBlank()).map(Path::of))
                .or(() -> cliJar.flatMap(SluiceHome::checkoutOfJar));
        Path root = chosen.orElseThrow(() -> new UpFailedException(
                "Cannot tell where the Sluice checkout is (the services' jars and examples/quickstart live there)."
                        + " Run ./sluice from the checkout, or pass --home DIR, or set " + ENV + "."))
                .toAbsolutePath().normalize();
        SluiceHome home = new SluiceHome(root);
        if (!Files.isDirectory(home.quickstart())) {
            throw new UpFailedException("No examples/quickstart folder in " + root
                    + ": --home / " + ENV + " must name the Sluice checkout (the folder holding ./sluice and pom.xml).");
        }
        return home;
    }

    /** The location of the running CLI jar, when it runs from a jar. */
    public static Optional<Path> runningJar() {
        try {
            Path location = Path.of(SluiceHome.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return Files.isRegularFile(location) ? Optional.of(location) : Optional.empty();
        } catch (URISyntaxException | SecurityException | NullPointerException e) {
            return Optional.empty();
        }
    }

    private static Optional<Path> checkoutOfJar(Path jar) {
        Path target = jar.toAbsolutePath().getParent();
        if (target == null || !target.endsWith(Path.of("cli", "target"))) {
            return Optional.empty();
        }
        return Optional.of(target.getParent().getParent());
    }

    public Path quickstart() {
        return root.resolve("examples").resolve("quickstart");
    }

    /**
     * @throws UpFailedException listing every service jar that is not built yet
     */
    public void requireServiceJars(List<SluiceService> services) {
        List<String> missing = services.stream()
                .map(service -> service.jar(root))
                .filter(jar -> !Files.isRegularFile(jar))
                .map(Path::toString)
                .toList();
        if (!missing.isEmpty()) {
            throw new UpFailedException("These service jars are not built yet:" + System.lineSeparator() + "  "
                    + String.join(System.lineSeparator() + "  ", missing) + System.lineSeparator()
                    + "Build them with './mvnw install -DskipTests' in " + root + " (the ./sluice launcher does this for you).");
        }
    }
}
