package io.sluice.api.meta;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ObjectKeyTest {

    @Test
    void subjectIsKindNamespaceName() {
        ObjectKey key = ObjectKey.of("Kustomization", "flux-system", "apps");

        assertThat(key.subject()).isEqualTo("Kustomization/flux-system/apps");
        assertThat(key).hasToString("Kustomization/flux-system/apps");
        assertThat(ObjectKey.parse(key.subject())).isEqualTo(key);
    }

    @Test
    void clusterScopedObjectsHaveAnEmptyNamespace() {
        assertThat(ObjectKey.of("Namespace", null, "team-a").subject()).isEqualTo("Namespace//team-a");
        assertThat(ObjectKey.parse("Namespace//team-a").namespace()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Kustomization", "Kustomization/apps", "a/b/c/d", "/ns/name", "Kind/ns/", " /ns/name"})
    void rejectsMalformedSubjects(String subject) {
        assertThatThrownBy(() -> ObjectKey.parse(subject)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsNullAndSlashes() {
        assertThatThrownBy(() -> ObjectKey.parse(null)).hasMessageContaining("object key is missing");
        assertThatThrownBy(() -> ObjectKey.of(null, "ns", "n")).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> ObjectKey.of("Kind", "a/b", "n")).hasMessageContaining("must not contain '/'");
        assertThatThrownBy(() -> ObjectKey.of("Kind", "ns", " ")).hasMessageContaining("needs a kind and a name");
    }
}
