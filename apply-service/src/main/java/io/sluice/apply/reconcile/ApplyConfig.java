package io.sluice.apply.reconcile;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

import java.time.Duration;

/** {@code sluice.apply.*}: how apply-service runs its reconciliations. */
@ConfigMapping(prefix = "sluice.apply")
public interface ApplyConfig {

    /**
     * {@code sluice.apply.default-interval}: the drift-correction interval of a Kustomization without
     * {@code spec.interval} (Flux's CRD requires one; this only covers objects written without it). Also the default
     * {@code spec.retryInterval} and {@code spec.timeout} of such objects.
     */
    @WithName("default-interval")
    @WithDefault("5m")
    Duration defaultInterval();

    /** {@code sluice.apply.workers}: how many Kustomizations are reconciled at the same time. */
    @WithDefault("4")
    int workers();

    /** {@code sluice.apply.health-interval}: how often health checks poll the objects while waiting (Flux: 2s). */
    @WithName("health-interval")
    @WithDefault("2s")
    Duration healthInterval();
}
