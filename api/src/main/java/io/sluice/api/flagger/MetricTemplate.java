package io.sluice.api.flagger;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * A metric query a Canary's analysis checks, by {@code templateRef}.
 *
 * <p>Flagger-compatible: {@code flagger.app/v1beta1}, kind {@code MetricTemplate}. Flagger gives it no status;
 * neither does Sluice (a broken template is reported on the Canary that uses it).
 */
@Group(MetricTemplate.GROUP)
@Version(MetricTemplate.VERSION)
@Kind(MetricTemplate.KIND)
@Plural(MetricTemplate.PLURAL)
@AdditionalPrinterColumn(name = "Provider", jsonPath = ".spec.provider.type", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Age", jsonPath = ".metadata.creationTimestamp", type = AdditionalPrinterColumn.Type.DATE)
public class MetricTemplate extends CustomResource<MetricTemplateSpec, Void> implements Namespaced {

    public static final String GROUP = "flagger.app";
    public static final String VERSION = "v1beta1";
    public static final String KIND = "MetricTemplate";
    public static final String PLURAL = "metrictemplates";
    /** {@code apiVersion} as written in manifests. */
    public static final String API_VERSION = GROUP + "/" + VERSION;
}
