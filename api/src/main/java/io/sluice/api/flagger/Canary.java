package io.sluice.api.flagger;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * A progressive rollout of a Deployment: traffic moves to the new version step by step while metrics are checked.
 *
 * <p>Flagger-compatible: {@code flagger.app/v1beta1}, kind {@code Canary}, same field names, same printer columns.
 */
@Group(Canary.GROUP)
@Version(Canary.VERSION)
@Kind(Canary.KIND)
@Plural(Canary.PLURAL)
@ShortNames({"canary"})
@AdditionalPrinterColumn(name = "Status", jsonPath = ".status.phase", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Weight", jsonPath = ".status.canaryWeight", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "FailedChecks", jsonPath = ".status.failedChecks", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Interval", jsonPath = ".spec.analysis.interval", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "StepWeight", jsonPath = ".spec.analysis.stepWeight", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "MaxWeight", jsonPath = ".spec.analysis.maxWeight", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "LastTransitionTime", jsonPath = ".status.lastTransitionTime", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Age", jsonPath = ".metadata.creationTimestamp", type = AdditionalPrinterColumn.Type.DATE)
public class Canary extends CustomResource<CanarySpec, CanaryStatus> implements Namespaced {

    public static final String GROUP = "flagger.app";
    public static final String VERSION = "v1beta1";
    public static final String KIND = "Canary";
    public static final String PLURAL = "canaries";
    /** {@code apiVersion} as written in manifests. */
    public static final String API_VERSION = GROUP + "/" + VERSION;
}
