package io.sluice.sandbox.registry;

import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.Jib;
import com.google.cloud.tools.jib.api.JibContainer;
import com.google.cloud.tools.jib.api.RegistryImage;
import com.google.cloud.tools.jib.api.buildplan.AbsoluteUnixPath;
import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer;
import io.sluice.sandbox.TempDirectories;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Pushes small images to a registry for tests, with Google's jib-core (no Docker needed): each image is one layer
 * holding a file whose text is the image's name and tag, so every push has its own digest.
 *
 * <p>jib-core is an optional dependency of the sandbox: a module that pushes images declares
 * {@code com.google.cloud.tools:jib-core} itself (test scope).
 */
public final class RegistryImages {

    private RegistryImages() {
    }

    /**
     * Pushes {@code registry/repository:tag} over plain HTTP and returns its manifest digest ({@code sha256:…}).
     *
     * @param username null for a registry without auth
     */
    public static String push(String registry, String repository, String tag, String username, String password) {
        Path work = TempDirectories.create("sluice-image-");
        try {
            Path file = Files.writeString(work.resolve("image.txt"), registry + "/" + repository + ":" + tag + "\n", StandardCharsets.UTF_8);
            RegistryImage target = RegistryImage.named(registry + "/" + repository + ":" + tag);
            if (username != null) {
                target.addCredential(username, password);
                // The sandbox registry speaks plain HTTP on loopback; jib sends credentials there only when told to.
                System.setProperty("sendCredentialsOverHttp", "true");
            }
            JibContainer container = Jib.fromScratch()
                    .addFileEntriesLayer(FileEntriesLayer.builder().addEntry(file, AbsoluteUnixPath.get("/image.txt")).build())
                    .containerize(Containerizer.to(target)
                            .setAllowInsecureRegistries(true)
                            .setBaseImageLayersCache(work.resolve("cache"))
                            .setApplicationLayersCache(work.resolve("cache"))
                            .setToolName("sluice-sandbox"));
            return container.getDigest().toString();
        } catch (IOException e) {
            throw new UncheckedIOException("pushing " + registry + "/" + repository + ":" + tag + " failed: " + e.getMessage(), e);
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("pushing " + registry + "/" + repository + ":" + tag + " failed: " + e.getMessage(), e);
        } finally {
            TempDirectories.deleteRecursively(work);
        }
    }

    /** Pushes to a registry without auth. */
    public static String push(LocalRegistry registry, String repository, String tag) {
        return push(registry.host(), repository, tag, null, null);
    }
}
