package io.sluice.sandbox.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReviewBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Authentication with the sandbox's token, anonymous and unknown clients, impersonation checked against the Roles,
 * ClusterRoles and bindings stored in the sandbox, and access reviews: what a real server answers, in its words.
 */
class AuthenticationAndAuthorizationTest {

    private static final String SERVICE_ACCOUNT = "system:serviceaccount:tenant:deployer";
    private static SandboxCluster cluster;
    private static KubernetesClient admin;

    @BeforeAll
    static void start() {
        cluster = SandboxCluster.start();
        admin = cluster.client();
        admin.resource(new NamespaceBuilder().withNewMetadata().withName("tenant").endMetadata().build()).create();
        admin.resource(new ConfigMapBuilder().withNewMetadata().withNamespace("tenant").withName("settings").endMetadata()
                .withData(Map.of("a", "1")).build()).create();
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    private static KubernetesClient as(String user, String... groups) {
        return new KubernetesClientBuilder().withConfig(new ConfigBuilder(cluster.config()).withImpersonateUsername(user)
                .withImpersonateGroups(groups).build()).build();
    }

    @Test
    void withoutATokenARequestIsAnonymousAndMayOnlyReadHealthAndVersion() {
        RawApi anonymous = RawApi.as(cluster, null);
        RawApi.Answer list = anonymous.get("/api/v1/namespaces");
        assertThat(list.code()).isEqualTo(403);
        assertThat(list.json().path("message").asText()).isEqualTo("namespaces is forbidden: User \"system:anonymous\" "
                + "cannot list resource \"namespaces\" in API group \"\" at the cluster scope");
        assertThat(anonymous.get("/api").json().path("message").asText())
                .isEqualTo("forbidden: User \"system:anonymous\" cannot get path \"/api\"");
        assertThat(anonymous.get("/version").code()).isEqualTo(200);
        assertThat(anonymous.get("/healthz").body()).isEqualTo("ok");
        assertThat(RawApi.as(cluster, "Basic YWRtaW46YWRtaW4=").get("/api/v1/namespaces").code())
                .as("Basic credentials are not checked: anonymous").isEqualTo(403);
    }

    @Test
    void anUnknownTokenIsUnauthorizedEverywhere() {
        RawApi stranger = RawApi.as(cluster, "Bearer not-the-sandbox-token");
        for (String path : new String[] {"/api/v1/namespaces", "/api", "/version"}) {
            RawApi.Answer answer = stranger.get(path);
            assertThat(answer.code()).as(path).isEqualTo(401);
            assertThat(answer.json().path("reason").asText()).isEqualTo("Unauthorized");
        }
    }

    @Test
    void theKubeconfigCarriesTheToken(@TempDir Path dir) throws Exception {
        Path file = cluster.writeKubeconfig(dir.resolve("kubeconfig"));
        assertThat(Files.readString(file)).contains("token: \"" + cluster.token() + "\"").contains("certificate-authority-data");
        Config config = Config.fromKubeconfig(Files.readString(file));
        try (KubernetesClient fromFile = new KubernetesClientBuilder().withConfig(config).build()) {
            assertThat(fromFile.namespaces().withName("tenant").get()).isNotNull();
        }
    }

    @Test
    void anImpersonatedServiceAccountMayDoWhatItsRoleBindingGrantsAndNothingElse() {
        try (KubernetesClient deployer = as(SERVICE_ACCOUNT)) {
            assertThatThrownBy(() -> deployer.configMaps().inNamespace("tenant").withName("settings").get())
                    .isInstanceOfSatisfying(KubernetesClientException.class, e -> {
                        assertThat(e.getCode()).isEqualTo(403);
                        assertThat(e.getStatus().getMessage()).isEqualTo("configmaps \"settings\" is forbidden: User \""
                                + SERVICE_ACCOUNT + "\" cannot get resource \"configmaps\" in API group \"\" in the "
                                + "namespace \"tenant\"");
                    });

            admin.resource(new RoleBuilder().withNewMetadata().withNamespace("tenant").withName("reader").endMetadata()
                    .addNewRule().withApiGroups("").withResources("configmaps").withVerbs("get", "list").endRule().build())
                    .create();
            admin.resource(new RoleBindingBuilder().withNewMetadata().withNamespace("tenant").withName("deployer-reads")
                    .endMetadata().withNewRoleRef("rbac.authorization.k8s.io", "Role", "reader")
                    .addNewSubject().withKind("ServiceAccount").withName("deployer").withNamespace("tenant").endSubject()
                    .build()).create();

            assertThat(deployer.configMaps().inNamespace("tenant").withName("settings").get().getData()).containsEntry("a", "1");
            assertThat(deployer.configMaps().inNamespace("tenant").list().getItems()).isNotEmpty();
            assertThatThrownBy(() -> deployer.configMaps().inNamespace("default").list())
                    .as("another namespace").isInstanceOfSatisfying(KubernetesClientException.class,
                            e -> assertThat(e.getCode()).isEqualTo(403));
            assertThatThrownBy(() -> deployer.resource(new ConfigMapBuilder().withNewMetadata().withNamespace("tenant")
                    .withName("written").endMetadata().build()).fieldManager("sluice").serverSideApply())
                    .as("a verb the role lacks").isInstanceOfSatisfying(KubernetesClientException.class,
                            e -> assertThat(e.getStatus().getMessage()).contains("cannot patch resource \"configmaps\""));
        }
    }

    @Test
    void theDefaultClusterRolesEditAndViewCanBeBoundInANamespace() {
        admin.resource(new RoleBindingBuilder().withNewMetadata().withNamespace("tenant").withName("jane-edits")
                .endMetadata().withNewRoleRef("rbac.authorization.k8s.io", "ClusterRole", "edit")
                .addNewSubject().withApiGroup("rbac.authorization.k8s.io").withKind("User").withName("jane").endSubject()
                .build()).create();
        try (KubernetesClient jane = as("jane")) {
            assertThat(jane.resource(new ConfigMapBuilder().withNewMetadata().withNamespace("tenant").withName("by-jane")
                    .endMetadata().build()).create()).isNotNull();
            assertThatThrownBy(() -> jane.rbac().roles().inNamespace("tenant").list()).as("edit grants no RBAC")
                    .isInstanceOfSatisfying(KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(403));
        }
        try (KubernetesClient devs = as("joe", "devs")) {
            assertThatThrownBy(() -> devs.configMaps().inNamespace("tenant").list()).as("a group nothing is bound to")
                    .isInstanceOfSatisfying(KubernetesClientException.class, e -> assertThat(e.getStatus().getMessage())
                            .startsWith("configmaps is forbidden: User \"joe\" cannot list resource"));
        }
    }

    @Test
    void onlyThoseAllowedToMayImpersonate() {
        RawApi.Answer refused = RawApi.as(cluster, null).get("/api/v1/namespaces/tenant/configmaps",
                "Impersonate-User", "jane");
        assertThat(refused.code()).isEqualTo(403);
        assertThat(refused.json().path("message").asText()).isEqualTo("users \"jane\" is forbidden: User "
                + "\"system:anonymous\" cannot impersonate resource \"users\" in API group \"\" at the cluster scope");
    }

    @Test
    void aUserMayGrantOnlyWhatItHoldsItself() {
        admin.resource(new RoleBindingBuilder().withNewMetadata().withNamespace("tenant").withName("owner-admins")
                .endMetadata().withNewRoleRef("rbac.authorization.k8s.io", "ClusterRole", "admin")
                .addNewSubject().withKind("ServiceAccount").withName("owner").withNamespace("tenant").endSubject()
                .build()).create();
        try (KubernetesClient owner = as("system:serviceaccount:tenant:owner")) {
            assertThat(owner.resource(new RoleBuilder().withNewMetadata().withNamespace("tenant").withName("cm-reader")
                    .endMetadata().addNewRule().withApiGroups("").withResources("configmaps").withVerbs("get", "list")
                    .endRule().build()).create()).as("permissions it holds").isNotNull();
            assertThatThrownBy(() -> owner.resource(new RoleBuilder().withNewMetadata().withNamespace("tenant")
                    .withName("node-reader").endMetadata().addNewRule().withApiGroups("").withResources("nodes")
                    .withVerbs("get").endRule().build()).create())
                    .isInstanceOfSatisfying(KubernetesClientException.class, e -> {
                        assertThat(e.getCode()).isEqualTo(403);
                        assertThat(e.getStatus().getMessage()).isEqualTo("roles.rbac.authorization.k8s.io \"node-reader\" "
                                + "is forbidden: user \"system:serviceaccount:tenant:owner\" (groups=[\"system:serviceaccounts\" "
                                + "\"system:serviceaccounts:tenant\" \"system:authenticated\"]) is attempting to grant RBAC "
                                + "permissions not currently held:\n{APIGroups:[\"\"], Resources:[\"nodes\"], Verbs:[\"get\"]}");
                    });
            assertThatThrownBy(() -> owner.resource(new RoleBindingBuilder().withNewMetadata().withNamespace("tenant")
                    .withName("owner-everything").endMetadata().withNewRoleRef("rbac.authorization.k8s.io", "ClusterRole",
                            "cluster-admin").addNewSubject().withKind("ServiceAccount").withName("owner")
                    .withNamespace("tenant").endSubject().build()).create())
                    .as("a binding to a role with more than it holds").isInstanceOfSatisfying(KubernetesClientException.class,
                            e -> assertThat(e.getStatus().getMessage()).contains("is attempting to grant RBAC permissions"));
        }
    }

    @Test
    void aSelfSubjectAccessReviewAnswersForTheImpersonatedUser() {
        try (KubernetesClient reviewer = as("reviewer")) {
            SelfSubjectAccessReview denied = reviewer.authorization().v1().selfSubjectAccessReview().create(
                    new SelfSubjectAccessReviewBuilder().withNewSpec().withNewResourceAttributes().withNamespace("tenant")
                            .withVerb("list").withResource("secrets").endResourceAttributes().endSpec().build());
            assertThat(denied.getStatus().getAllowed()).isFalse();
        }
        SelfSubjectAccessReview allowed = admin.authorization().v1().selfSubjectAccessReview().create(
                new SelfSubjectAccessReviewBuilder().withNewSpec().withNewResourceAttributes().withNamespace("tenant")
                        .withVerb("delete").withResource("secrets").endResourceAttributes().endSpec().build());
        assertThat(allowed.getStatus().getAllowed()).isTrue();
        admin.resource(new RoleBindingBuilder().withNewMetadata().withNamespace("tenant").withName("auditor-views")
                .endMetadata().withNewRoleRef("rbac.authorization.k8s.io", "ClusterRole", "view")
                .addNewSubject().withKind("ServiceAccount").withName("auditor").withNamespace("tenant").endSubject()
                .build()).create();
        JsonNode review = RawApi.admin(cluster).send("POST", "/apis/authorization.k8s.io/v1/selfsubjectaccessreviews",
                "{\"apiVersion\":\"authorization.k8s.io/v1\",\"kind\":\"SelfSubjectAccessReview\",\"spec\":"
                        + "{\"resourceAttributes\":{\"namespace\":\"tenant\",\"verb\":\"list\",\"resource\":\"configmaps\"}}}",
                "Content-Type", "application/json", "Impersonate-User", "system:serviceaccount:tenant:auditor").json();
        assertThat(review.path("status").path("allowed").asBoolean()).isTrue();
        assertThat(review.path("status").path("reason").asText()).isEqualTo("RBAC: allowed by RoleBinding "
                + "\"auditor-views/tenant\" of ClusterRole \"view\" to ServiceAccount \"auditor/tenant\"");
    }
}
