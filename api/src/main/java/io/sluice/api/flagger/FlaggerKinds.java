package io.sluice.api.flagger;

import io.fabric8.kubernetes.client.CustomResource;

import java.util.List;

/**
 * The Flagger kinds Sluice reads (rollout-service), beside {@link io.sluice.api.meta.FluxKinds}; each has a generated
 * CRD {@code <plural>.flagger.app-v1.yml}.
 */
public final class FlaggerKinds {

    public static final List<Class<? extends CustomResource<?, ?>>> ALL = List.of(Canary.class, MetricTemplate.class);

    private FlaggerKinds() {
    }
}
