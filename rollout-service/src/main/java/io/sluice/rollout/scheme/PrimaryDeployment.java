package io.sluice.rollout.scheme;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentSpec;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.sluice.api.flagger.Canary;
import io.sluice.rollout.analysis.InvalidCanaryException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The primary Deployment cloned from the target: same pod template, the selector label's value rewritten to
 * {@code <target>-primary} so the primary's pods and the canary's never share a selector, owned by the Canary so it
 * goes with it. Promotion is the same build from the target's current template.
 */
public final class PrimaryDeployment {

    /** The selector labels Flagger looks for, in its order (its {@code -selector-labels} default). */
    static final List<String> SELECTOR_LABELS = List.of("app", "name", "app.kubernetes.io/name");

    private PrimaryDeployment() {
    }

    public static Deployment from(Canary canary, Deployment target) {
        SchemeNames names = SchemeNames.of(canary);
        String label = selectorLabel(target, names);
        String primary = names.primaryDeployment();

        DeploymentSpec spec = Serialization.clone(target.getSpec());
        spec.setReplicas(target.getSpec().getReplicas() == null || target.getSpec().getReplicas() == 0 ? 1 : target.getSpec().getReplicas());
        spec.setSelector(rewritten(spec.getSelector(), label, primary));
        PodTemplateSpec template = spec.getTemplate();
        Map<String, String> podLabels = new LinkedHashMap<>(template.getMetadata().getLabels());
        podLabels.put(label, primary);
        template.getMetadata().setLabels(podLabels);

        Map<String, String> labels = new LinkedHashMap<>(target.getMetadata().getLabels() == null ? Map.of() : target.getMetadata().getLabels());
        labels.put(label, primary);
        Deployment deployment = new Deployment();
        deployment.setApiVersion("apps/v1");
        deployment.setKind("Deployment");
        deployment.setMetadata(new ObjectMetaBuilder().withName(primary).withNamespace(names.namespace()).withLabels(labels)
                .withOwnerReferences(ownedBy(canary)).build());
        deployment.setSpec(spec);
        return deployment;
    }

    /** The label of the target's selector that tells its pods apart; the Services select by it too. */
    public static String selectorLabel(Deployment target, SchemeNames names) {
        Map<String, String> matchLabels = target.getSpec() == null || target.getSpec().getSelector() == null
                ? Map.of() : target.getSpec().getSelector().getMatchLabels();
        for (String label : SELECTOR_LABELS) {
            if (matchLabels != null && matchLabels.containsKey(label)) {
                return label;
            }
        }
        throw new InvalidCanaryException("Deployment " + names.target() + "." + names.namespace()
                + " has none of the selector labels " + SELECTOR_LABELS + " in spec.selector.matchLabels");
    }

    static OwnerReference ownedBy(Canary canary) {
        return new OwnerReferenceBuilder().withApiVersion(Canary.API_VERSION).withKind(Canary.KIND)
                .withName(canary.getMetadata().getName()).withUid(canary.getMetadata().getUid())
                .withController(true).withBlockOwnerDeletion(true).build();
    }

    private static LabelSelector rewritten(LabelSelector selector, String label, String value) {
        Map<String, String> matchLabels = new LinkedHashMap<>(selector.getMatchLabels());
        matchLabels.put(label, value);
        selector.setMatchLabels(matchLabels);
        return selector;
    }
}
