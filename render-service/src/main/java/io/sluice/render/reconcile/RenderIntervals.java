package io.sluice.render.reconcile;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.sluice.api.helm.HelmRelease;
import io.sluice.api.kustomize.Kustomization;
import io.sluice.api.meta.FluxDuration;
import org.jboss.logging.Logger;

import java.time.Duration;

/**
 * When to render an app again, as Flux's controllers requeue it: a Kustomization after {@code spec.interval} when
 * the render went through (rendered or unchanged), after {@code spec.retryInterval} (default: the interval) when it
 * failed; a HelmRelease after {@code spec.interval} either way (it has no retry interval). A missing, unparsable or non-positive duration falls back to the service's default interval, with a
 * warning naming the field: the CRD's pattern normally rejects such objects before they get here.
 */
public final class RenderIntervals {

    private static final Logger LOG = Logger.getLogger(RenderIntervals.class);

    private RenderIntervals() {
    }

    public static Duration interval(Kustomization ks, Duration fallback) {
        String text = ks.getSpec() == null ? null : ks.getSpec().getInterval();
        return parse(text, "spec.interval", ks, fallback);
    }

    public static Duration interval(HelmRelease hr, Duration fallback) {
        String text = hr.getSpec() == null ? null : hr.getSpec().getInterval();
        return parse(text, "spec.interval", hr, fallback);
    }

    public static Duration retryInterval(Kustomization ks, Duration fallback) {
        String text = ks.getSpec() == null ? null : ks.getSpec().getRetryInterval();
        if (text == null || text.isBlank()) {
            return interval(ks, fallback);
        }
        return parse(text, "spec.retryInterval", ks, interval(ks, fallback));
    }

    private static Duration parse(String text, String field, HasMetadata app, Duration fallback) {
        String where = field + " of " + app.getKind() + " " + app.getMetadata().getNamespace() + "/" + app.getMetadata().getName();
        if (text == null || text.isBlank()) {
            LOG.warnf("%s is not set; rendering it again every %s (set it, e.g. interval: 10m)", where, FluxDuration.format(fallback));
            return fallback;
        }
        try {
            Duration parsed = FluxDuration.parse(text, where);
            if (parsed.isZero() || parsed.isNegative()) {
                LOG.warnf("%s is '%s', which is not positive; using %s instead", where, text, FluxDuration.format(fallback));
                return fallback;
            }
            return parsed;
        } catch (IllegalArgumentException e) {
            LOG.warnf("%s; using %s instead", e.getMessage(), FluxDuration.format(fallback));
            return fallback;
        }
    }
}
