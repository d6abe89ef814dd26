package io.sluice.sandbox.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.ConfigMapList;
import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.sluice.api.source.GitRepository;
import io.sluice.api.source.GitRepositorySpec;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * LIST answers shaped as a real server's (items of built-in types without apiVersion and kind, custom resources with
 * them) and paged with {@code limit} and {@code continue}.
 */
class ListShapeAndPagingTest {

    private static SandboxCluster cluster;
    private static KubernetesClient client;
    private static RawApi api;

    @BeforeAll
    static void start() {
        cluster = SandboxCluster.start();
        client = cluster.client();
        api = RawApi.admin(cluster);
        client.resource(new NamespaceBuilder().withNewMetadata().withName("pages").endMetadata().build()).create();
        for (String name : List.of("p3", "p1", "p5", "p2", "p4")) {
            client.resource(new ConfigMapBuilder().withNewMetadata().withNamespace("pages").withName(name)
                    .withLabels(Map.of("set", "pages")).endMetadata().withData(Map.of("k", name)).build()).create();
        }
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    @Test
    void builtInListItemsCarryNoApiVersionOrKindButCustomResourceItemsDo() {
        JsonNode configMaps = api.get("/api/v1/namespaces/pages/configmaps?labelSelector=set%3Dpages").json();
        assertThat(configMaps.path("kind").asText()).isEqualTo("ConfigMapList");
        assertThat(configMaps.path("metadata").has("continue")).isFalse();
        assertThat(configMaps.path("items")).hasSize(5).allSatisfy(item -> {
            assertThat(item.has("apiVersion")).isFalse();
            assertThat(item.has("kind")).isFalse();
        });

        client.resources(GitRepository.class).inNamespace("default").resource(gitRepository("listed")).create();
        JsonNode repositories = api.get("/apis/source.toolkit.fluxcd.io/v1/namespaces/default/gitrepositories").json();
        assertThat(repositories.path("metadata").path("continue").asText("missing")).isEmpty();
        assertThat(repositories.path("items").get(0).path("kind").asText()).isEqualTo("GitRepository");
    }

    @Test
    void limitAndContinueWalkTheListInPagesWithTheFirstPagesResourceVersion() {
        List<String> names = new ArrayList<>();
        String token = null;
        String firstVersion = null;
        int pages = 0;
        do {
            ConfigMapList page = client.configMaps().inNamespace("pages").withLabel("set", "pages")
                    .list(new ListOptionsBuilder().withLimit(2L).withContinue(token).build());
            page.getItems().forEach(item -> names.add(item.getMetadata().getName()));
            firstVersion = firstVersion == null ? page.getMetadata().getResourceVersion() : firstVersion;
            assertThat(page.getMetadata().getResourceVersion()).isEqualTo(firstVersion);
            assertThat(page.getMetadata().getRemainingItemCount()).as("not counted under a selector").isNull();
            token = page.getMetadata().getContinue();
            pages++;
        } while (token != null && !token.isEmpty());
        assertThat(names).containsExactly("p1", "p2", "p3", "p4", "p5");
        assertThat(pages).isEqualTo(3);

        JsonNode all = api.get("/api/v1/namespaces/pages/configmaps?limit=2").json();
        assertThat(all.path("metadata").path("remainingItemCount").asLong())
                .as("five ConfigMaps and kube-root-ca.crt, two on this page").isEqualTo(4);
        assertThat(api.get("/api/v1/namespaces/pages/configmaps?limit=0").json().path("items")).hasSize(6);
    }

    @Test
    void aBadContinueTokenIsABadRequestAndOneOlderThanTheHistoryIsGone() {
        RawApi.Answer bad = api.get("/api/v1/namespaces/pages/configmaps?limit=2&continue=not-a-token");
        assertThat(bad.code()).isEqualTo(400);
        assertThat(bad.json().path("message").asText()).isEqualTo("invalid continue token: continue key is not valid: "
                + "invalid character '\\u009e' looking for beginning of value");

        String ancient = Base64.getUrlEncoder().withoutPadding().encodeToString(
                "{\"v\":\"meta.k8s.io/v1\",\"rv\":1,\"start\":\"p1\\u0000\"}".getBytes(StandardCharsets.UTF_8));
        RawApi.Answer gone = api.get("/api/v1/namespaces/pages/configmaps?limit=2&continue=" + ancient);
        assertThat(gone.code()).isEqualTo(410);
        assertThat(gone.json().path("reason").asText()).isEqualTo("Expired");
    }

    @Test
    void resourceVersionOptionsAreCheckedAsOnARealServer() {
        RawApi.Answer matchWithoutVersion = api.get("/api/v1/namespaces/pages/configmaps?resourceVersionMatch=NotOlderThan");
        assertThat(matchWithoutVersion.code()).isEqualTo(422);
        assertThat(matchWithoutVersion.json().path("details").path("kind").asText()).isEqualTo("ListOptions");
        assertThat(api.get("/api/v1/namespaces/pages/configmaps?resourceVersion=1&resourceVersionMatch=Exact").code())
                .as("a snapshot the sandbox does not keep").isEqualTo(410);
        RawApi.Answer future = api.get("/api/v1/namespaces/pages/configmaps?resourceVersion=999999999");
        assertThat(future.code()).isEqualTo(504);
        assertThat(future.json().path("details").path("retryAfterSeconds").asInt()).isEqualTo(1);
    }

    @Test
    void selectorsAreParsedAndCheckedAsOnARealServer() {
        RawApi.Answer notParenthesized = api.get("/api/v1/namespaces/pages/configmaps?labelSelector=app%20in%20web");
        assertThat(notParenthesized.code()).isEqualTo(400);
        assertThat(notParenthesized.json().path("message").asText())
                .isEqualTo("unable to parse requirement: found 'web' expected: '('");
        RawApi.Answer unknownField = api.get("/api/v1/namespaces/pages/configmaps?fieldSelector=data.k%3Dv");
        assertThat(unknownField.code()).isEqualTo(400);
        assertThat(unknownField.json().path("message").asText())
                .isEqualTo("\"data.k\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\"");
        assertThat(client.configMaps().inNamespace("pages").withField("metadata.name", "p2").list().getItems())
                .extracting(c -> c.getMetadata().getName()).containsExactly("p2");
    }

    private static GitRepository gitRepository(String name) {
        GitRepository repository = new GitRepository();
        repository.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace("default").build());
        GitRepositorySpec spec = new GitRepositorySpec();
        spec.setUrl("https://example.com/repo.git");
        spec.setInterval("1m");
        repository.setSpec(spec);
        return repository;
    }
}
