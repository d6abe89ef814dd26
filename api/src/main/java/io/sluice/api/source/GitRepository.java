package io.sluice.api.source;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * A Git repository to fetch: the source-service clones {@code spec.url} at {@code spec.ref} every
 * {@code spec.interval} (and on push webhooks) and publishes a tar.gz artifact.
 *
 * <p>Flux-compatible: {@code source.toolkit.fluxcd.io/v1}, kind {@code GitRepository}, same field names.
 */
@Group(GitRepository.GROUP)
@Version(GitRepository.VERSION)
@Kind(GitRepository.KIND)
@Plural(GitRepository.PLURAL)
@ShortNames({"gitrepo"})
@AdditionalPrinterColumn(name = "URL", jsonPath = ".spec.url", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Ready", jsonPath = ".status.conditions[?(@.type==\"Ready\")].status", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Status", jsonPath = ".status.conditions[?(@.type==\"Ready\")].message", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Age", jsonPath = ".metadata.creationTimestamp", type = AdditionalPrinterColumn.Type.DATE)
public class GitRepository extends CustomResource<GitRepositorySpec, GitRepositoryStatus> implements Namespaced {

    public static final String GROUP = "source.toolkit.fluxcd.io";
    public static final String VERSION = "v1";
    public static final String KIND = "GitRepository";
    public static final String PLURAL = "gitrepositories";
    /** {@code apiVersion} as written in manifests. */
    public static final String API_VERSION = GROUP + "/" + VERSION;
}
