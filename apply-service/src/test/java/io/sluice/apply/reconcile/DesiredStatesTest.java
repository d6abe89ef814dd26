package io.sluice.apply.reconcile;

import io.sluice.api.events.Digest;
import io.sluice.api.events.ManifestsRendered;
import io.sluice.api.events.RenderedManifests;
import io.sluice.api.meta.ObjectKey;
import io.sluice.apply.ssa.ApplyOptions;
import io.sluice.apply.ssa.DesiredSet;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** DesiredStates keeps each rendering's prepared objects for the next run of the same rendering. */
class DesiredStatesTest {

    private static final ObjectKey APP = new ObjectKey("Kustomization", "flux-system", "web");
    private static final ApplyOptions OWNER = ApplyOptions.forKustomization("flux-system", "web");

    private final DesiredStates states = new DesiredStates();
    private final List<String> prepared = new ArrayList<>();

    private final Function<ManifestsRendered, DesiredSet> prepare = rendering -> {
        prepared.add(rendering.digest().hex());
        return DesiredSet.parse("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm\n  namespace: apps\n", OWNER);
    };

    @Test
    void reusesThePreparedObjectsOfTheSameRendering() {
        ManifestsRendered rendering = rendering("aa");

        DesiredSet first = states.objects(rendering, OWNER, prepare);
        DesiredSet again = states.objects(rendering, OWNER.withForce(true), prepare);

        assertThat(again).isSameAs(first);
        assertThat(prepared).containsExactly(hex("aa"));
    }

    @Test
    void preparesANewRenderingAgain() {
        DesiredSet first = states.objects(rendering("aa"), OWNER, prepare);

        DesiredSet next = states.objects(rendering("bb"), OWNER, prepare);

        assertThat(next).isNotSameAs(first);
        assertThat(prepared).containsExactly(hex("aa"), hex("bb"));
    }

    @Test
    void forgottenAppsArePreparedAgain() {
        states.objects(rendering("aa"), OWNER, prepare);
        states.forget(APP);
        states.objects(rendering("aa"), OWNER, prepare);
        states.forgetAll(app -> app.equals(APP));
        states.objects(rendering("aa"), OWNER, prepare);

        assertThat(prepared).hasSize(3);
    }

    @Test
    void keepsNothingWhenTheManifestsDoNotParse() {
        Function<ManifestsRendered, DesiredSet> broken = rendering -> DesiredSet.parse("- not an object\n", OWNER);

        assertThatThrownBy(() -> states.objects(rendering("aa"), OWNER, broken)).isInstanceOf(IllegalArgumentException.class);
        states.objects(rendering("aa"), OWNER, prepare);

        assertThat(prepared).containsExactly(hex("aa"));
    }

    private static ManifestsRendered rendering(String digestByte) {
        return new ManifestsRendered(APP, "main@sha1:" + "1".repeat(40), new Digest("sha256", hex(digestByte)),
                RenderedManifests.Inline.of("kind: ConfigMap\n"));
    }

    private static String hex(String digestByte) {
        return digestByte.repeat(32);
    }
}
