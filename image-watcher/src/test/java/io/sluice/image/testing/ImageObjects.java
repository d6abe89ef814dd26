package io.sluice.image.testing;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.sluice.api.image.ImagePolicy;
import io.sluice.api.image.ImagePolicyChoice;
import io.sluice.api.image.ImagePolicySpec;
import io.sluice.api.image.ImageRepository;
import io.sluice.api.image.ImageRepositorySpec;
import io.sluice.api.image.SemVerPolicy;
import io.sluice.api.meta.LocalObjectReference;
import io.sluice.api.meta.NamespacedObjectReference;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/** Valid image objects, Secrets and namespaces for tests, created the way a user would (valid on a real cluster too). */
public final class ImageObjects {

    private ImageObjects() {
    }

    public static void namespace(KubernetesClient client, String name) {
        if (client.namespaces().withName(name).get() == null) {
            client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build()).create();
        }
    }

    public static ImageRepository repository(String namespace, String name, String image) {
        ImageRepository repo = new ImageRepository();
        repo.setMetadata(meta(namespace, name));
        ImageRepositorySpec spec = new ImageRepositorySpec();
        spec.setImage(image);
        spec.setInterval("1h");
        spec.setInsecure(true);
        repo.setSpec(spec);
        return repo;
    }

    public static ImagePolicy semverPolicy(String namespace, String name, String repository, String range) {
        ImagePolicy policy = new ImagePolicy();
        policy.setMetadata(meta(namespace, name));
        ImagePolicySpec spec = new ImagePolicySpec();
        NamespacedObjectReference ref = new NamespacedObjectReference();
        ref.setName(repository);
        spec.setImageRepositoryRef(ref);
        ImagePolicyChoice choice = new ImagePolicyChoice();
        SemVerPolicy semver = new SemVerPolicy();
        semver.setRange(range);
        choice.setSemver(semver);
        spec.setPolicy(choice);
        policy.setSpec(spec);
        return policy;
    }

    /** A kubernetes.io/dockerconfigjson Secret, as {@code kubectl create secret docker-registry} makes it. */
    public static void dockerConfigSecret(KubernetesClient client, String namespace, String name, String registry, String user, String password) {
        String auth = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        String json = "{\"auths\":{\"" + registry + "\":{\"username\":\"" + user + "\",\"password\":\"" + password + "\",\"auth\":\"" + auth + "\"}}}";
        client.secrets().inNamespace(namespace).resource(new SecretBuilder().withMetadata(meta(namespace, name))
                .withType("kubernetes.io/dockerconfigjson")
                .withData(Map.of(".dockerconfigjson", Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8))))
                .build()).create();
    }

    public static LocalObjectReference ref(String name) {
        LocalObjectReference ref = new LocalObjectReference();
        ref.setName(name);
        return ref;
    }

    private static ObjectMeta meta(String namespace, String name) {
        return new ObjectMetaBuilder().withNamespace(namespace).withName(name).build();
    }
}
