package io.sluice.cli.up;

import io.sluice.cli.up.PortCheck.PortClaim;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What {@code sluice up} was asked to do, after picocli parsed the command line. */
public record UpOptions(
        Path workDir,
        int kafkaPort,
        int apiPort,
        int gitPort,
        int servicePortsFrom,
        Optional<Path> kubeconfig,
        Optional<String> context,
        Duration timeout,
        Optional<Path> home,
        boolean fresh,
        Optional<String> registry) {

    /** True when the pipeline runs against the in-memory sandbox API, false for {@code --kubeconfig}. */
    public boolean sandboxCluster() {
        return kubeconfig.isEmpty();
    }

    /** Every port {@code up} will listen on, with the option that changes it. */
    public List<PortClaim> portClaims() {
        List<PortClaim> claims = new ArrayList<>();
        claims.add(new PortClaim(kafkaPort, "Kafka broker", "--kafka-port"));
        if (sandboxCluster()) {
            claims.add(new PortClaim(apiPort, "sandbox Kubernetes API server", "--api-port"));
        }
        claims.add(new PortClaim(gitPort, "Git server", "--git-port"));
        for (SluiceService service : SluiceService.ALL) {
            claims.add(new PortClaim(service.port(servicePortsFrom), service.name(),
                    "--service-ports-from (the six services use " + servicePortsFrom + "-" + (servicePortsFrom + SluiceService.ALL.size() - 1) + ")"));
        }
        return claims;
    }
}
