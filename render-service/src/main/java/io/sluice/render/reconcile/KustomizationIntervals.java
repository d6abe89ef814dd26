package io.sluice.render.reconcile;

import io.sluice.api.kustomize.Kustomization;
import io.sluice.api.meta.FluxDuration;
import org.jboss.logging.Logger;

import java.time.Duration;

/**
 * When to render a Kustomization again, as kustomize-controller requeues it: after {@code spec.interval} when the
 * render went through (rendered or unchanged), after {@code spec.retryInterval} (default: the interval) when it
 * failed. A missing, unparsable or non-positive duration falls back to the service's default interval, with a
 * warning naming the field: the CRD's pattern normally rejects such objects before they get here.
 */
public final class KustomizationIntervals {

    private static final Logger LOG = Logger.getLogger(KustomizationIntervals.class);

    private KustomizationIntervals() {
    }

    public static Duration interval(Kustomization ks, Duration fallback) {
        String text = ks.getSpec() == null ? null : ks.getSpec().getInterval();
        return parse(text, "spec.interval", ks, fallback);
    }

    public static Duration retryInterval(Kustomization ks, Duration fallback) {
        String text = ks.getSpec() == null ? null : ks.getSpec().getRetryInterval();
        if (text == null || text.isBlank()) {
            return interval(ks, fallback);
        }
        return parse(text, "spec.retryInterval", ks, interval(ks, fallback));
    }

    private static Duration parse(String text, String field, Kustomization ks, Duration fallback) {
        String where = field + " of Kustomization " + ks.getMetadata().getNamespace() + "/" + ks.getMetadata().getName();
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
