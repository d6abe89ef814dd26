package io.sluice.image.scan;

import io.sluice.api.image.ImageRepository;
import io.sluice.api.image.ImageRepositorySpec;
import io.sluice.api.meta.FluxDuration;
import io.sluice.api.meta.ObjectKey;
import io.sluice.image.cluster.Secrets;
import io.sluice.image.registry.ImageName;
import io.sluice.image.registry.RegistryClient;
import io.sluice.image.registry.RegistryException;

import java.time.Duration;

/**
 * The manifest digest of one tag of an ImageRepository, read from its registry with the repository's credentials
 * and CA: what an ImagePolicy's {@code digestReflectionPolicy} puts in {@code latestRef.digest}.
 */
public final class ManifestDigests {

    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    private final RegistryClient registry;
    private final RegistryAccessReader accessReader;

    public ManifestDigests(RegistryClient registry, Secrets secrets) {
        this.registry = registry;
        this.accessReader = new RegistryAccessReader(secrets);
    }

    /** @throws IllegalStateException with a message for the policy's status when the digest cannot be read */
    public String digest(ImageRepository repo, String tag) {
        ImageRepositorySpec spec = repo.getSpec() == null ? new ImageRepositorySpec() : repo.getSpec();
        ObjectKey key = ObjectKey.of(ImageRepository.KIND, repo.getMetadata().getNamespace(), repo.getMetadata().getName());
        try {
            ImageName image = ImageName.parse(spec.getImage());
            Duration timeout = spec.getTimeout() == null ? DEFAULT_TIMEOUT : FluxDuration.parse(spec.getTimeout());
            return registry.manifestDigest(image, tag, accessReader.read(key, spec, image, timeout)).orElseThrow(() ->
                    new IllegalStateException("the registry sent no Docker-Content-Digest for " + image.withTag(tag)));
        } catch (ScanFailure | RegistryException | IllegalArgumentException e) {
            throw new IllegalStateException("failed fetching digest of " + spec.getImage() + ":" + tag + ": " + e.getMessage(), e);
        }
    }
}
