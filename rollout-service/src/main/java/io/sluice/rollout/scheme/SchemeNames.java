package io.sluice.rollout.scheme;

import io.sluice.api.flagger.Canary;

/**
 * The names of the objects Flagger's scheme makes for a Canary of target {@code podinfo}: Deployment
 * {@code podinfo-primary}; Services {@code podinfo} (apex), {@code podinfo-primary}, {@code podinfo-canary}; HTTPRoute
 * {@code podinfo}. {@code spec.service.name} renames the Services and the route, as in Flagger.
 */
public record SchemeNames(String namespace, String target) {

    public static SchemeNames of(Canary canary) {
        return new SchemeNames(canary.getMetadata().getNamespace(), canary.getSpec().getTargetRef().getName());
    }

    public String primaryDeployment() {
        return target + "-primary";
    }

    /** The apex Service, also the HTTPRoute's name: {@code spec.service.name} or the target's name. */
    public String apex(Canary canary) {
        String name = canary.getSpec().getService() == null ? null : canary.getSpec().getService().getName();
        return name == null || name.isBlank() ? target : name;
    }

    public String primaryService(Canary canary) {
        return apex(canary) + "-primary";
    }

    public String canaryService(Canary canary) {
        return apex(canary) + "-canary";
    }
}
