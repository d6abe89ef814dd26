package io.sluice.alert.filter;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.sluice.api.events.ObjectEvent;
import io.sluice.api.events.Severity;
import io.sluice.api.meta.ObjectKey;
import io.sluice.api.notification.Alert;
import io.sluice.api.notification.AlertSpec;
import io.sluice.api.notification.CrossNamespaceObjectReference;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AlertMatcherTest {

    static Alert alert(String name, AlertSpec spec) {
        Alert alert = new Alert();
        alert.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace("flux-system").build());
        alert.setSpec(spec);
        return alert;
    }

    static AlertSpec spec(CrossNamespaceObjectReference... sources) {
        AlertSpec spec = new AlertSpec();
        spec.setEventSources(List.of(sources));
        return spec;
    }

    static CrossNamespaceObjectReference source(String kind, String name, String namespace, Map<String, String> labels) {
        CrossNamespaceObjectReference ref = new CrossNamespaceObjectReference();
        ref.setKind(kind);
        ref.setName(name);
        ref.setNamespace(namespace);
        ref.setMatchLabels(labels);
        return ref;
    }

    static ObjectEvent event(String kind, String namespace, String name, Severity severity, String message) {
        return new ObjectEvent(ObjectKey.of(kind, namespace, name), severity, "ReconciliationSucceeded", message,
                null, Map.of(), Instant.parse("2026-11-28T00:00:00Z"), "apply-service");
    }

    static ObjectEvent event(String name, Severity severity, String message) {
        return event("Kustomization", "flux-system", name, severity, message);
    }

    @Test
    void exactNameKindAndDefaultNamespace() {
        AlertMatcher matcher = new AlertMatcher(alert("a", spec(source("Kustomization", "podinfo", null, null))));
        assertThat(matcher.matches(event("podinfo", Severity.INFO, "ok"), Map.of())).isTrue();
        assertThat(matcher.matches(event("other", Severity.INFO, "ok"), Map.of())).isFalse();
        assertThat(matcher.matches(event("GitRepository", "flux-system", "podinfo", Severity.INFO, "ok"), Map.of())).isFalse();
        // namespace defaults to the Alert's own, not "any"
        assertThat(matcher.matches(event("Kustomization", "apps", "podinfo", Severity.INFO, "ok"), Map.of())).isFalse();
        assertThat(matcher.alert()).isEqualTo(ObjectKey.of("Alert", "flux-system", "a"));
    }

    @Test
    void explicitNamespace() {
        AlertMatcher matcher = new AlertMatcher(alert("a", spec(source("Kustomization", "podinfo", "apps", null))));
        assertThat(matcher.matches(event("Kustomization", "apps", "podinfo", Severity.INFO, "ok"), Map.of())).isTrue();
        assertThat(matcher.matches(event("podinfo", Severity.INFO, "ok"), Map.of())).isFalse();
    }

    @Test
    void wildcardNamesAndMatchLabels() {
        AlertMatcher all = new AlertMatcher(alert("a", spec(source("Kustomization", "*", null, null))));
        assertThat(all.matches(event("anything", Severity.INFO, "ok"), Map.of())).isTrue();

        AlertMatcher prefix = new AlertMatcher(alert("a", spec(source("Kustomization", "app-*", null, null))));
        assertThat(prefix.matches(event("app-web", Severity.INFO, "ok"), Map.of())).isTrue();
        assertThat(prefix.matches(event("web-app-", Severity.INFO, "ok"), Map.of())).isFalse();

        AlertMatcher dots = new AlertMatcher(alert("a", spec(source("Kustomization", "a.b*", null, null))));
        assertThat(dots.matches(event("axb", Severity.INFO, "ok"), Map.of())).as("'.' is literal").isFalse();

        AlertMatcher labelled = new AlertMatcher(alert("a", spec(source("Kustomization", "*", null, Map.of("team", "web")))));
        assertThat(labelled.matches(event("x", Severity.INFO, "ok"), Map.of("team", "web", "tier", "1"))).isTrue();
        assertThat(labelled.matches(event("x", Severity.INFO, "ok"), Map.of("team", "db"))).isFalse();
        assertThat(labelled.matches(event("x", Severity.INFO, "ok"), Map.of())).isFalse();
        assertThat(labelled.matches(event("x", Severity.INFO, "ok"), null)).isFalse();
    }

    @Test
    void severity() {
        AlertSpec errors = spec(source("Kustomization", "*", null, null));
        errors.setEventSeverity("error");
        AlertMatcher errorOnly = new AlertMatcher(alert("a", errors));
        assertThat(errorOnly.matches(event("x", Severity.ERROR, "boom"), Map.of())).isTrue();
        assertThat(errorOnly.matches(event("x", Severity.INFO, "ok"), Map.of())).isFalse();
        assertThat(errorOnly.matchesIgnoringSeverity(event("x", Severity.INFO, "ok"), Map.of())).isTrue();

        AlertSpec infos = spec(source("Kustomization", "*", null, null));
        infos.setEventSeverity("info");
        AlertMatcher info = new AlertMatcher(alert("a", infos));
        assertThat(info.matches(event("x", Severity.ERROR, "boom"), Map.of())).isTrue();
        assertThat(info.matches(event("x", Severity.INFO, "ok"), Map.of())).isTrue();
    }

    @Test
    void inclusionAndExclusionExclusionWins() {
        AlertSpec spec = spec(source("Kustomization", "*", null, null));
        spec.setInclusionList(List.of("^(?i)deployment/", "configured"));
        spec.setExclusionList(List.of("(?P<kind>Secret)/\\w+"));
        AlertMatcher matcher = new AlertMatcher(alert("a", spec));
        assertThat(matcher.matches(event("x", Severity.INFO, "Deployment/apps/web configured"), Map.of())).isTrue();
        assertThat(matcher.matches(event("x", Severity.INFO, "service/web configured"), Map.of())).isTrue();
        assertThat(matcher.matches(event("x", Severity.INFO, "service/web created"), Map.of())).isFalse();
        assertThat(matcher.matches(event("x", Severity.INFO, "Secret/db configured"), Map.of())).isFalse();
    }

    @Test
    void exclusionOnly() {
        AlertSpec spec = spec(source("Kustomization", "*", null, null));
        spec.setExclusionList(List.of("no changes"));
        AlertMatcher matcher = new AlertMatcher(alert("a", spec));
        assertThat(matcher.matches(event("x", Severity.INFO, "applied, no changes"), Map.of())).isFalse();
        assertThat(matcher.matches(event("x", Severity.INFO, "applied 3 objects"), Map.of())).isTrue();
    }

    @Test
    void suspendedMatchesNothing() {
        AlertSpec spec = spec(source("Kustomization", "*", null, null));
        spec.setSuspend(true);
        AlertMatcher matcher = new AlertMatcher(alert("a", spec));
        assertThat(matcher.matches(event("x", Severity.ERROR, "boom"), Map.of())).isFalse();
        assertThat(matcher.matchesIgnoringSeverity(event("x", Severity.ERROR, "boom"), Map.of())).isFalse();
    }

    @Test
    void badRegexNamesAlertFieldAndPattern() {
        AlertSpec spec = spec(source("Kustomization", "*", null, null));
        spec.setExclusionList(List.of("ok", "fail(ed"));
        assertThatThrownBy(() -> new AlertMatcher(alert("on-call", spec)))
                .isInstanceOf(InvalidAlertException.class)
                .hasMessageContaining("Alert/flux-system/on-call")
                .hasMessageContaining("spec.exclusionList[1]")
                .hasMessageContaining("'fail(ed'");
    }

    @Test
    void badSpecsAreRejectedWithTheField() {
        AlertSpec severity = spec(source("Kustomization", "*", null, null));
        severity.setEventSeverity("warning");
        assertThatThrownBy(() -> new AlertMatcher(alert("a", severity)))
                .hasMessageContaining("spec.eventSeverity is 'warning'");
        assertThatThrownBy(() -> new AlertMatcher(alert("a", new AlertSpec())))
                .hasMessageContaining("spec.eventSources is empty");
        assertThatThrownBy(() -> new AlertMatcher(alert("a", spec(source(null, "x", null, null)))))
                .hasMessageContaining("spec.eventSources[0] has no kind");
        assertThatThrownBy(() -> new AlertMatcher(alert("a", spec(source("Kustomization", "", null, null)))))
                .hasMessageContaining("spec.eventSources[0] has no name");
    }

    @Test
    void routerReturnsMatchingAlertsAndSetsBadOnesAside() {
        Alert web = alert("web", spec(source("Kustomization", "web", null, null)));
        Alert all = alert("all", spec(source("Kustomization", "*", null, null)));
        AlertSpec badSpec = spec(source("Kustomization", "*", null, null));
        badSpec.setInclusionList(List.of("["));
        Alert bad = alert("bad", badSpec);

        AlertRouter router = new AlertRouter(List.of(web, bad, all));
        assertThat(router.matching(event("web", Severity.INFO, "ok"), Map.of())).containsExactly(web, all);
        assertThat(router.matching(event("db", Severity.INFO, "ok"), Map.of())).containsExactly(all);
        assertThat(router.invalid()).singleElement().extracting(Throwable::getMessage).asString()
                .contains("Alert/flux-system/bad", "spec.inclusionList[0]", "'['");
    }
}
