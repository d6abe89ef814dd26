package io.sluice.rollout.scheme;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.sluice.api.flagger.Canary;
import io.sluice.rollout.analysis.InvalidCanaryException;
import io.sluice.rollout.testing.Canaries;
import io.sluice.rollout.testing.Deployments;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The objects Flagger's scheme makes for podinfo: podinfo-primary, three Services, one HTTPRoute. */
class FlaggerSchemeTest {

    private final Canary canary = Canaries.podinfo();
    private final Deployment target = Deployments.podinfo("ghcr.io/stefanprodan/podinfo:6.5.0");

    @Test
    void thePrimaryIsTheTargetWithItsOwnSelector() {
        Deployment primary = PrimaryDeployment.from(canary, target);

        assertThat(primary.getMetadata().getName()).isEqualTo("podinfo-primary");
        assertThat(primary.getMetadata().getNamespace()).isEqualTo("test");
        assertThat(primary.getMetadata().getOwnerReferences()).singleElement().satisfies(owner -> {
            assertThat(owner.getKind()).isEqualTo("Canary");
            assertThat(owner.getUid()).isEqualTo("c0ffee");
            assertThat(owner.getController()).isTrue();
        });
        assertThat(primary.getSpec().getSelector().getMatchLabels()).containsExactly(Map.entry("app", "podinfo-primary"));
        assertThat(primary.getSpec().getTemplate().getMetadata().getLabels())
                .containsEntry("app", "podinfo-primary").containsEntry("tier", "web");
        assertThat(primary.getSpec().getTemplate().getSpec().getContainers().get(0).getImage()).isEqualTo("ghcr.io/stefanprodan/podinfo:6.5.0");
        assertThat(primary.getSpec().getReplicas()).isEqualTo(2);
        assertThat(target.getSpec().getSelector().getMatchLabels()).as("the target is not touched").containsEntry("app", "podinfo");
    }

    @Test
    void aTargetScaledToZeroStillGivesARunningPrimary() {
        target.getSpec().setReplicas(0);

        assertThat(PrimaryDeployment.from(canary, target).getSpec().getReplicas()).isEqualTo(1);
    }

    @Test
    void aTargetWithoutAKnownSelectorLabelIsRejected() {
        target.getSpec().getSelector().setMatchLabels(Map.of("component", "podinfo"));

        assertThatThrownBy(() -> PrimaryDeployment.from(canary, target)).isInstanceOf(InvalidCanaryException.class)
                .hasMessageContaining("Deployment podinfo.test has none of the selector labels [app, name, app.kubernetes.io/name]");
    }

    @Test
    void apexAndPrimaryServicesSelectThePrimaryTheCanaryServiceTheTarget() {
        List<Service> services = CanaryServices.build(canary, target);

        assertThat(services).extracting(s -> s.getMetadata().getName()).containsExactly("podinfo", "podinfo-primary", "podinfo-canary");
        assertThat(services).extracting(s -> s.getSpec().getSelector())
                .containsExactly(Map.of("app", "podinfo-primary"), Map.of("app", "podinfo-primary"), Map.of("app", "podinfo"));
        assertThat(services).allSatisfy(service -> {
            assertThat(service.getSpec().getType()).isEqualTo("ClusterIP");
            assertThat(service.getSpec().getPorts()).singleElement().satisfies(port -> {
                assertThat(port.getPort()).isEqualTo(9898);
                assertThat(port.getTargetPort().getIntVal()).isEqualTo(9898);
                assertThat(port.getName()).isEqualTo("http");
            });
        });
    }

    @Test
    void servicesNeedAPort() {
        canary.getSpec().getService().setPort(null);

        assertThatThrownBy(() -> CanaryServices.build(canary, target)).hasMessageContaining("spec.service.port is required");
    }

    @Test
    void theHttpRouteSplitsTrafficBetweenPrimaryAndCanary() {
        GenericKubernetesResource route = TrafficRoute.build(canary, 70, 30);
        Map<String, Object> json = Serialization.unmarshal(Serialization.asJson(route), Map.class);

        assertThat(json).containsEntry("apiVersion", "gateway.networking.k8s.io/v1").containsEntry("kind", "HTTPRoute");
        assertThat(route.getMetadata().getName()).isEqualTo("podinfo");
        Map<String, Object> spec = (Map<String, Object>) json.get("spec");
        assertThat(spec.get("parentRefs")).isEqualTo(List.of(Map.of("name", "contour", "namespace", "projectcontour")));
        assertThat(spec.get("hostnames")).isEqualTo(List.of("www.example.com"));
        List<Map<String, Object>> rules = (List<Map<String, Object>>) spec.get("rules");
        assertThat(rules).singleElement().satisfies(rule -> assertThat(rule.get("backendRefs")).isEqualTo(List.of(
                Map.of("group", "", "kind", "Service", "name", "podinfo-primary", "port", 9898, "weight", 70),
                Map.of("group", "", "kind", "Service", "name", "podinfo-canary", "port", 9898, "weight", 30))));
    }

    @Test
    void theRouteNeedsAGatewayAndWeightsThatAddUp() {
        assertThatThrownBy(() -> TrafficRoute.build(canary, 60, 30)).hasMessageContaining("must add up to 100");
        canary.getSpec().getService().setGatewayRefs(null);
        assertThatThrownBy(() -> TrafficRoute.build(canary, 100, 0)).isInstanceOf(InvalidCanaryException.class)
                .hasMessageContaining("spec.service.gatewayRefs is required");
    }

    @Test
    void theRevisionFollowsThePodTemplateOnly() {
        String revision = PodTemplateRevision.of(target);

        assertThat(PodTemplateRevision.of(Deployments.podinfo("ghcr.io/stefanprodan/podinfo:6.5.0"))).isEqualTo(revision);
        target.getSpec().setReplicas(5);
        assertThat(PodTemplateRevision.of(target)).as("scaling is not a new revision").isEqualTo(revision);
        assertThat(PodTemplateRevision.of(Deployments.podinfo("ghcr.io/stefanprodan/podinfo:6.5.1"))).isNotEqualTo(revision);
        assertThat(revision).matches("[0-9a-f]{16}");
    }
}
