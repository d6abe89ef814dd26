package io.sluice.rollout.testing;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.sluice.api.flagger.Canary;
import io.sluice.api.flagger.CanaryAnalysis;
import io.sluice.api.flagger.CanaryMetric;
import io.sluice.api.flagger.CanaryService;
import io.sluice.api.flagger.CanarySpec;
import io.sluice.api.flagger.GatewayReference;
import io.sluice.api.flagger.MetricTemplate;
import io.sluice.api.flagger.MetricTemplateProvider;
import io.sluice.api.flagger.MetricTemplateSpec;
import io.sluice.api.flagger.TargetReference;
import io.sluice.api.flagger.ThresholdRange;
import io.sluice.api.meta.NamespacedObjectReference;

import java.util.List;
import java.util.Map;

/** Canaries as Flagger's Gateway API tutorial writes them: podinfo in namespace test, port 9898. */
public final class Canaries {

    private Canaries() {
    }

    /** podinfo with stepWeight 10 up to maxWeight 50, threshold 2, interval 1m, no metrics. */
    public static Canary podinfo() {
        CanarySpec spec = new CanarySpec();
        spec.setProvider("gatewayapi:v1");
        TargetReference target = new TargetReference();
        target.setApiVersion("apps/v1");
        target.setKind("Deployment");
        target.setName("podinfo");
        spec.setTargetRef(target);
        CanaryService service = new CanaryService();
        service.setPort(9898);
        GatewayReference gateway = new GatewayReference();
        gateway.setName("contour");
        gateway.setNamespace("projectcontour");
        service.setGatewayRefs(List.of(gateway));
        service.setHosts(List.of("www.example.com"));
        spec.setService(service);
        CanaryAnalysis analysis = new CanaryAnalysis();
        analysis.setInterval("1m");
        analysis.setThreshold(2);
        analysis.setStepWeight(10);
        analysis.setMaxWeight(50);
        spec.setAnalysis(analysis);
        Canary canary = new Canary();
        canary.setMetadata(new ObjectMetaBuilder().withName("podinfo").withNamespace("test").withUid("c0ffee").build());
        canary.setSpec(spec);
        return canary;
    }

    public static CanaryMetric builtin(String name, Double min, Double max, String interval) {
        CanaryMetric metric = new CanaryMetric();
        metric.setName(name);
        metric.setInterval(interval);
        ThresholdRange range = new ThresholdRange();
        range.setMin(min);
        range.setMax(max);
        metric.setThresholdRange(range);
        return metric;
    }

    public static CanaryMetric fromTemplate(String name, String template, String templateNamespace, Map<String, String> variables,
                                            Double min, Double max) {
        CanaryMetric metric = builtin(name, min, max, "1m");
        NamespacedObjectReference reference = new NamespacedObjectReference();
        reference.setName(template);
        reference.setNamespace(templateNamespace);
        metric.setTemplateRef(reference);
        metric.setTemplateVariables(variables);
        return metric;
    }

    /** A MetricTemplate of provider {@code type} at {@code address} (may be null) running {@code query}. */
    public static MetricTemplate metricTemplate(String type, String address, String query) {
        MetricTemplateProvider provider = new MetricTemplateProvider();
        provider.setType(type);
        provider.setAddress(address);
        MetricTemplateSpec spec = new MetricTemplateSpec();
        spec.setProvider(provider);
        spec.setQuery(query);
        MetricTemplate template = new MetricTemplate();
        template.setMetadata(new ObjectMetaBuilder().withName("t").build());
        template.setSpec(spec);
        return template;
    }
}
