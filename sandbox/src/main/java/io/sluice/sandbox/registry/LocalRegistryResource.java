package io.sluice.sandbox.registry;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/**
 * Quarkus test resource that starts a {@link LocalRegistry} (Debian's docker-registry, no auth, plain HTTP on a free
 * loopback port) for the test class and stops it, deleting its images, afterwards.
 *
 * <p>Binds {@code sluice.sandbox.registry.host} to {@code 127.0.0.1:<port>}, the registry part of image names pushed
 * there. A test pushes images through {@link #registry()} and {@link RegistryImages}.
 */
public class LocalRegistryResource implements QuarkusTestResourceLifecycleManager {

    private static volatile LocalRegistry running;

    private LocalRegistry registry;

    @Override
    public Map<String, String> start() {
        registry = LocalRegistry.builder().start();
        running = registry;
        return Map.of("sluice.sandbox.registry.host", registry.host());
    }

    @Override
    public void stop() {
        if (registry != null) {
            registry.close();
            if (running == registry) {
                running = null;
            }
            registry = null;
        }
    }

    /**
     * The registry this resource started, while it runs.
     *
     * @throws IllegalStateException when no LocalRegistryResource is running
     */
    public static LocalRegistry registry() {
        LocalRegistry current = running;
        if (current == null) {
            throw new IllegalStateException("No LocalRegistryResource is running; annotate the test class with"
                    + " @QuarkusTestResource(LocalRegistryResource.class)");
        }
        return current;
    }
}
