package io.sluice.source.reconcile;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.sluice.api.meta.LocalObjectReference;
import io.sluice.api.meta.ObjectKey;
import io.sluice.api.source.GitRepository;
import io.sluice.api.source.GitRepositoryInclude;
import io.sluice.api.source.GitRepositoryRef;
import io.sluice.api.source.GitRepositorySpec;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/** GitRepositories and their Secrets, created as the reconcile tests and the push benchmark need them. */
final class GitRepositoryFixtures {

    private GitRepositoryFixtures() {
    }

    /** Branch {@code main} of {@code url} every hour, with the credentials of Secret {@code secretName}. */
    static GitRepositorySpec spec(String url, String secretName) {
        GitRepositorySpec spec = new GitRepositorySpec();
        spec.setUrl(url);
        spec.setInterval("1h");
        GitRepositoryRef ref = new GitRepositoryRef();
        ref.setBranch("main");
        spec.setRef(ref);
        LocalObjectReference secretRef = new LocalObjectReference();
        secretRef.setName(secretName);
        spec.setSecretRef(secretRef);
        return spec;
    }

    static GitRepository gitRepository(String namespace, String name, GitRepositorySpec spec) {
        GitRepository repo = new GitRepository();
        repo.setMetadata(new ObjectMetaBuilder().withNamespace(namespace).withName(name).build());
        repo.setSpec(spec);
        return repo;
    }

    static ObjectKey create(KubernetesClient client, String namespace, String name, GitRepositorySpec spec) {
        client.resources(GitRepository.class).inNamespace(namespace).resource(gitRepository(namespace, name, spec)).create();
        return ObjectKey.of(GitRepository.KIND, namespace, name);
    }

    /** A {@code spec.include} entry: the files under {@code fromPath} of {@code repository}'s artifact go to {@code toPath}. */
    static GitRepositoryInclude include(String repository, String fromPath, String toPath) {
        GitRepositoryInclude include = new GitRepositoryInclude();
        LocalObjectReference ref = new LocalObjectReference();
        ref.setName(repository);
        include.setRepository(ref);
        include.setFromPath(fromPath);
        include.setToPath(toPath);
        return include;
    }

    /** Creates or replaces a Secret holding {@code data}, base64-encoded in {@code data} as an API server stores it. */
    static void createSecret(KubernetesClient client, String namespace, String name, Map<String, String> data) {
        Map<String, String> encoded = new HashMap<>();
        data.forEach((key, value) -> encoded.put(key, Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8))));
        client.secrets().inNamespace(namespace).resource(new SecretBuilder()
                .withNewMetadata().withNamespace(namespace).withName(name).endMetadata()
                .withData(encoded).build()).createOr(existing -> existing.update());
    }

    /** A Secret with Flux's {@code username} and {@code password} keys. */
    static void createBasicAuthSecret(KubernetesClient client, String namespace, String name, String user, String password) {
        createSecret(client, namespace, name, Map.of("username", user, "password", password));
    }
}
