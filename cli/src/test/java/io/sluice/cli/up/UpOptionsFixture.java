package io.sluice.cli.up;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

final class UpOptionsFixture {

    private UpOptionsFixture() {
    }

    static UpOptions with(int kafka, int api, int git, int servicesFrom, boolean realCluster) {
        return new UpOptions(Path.of(".sluice"), kafka, api, git, servicesFrom,
                realCluster ? Optional.of(Path.of("kubeconfig")) : Optional.empty(), Optional.empty(),
                Duration.ofSeconds(120), Optional.empty(), false, Optional.empty());
    }
}
