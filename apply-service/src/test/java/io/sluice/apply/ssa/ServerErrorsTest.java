package io.sluice.apply.ssa;

import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.sluice.apply.realserver.RecordedAnswers;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** How refusals read, on the answers a real API server gave (sandbox/src/test/conformance/scenarios). */
class ServerErrorsTest {

    @Test
    void aRefusalReadsAsTheServersMessageWithItsHttpCode() {
        KubernetesClientException forbidden = RecordedAnswers.step("29-rbac-impersonation", 12).asException();

        assertThat(ServerErrors.message(forbidden)).isEqualTo("configmaps \"c1\" is forbidden: User"
                + " \"system:serviceaccount:29-rbac-impersonation:sa1\" cannot patch resource \"configmaps\" in API group \"\""
                + " in the namespace \"29-rbac-impersonation\" (HTTP 403)");
    }

    @Test
    void anErrorRaisedBeforeAnyRequestKeepsItsOwnMessageAndAKindNotInDiscoverySaysSo() {
        assertThat(ServerErrors.message(new KubernetesClientException("no answer within 60000 ms")))
                .isEqualTo("no answer within 60000 ms");
        assertThat(ServerErrors.message(new KubernetesClientException(
                "Could not find a registered handler for item: [GenericKubernetesResource(apiVersion=x/v1, kind=Gadget, ...)]")))
                .isEqualTo(ServerErrors.NOT_SERVED);
        assertThat(ServerErrors.message((Throwable) new IllegalStateException("closed"))).isEqualTo("java.lang.IllegalStateException: closed");
    }

    @Test
    void everyWordingOfAnImmutableFieldTheRealServerUsesIsRecognised() {
        // Secret data with immutable: true; ConfigMap data likewise; a Service's clusterIP
        assertThat(ServerErrors.immutableField(RecordedAnswers.step("12-immutable-fields", 2).asException())).isTrue();
        assertThat(ServerErrors.immutableField(RecordedAnswers.step("12-immutable-fields", 6).asException())).isTrue();
        assertThat(ServerErrors.immutableField(RecordedAnswers.step("12-immutable-fields", 8).asException())).isTrue();
        assertThat(ServerErrors.immutableField(status(422, "Deployment.apps \"web\" is invalid: spec.selector: Invalid value:"
                + " v1.LabelSelector{...}: field is immutable"))).isTrue();
    }

    @Test
    void otherRefusalsAreNotImmutableFieldErrors() {
        // an invalid Deployment (no selector), a field manager conflict, a forbidden patch
        assertThat(ServerErrors.immutableField(RecordedAnswers.step("34-ssa-gitops-deployment", 8).asException())).isFalse();
        assertThat(ServerErrors.immutableField(RecordedAnswers.step("10-ssa-dryrun", 6).asException())).isFalse();
        assertThat(ServerErrors.immutableField(RecordedAnswers.step("29-rbac-impersonation", 12).asException())).isFalse();
        assertThat(ServerErrors.immutableField(status(409, "field is immutable"))).as("only a 422 counts").isFalse();
    }

    @Test
    void notFoundIsA404() {
        assertThat(ServerErrors.notFound(RecordedAnswers.step("10-ssa-dryrun", 2).asException())).isTrue();
        assertThat(ServerErrors.notFound(RecordedAnswers.step("29-rbac-impersonation", 12).asException())).isFalse();
    }

    private static KubernetesClientException status(int code, String message) {
        return new KubernetesClientException(new StatusBuilder().withCode(code).withMessage(message).build());
    }
}
