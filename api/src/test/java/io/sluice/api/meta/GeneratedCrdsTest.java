package io.sluice.api.meta;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceColumnDefinition;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.sluice.api.flagger.Canary;
import io.sluice.api.flagger.FlaggerKinds;
import io.sluice.api.flagger.MetricTemplate;
import io.sluice.api.helm.HelmRelease;
import io.sluice.api.image.ImagePolicy;
import io.sluice.api.image.ImageRepository;
import io.sluice.api.image.ImageUpdateAutomation;
import io.sluice.api.kustomize.Kustomization;
import io.sluice.api.notification.Alert;
import io.sluice.api.notification.Provider;
import io.sluice.api.notification.Receiver;
import io.sluice.api.source.GitRepository;
import io.sluice.api.source.HelmChart;
import io.sluice.api.source.HelmRepository;
import io.sluice.api.source.OCIRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CRDs that fabric8's crd-generator writes at build time: on the classpath (the api jar) and copied to
 * deploy/crds, with Flux's group, version, kind and scope.
 */
class GeneratedCrdsTest {

    /** What Flux serves, written out here so that a wrong annotation on a model class fails this test. */
    record Expected(Class<? extends CustomResource<?, ?>> type, String group, String version, String kind, String plural,
                    boolean hasStatus) {

        String fileName() {
            return plural + "." + group + "-v1.yml";
        }

        @Override
        public String toString() {
            return kind;
        }
    }

    static List<Expected> kinds() {
        return List.of(
                new Expected(GitRepository.class, "source.toolkit.fluxcd.io", "v1", "GitRepository", "gitrepositories", true),
                new Expected(HelmRepository.class, "source.toolkit.fluxcd.io", "v1", "HelmRepository", "helmrepositories", true),
                new Expected(HelmChart.class, "source.toolkit.fluxcd.io", "v1", "HelmChart", "helmcharts", true),
                new Expected(OCIRepository.class, "source.toolkit.fluxcd.io", "v1", "OCIRepository", "ocirepositories", true),
                new Expected(Kustomization.class, "kustomize.toolkit.fluxcd.io", "v1", "Kustomization", "kustomizations", true),
                new Expected(HelmRelease.class, "helm.toolkit.fluxcd.io", "v2", "HelmRelease", "helmreleases", true),
                new Expected(ImageRepository.class, "image.toolkit.fluxcd.io", "v1", "ImageRepository", "imagerepositories", true),
                new Expected(ImagePolicy.class, "image.toolkit.fluxcd.io", "v1", "ImagePolicy", "imagepolicies", true),
                new Expected(ImageUpdateAutomation.class, "image.toolkit.fluxcd.io", "v1", "ImageUpdateAutomation", "imageupdateautomations", true),
                // Flux's v1beta3 Alert and Provider are static objects without a status.
                new Expected(Alert.class, "notification.toolkit.fluxcd.io", "v1beta3", "Alert", "alerts", false),
                new Expected(Provider.class, "notification.toolkit.fluxcd.io", "v1beta3", "Provider", "providers", false),
                new Expected(Receiver.class, "notification.toolkit.fluxcd.io", "v1", "Receiver", "receivers", true));
    }

    /** Flagger's kinds (rollout-service): their CRDs ship the same way, with Flagger's names and Flagger's status. */
    static List<Expected> flaggerKinds() {
        return List.of(
                new Expected(Canary.class, "flagger.app", "v1beta1", "Canary", "canaries", true),
                new Expected(MetricTemplate.class, "flagger.app", "v1beta1", "MetricTemplate", "metrictemplates", false));
    }

    /** Every CRD the api module generates: the Flux kinds, then Flagger's. */
    static List<Expected> allKinds() {
        return Stream.concat(kinds().stream(), flaggerKinds().stream()).toList();
    }

    private static final Path DEPLOY_CRDS = Path.of("..", "deploy", "crds");

    @Test
    void fluxKindsListsExactlyTheseKinds() {
        assertThat(FluxKinds.ALL).containsExactlyElementsOf(kinds().stream().map(Expected::type).toList());
        assertThat(FlaggerKinds.ALL).containsExactlyElementsOf(flaggerKinds().stream().map(Expected::type).toList());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allKinds")
    void theJarCarriesTheCrd(Expected expected) throws IOException {
        CustomResourceDefinition crd = fromClasspath(expected);

        assertThat(crd.getMetadata().getName()).isEqualTo(expected.plural() + "." + expected.group())
                .isEqualTo(FluxKinds.crdName(expected.type()));
        assertThat(crd.getSpec().getGroup()).isEqualTo(expected.group());
        assertThat(crd.getSpec().getNames().getKind()).isEqualTo(expected.kind());
        assertThat(crd.getSpec().getNames().getPlural()).isEqualTo(expected.plural());
        assertThat(crd.getSpec().getScope()).isEqualTo("Namespaced");
        assertThat(crd.getSpec().getVersions()).singleElement().satisfies(version -> {
            assertThat(version.getName()).isEqualTo(expected.version());
            assertThat(version.getServed()).isTrue();
            assertThat(version.getStorage()).isTrue();
            assertThat(version.getAdditionalPrinterColumns()).extracting(CustomResourceColumnDefinition::getName).contains("Age");
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void statusIsASubresourceWhereFluxHasAStatus(Expected expected) throws IOException {
        CustomResourceDefinitionVersion version = fromClasspath(expected).getSpec().getVersions().get(0);

        if (expected.hasStatus()) {
            assertThat(version.getSubresources()).isNotNull();
            assertThat(version.getSubresources().getStatus()).isNotNull();
            assertThat(version.getAdditionalPrinterColumns()).extracting(CustomResourceColumnDefinition::getJsonPath)
                    .contains(".status.conditions[?(@.type==\"Ready\")].status", ".status.conditions[?(@.type==\"Ready\")].message");
            assertThat(version.getSchema().getOpenAPIV3Schema().getProperties().get("status").getProperties()).containsKey("conditions");
        } else {
            assertThat(version.getSubresources() == null || version.getSubresources().getStatus() == null).isTrue();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allKinds")
    void theSchemaKeepsUnknownFields(Expected expected) throws IOException {
        CustomResourceDefinitionVersion version = fromClasspath(expected).getSpec().getVersions().get(0);

        // Matches the models: the API server must not prune fields Sluice does not know.
        assertThat(version.getSchema().getOpenAPIV3Schema().getProperties().get("spec").getXKubernetesPreserveUnknownFields()).isTrue();
        assertThat(version.getSchema().getOpenAPIV3Schema().getProperties().get("spec").getProperties())
                .doesNotContainKeys("additionalProperties", "getAdditionalProperties");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allKinds")
    void theBuildCopiesTheCrdToDeployCrds(Expected expected) throws IOException {
        Path copy = DEPLOY_CRDS.resolve(expected.fileName());

        assertThat(copy).exists();
        try (InputStream jar = resource(expected)) {
            assertThat(Files.readString(copy)).isEqualTo(new String(jar.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    @Test
    void theKustomizationInDeployCrdsListsEveryCrd() throws IOException {
        JsonNode kustomization = FluxDocs.tree(Files.readString(DEPLOY_CRDS.resolve("kustomization.yaml")));
        List<String> resources = Stream.of(kustomization.get("resources")).flatMap(r -> {
            java.util.List<String> names = new java.util.ArrayList<>();
            r.forEach(n -> names.add(n.asText()));
            return names.stream();
        }).toList();

        assertThat(resources).containsExactlyElementsOf(allKinds().stream().map(Expected::fileName).toList());
        try (Stream<Path> files = Files.list(DEPLOY_CRDS)) {
            assertThat(files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".yml")))
                    .containsExactlyInAnyOrderElementsOf(resources);
        }
    }

    @Test
    void canaryStatusIsASubresourceWithFlaggersFields() throws IOException {
        CustomResourceDefinitionVersion version = fromClasspath(flaggerKinds().get(0)).getSpec().getVersions().get(0);

        assertThat(version.getSubresources().getStatus()).isNotNull();
        assertThat(version.getSchema().getOpenAPIV3Schema().getProperties().get("status").getProperties())
                .containsKeys("phase", "canaryWeight", "failedChecks", "iterations", "lastAppliedSpec", "lastPromotedSpec", "conditions");
        assertThat(version.getAdditionalPrinterColumns()).extracting(CustomResourceColumnDefinition::getJsonPath)
                .contains(".status.phase", ".status.canaryWeight", ".status.failedChecks");
    }

    @Test
    void helmValuesAcceptAnyJson() throws IOException {
        CustomResourceDefinition crd = fromClasspath(kinds().stream().filter(k -> k.type() == HelmRelease.class).findFirst().orElseThrow());
        var values = crd.getSpec().getVersions().get(0).getSchema().getOpenAPIV3Schema()
                .getProperties().get("spec").getProperties().get("values");

        assertThat(values.getXKubernetesPreserveUnknownFields()).isTrue();
        // A type or additionalProperties here would make the API server reject `replicaCount: 2`.
        assertThat(values.getType()).isNull();
        assertThat(values.getAdditionalProperties()).isNull();
    }

    private static CustomResourceDefinition fromClasspath(Expected expected) throws IOException {
        try (InputStream in = resource(expected)) {
            return Serialization.unmarshal(in, CustomResourceDefinition.class);
        }
    }

    private static InputStream resource(Expected expected) {
        InputStream in = GeneratedCrdsTest.class.getResourceAsStream("/META-INF/fabric8/" + expected.fileName());
        assertThat(in).as("META-INF/fabric8/%s on the classpath; run the build so the crd-generator writes it", expected.fileName()).isNotNull();
        return in;
    }
}
