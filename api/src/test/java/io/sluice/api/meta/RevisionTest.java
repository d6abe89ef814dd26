package io.sluice.api.meta;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RevisionTest {

    private static final String SHA1 = "132f4e719209eb10b9485302f8593fc0e680f4fc";
    private static final String SHA256 = "3f2a1b0c9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a";

    @Test
    void writesABranchRevisionTheFluxWay() {
        assertThat(Revision.git("main", SHA1)).hasToString("main@sha1:" + SHA1);
    }

    @Test
    void parsesWhatItWrites() {
        Revision revision = Revision.parse("main@sha1:" + SHA1);

        assertThat(revision.ref()).isEqualTo("main");
        assertThat(revision.algorithm()).isEqualTo("sha1");
        assertThat(revision.hash()).isEqualTo(SHA1);
        assertThat(Revision.parse(revision.toString())).isEqualTo(revision);
    }

    @Test
    void aBareCommitHasNoRef() {
        Revision revision = Revision.parse("sha1:" + SHA1);

        assertThat(revision.ref()).isNull();
        assertThat(revision).hasToString("sha1:" + SHA1);
    }

    @Test
    void tagsAndRefsWithSlashesAndAtSigns() {
        assertThat(Revision.parse("v1.2.3@sha1:" + SHA1).ref()).isEqualTo("v1.2.3");
        assertThat(Revision.parse("refs/pull/42/head@sha1:" + SHA1).ref()).isEqualTo("refs/pull/42/head");
        // the last '@' splits, so a ref may contain one
        assertThat(Revision.parse("feature@x@sha1:" + SHA1).ref()).isEqualTo("feature@x");
    }

    @Test
    void acceptsSha256AndUppercaseHex() {
        assertThat(Revision.parse("main@sha256:" + SHA256).algorithm()).isEqualTo("sha256");
        assertThat(Revision.git("main", SHA1.toUpperCase()).hash()).isEqualTo(SHA1);
    }

    @Test
    void aBlankRefMeansNoRef() {
        assertThat(Revision.git(" ", SHA1).ref()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "main", "main@" + SHA1, "main@md5:" + SHA1, "main@sha1:abc", "main@sha1:" + SHA1 + "00",
            "main@sha1:zz2f4e719209eb10b9485302f8593fc0e680f4fc", "main@sha256:" + SHA1})
    void rejectsMalformedRevisions(String text) {
        assertThatThrownBy(() -> Revision.parse(text)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("revision");
    }

    @Test
    void rejectsNull() {
        assertThatThrownBy(() -> Revision.parse(null)).hasMessageContaining("revision is empty");
    }
}
