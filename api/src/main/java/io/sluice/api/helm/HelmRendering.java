package io.sluice.api.helm;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Objects;

/**
 * A HelmRelease rendered by render-service, as apply-service needs it to release it: the payload of a
 * {@code ManifestsRendered} whose app is a HelmRelease (a Kustomization's payload is its YAML stream instead).
 *
 * <p>{@code release} is the Helm release as Helm stores it, without what only the release itself decides
 * ({@code info}, {@code version}): {@code name}, {@code namespace}, {@code chart} (metadata, lock, templates, values,
 * schema, files), {@code config} (the user-supplied values), {@code manifest} (the post-rendered objects, what
 * {@code helm get manifest} prints) and {@code hooks} (each with kind, path, manifest, events, weight and delete
 * policies). apply-service adds {@code info}, {@code version} and the hooks' {@code last_run}, then writes it to the
 * release Secret, so Helm's own commands read Sluice's releases.
 *
 * @param releaseName          the Helm release name ({@code spec.releaseName}, or Flux's default)
 * @param releaseNamespace     where the objects go ({@code spec.targetNamespace} or the HelmRelease's namespace)
 * @param storageNamespace     where the release Secrets go ({@code spec.storageNamespace} or the HelmRelease's)
 * @param generation           the HelmRelease's {@code metadata.generation} this rendering was made from
 * @param chart                the chart's name, version and appVersion
 * @param configDigest         {@code sha256:} of the values, Flux's {@code lastAttemptedConfigDigest}
 * @param valuesChecksum       SHA-1 hex of the values, Flux's {@code lastAttemptedValuesChecksum}
 * @param postRenderersDigest  digest of {@code spec.postRenderers}; null without post-renderers
 * @param commonMetadataDigest digest of {@code spec.commonMetadata}; null without it
 * @param crds                 the chart's {@code crds/} files (its own, then its dependencies'), applied by
 *                             {@code install.crds}/{@code upgrade.crds}; never part of the release manifest
 * @param release              Helm's release JSON without {@code info} and {@code version}, see above
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HelmRendering(String releaseName, String releaseNamespace, String storageNamespace, long generation,
                            ChartVersion chart, String configDigest, String valuesChecksum, String postRenderersDigest,
                            String commonMetadataDigest, List<CrdFile> crds, ObjectNode release) {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    public HelmRendering {
        Objects.requireNonNull(releaseName, "releaseName");
        Objects.requireNonNull(releaseNamespace, "releaseNamespace");
        Objects.requireNonNull(storageNamespace, "storageNamespace");
        Objects.requireNonNull(chart, "chart");
        Objects.requireNonNull(configDigest, "configDigest");
        Objects.requireNonNull(release, "release");
        crds = crds == null ? List.of() : List.copyOf(crds);
    }

    /** The chart a release was rendered from, as Flux's status names it ({@code podinfo@6.5.4}). */
    public record ChartVersion(String name, String version, String appVersion) {
        public ChartVersion {
            Objects.requireNonNull(name, "chart.name");
            Objects.requireNonNull(version, "chart.version");
        }

        @Override
        public String toString() {
            return name + "@" + version;
        }
    }

    /** One file of a chart's {@code crds/} folder: its path in the chart ({@code podinfo/crds/x.yaml}) and its text. */
    public record CrdFile(String path, String manifest) {
    }

    /** The release manifest: the objects to apply, as {@code helm get manifest} prints them. */
    public String manifest() {
        return release.path("manifest").asText("");
    }

    /** This rendering as the JSON the payload carries (keys of maps sorted, so the same rendering gives the same bytes). */
    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a HelmRendering as JSON", e);
        }
    }

    /**
     * Reads a payload written by {@link #toJson()}.
     *
     * @throws IllegalArgumentException when it is not such a JSON document; the message says what is wrong
     */
    public static HelmRendering parse(String json) {
        try {
            return JSON.readValue(json, HelmRendering.class);
        } catch (JsonProcessingException | NullPointerException e) {
            throw new IllegalArgumentException("the rendering of a HelmRelease is not a HelmRendering JSON document: "
                    + e.getMessage(), e);
        }
    }
}
