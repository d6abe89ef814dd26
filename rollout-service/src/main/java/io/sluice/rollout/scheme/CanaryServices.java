package io.sluice.rollout.scheme;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.sluice.api.flagger.Canary;
import io.sluice.api.flagger.CanaryService;
import io.sluice.api.meta.ObjectMetadata;
import io.sluice.rollout.analysis.InvalidCanaryException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The three ClusterIP Services of Flagger's scheme: the apex ({@code podinfo}) and {@code podinfo-primary} select the
 * primary's pods, {@code podinfo-canary} the target's. The HTTPRoute splits traffic between the last two.
 */
public final class CanaryServices {

    private CanaryServices() {
    }

    public static List<Service> build(Canary canary, Deployment target) {
        CanaryService spec = canary.getSpec().getService();
        if (spec == null || spec.getPort() == null) {
            throw new InvalidCanaryException("spec.service.port is required: the port the Services and the HTTPRoute use");
        }
        SchemeNames names = SchemeNames.of(canary);
        String label = PrimaryDeployment.selectorLabel(target, names);
        String targetValue = target.getSpec().getSelector().getMatchLabels().get(label);
        return List.of(
                service(canary, names.apex(canary), label, names.primaryDeployment(), null),
                service(canary, names.primaryService(canary), label, names.primaryDeployment(), spec.getPrimary()),
                service(canary, names.canaryService(canary), label, targetValue, spec.getCanary()));
    }

    private static Service service(Canary canary, String name, String label, String value, ObjectMetadata extra) {
        CanaryService spec = canary.getSpec().getService();
        Map<String, String> labels = new LinkedHashMap<>();
        Map<String, String> annotations = new LinkedHashMap<>();
        if (extra != null) {
            labels.putAll(extra.getLabels() == null ? Map.of() : extra.getLabels());
            annotations.putAll(extra.getAnnotations() == null ? Map.of() : extra.getAnnotations());
        }
        labels.put(label, name);
        IntOrString targetPort = spec.getTargetPort() == null ? new IntOrString(spec.getPort()) : spec.getTargetPort();
        return new ServiceBuilder()
                .withMetadata(new ObjectMetaBuilder().withName(name).withNamespace(canary.getMetadata().getNamespace())
                        .withLabels(labels).withAnnotations(annotations.isEmpty() ? null : annotations)
                        .withOwnerReferences(PrimaryDeployment.ownedBy(canary)).build())
                .withNewSpec()
                .withType("ClusterIP")
                .withSelector(Map.of(label, value))
                .addNewPort()
                .withName(spec.getPortName() == null ? "http" : spec.getPortName())
                .withProtocol("TCP")
                .withPort(spec.getPort())
                .withTargetPort(targetPort)
                .withAppProtocol(spec.getAppProtocol())
                .endPort()
                .endSpec()
                .build();
    }
}
