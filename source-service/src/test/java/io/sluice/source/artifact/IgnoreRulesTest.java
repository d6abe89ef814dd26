package io.sluice.source.artifact;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Flux's exclusion rules: defaults, .sourceignore (per folder), spec.ignore, and which wins. */
class IgnoreRulesTest {

    @Test
    void fluxDefaultsApplyWhenThereAreNoUserPatterns() {
        IgnoreRules rules = IgnoreRules.of(Map.of(), null);
        for (String ignored : new String[]{".gitignore", ".gitmodules", ".gitattributes", "sub/.gitignore", "logo.png", "docs/pic.jpg",
                "release.tar.gz", "bundle.zip", ".github/workflows/ci.yaml", ".circleci/config.yml", ".travis.yml", ".gitlab-ci.yml",
                "appveyor.yml", ".drone.yml", "cloudbuild.yaml", "codeship-services.yml", "codeship-steps.yml",
                "tools/.goreleaser.yml", ".sops.yaml", "apps/.flux.yaml"}) {
            assertThat(rules.isIgnored(ignored)).as(ignored).isTrue();
        }
        for (String kept : new String[]{"kustomization.yaml", "deploy/app.yaml", ".sourceignore", "github/readme.md", "png.yaml", "README.md"}) {
            assertThat(rules.isIgnored(kept)).as(kept).isFalse();
        }
    }

    @Test
    void userPatternsReplaceTheDefaultsButNeverTheGitFiles() {
        IgnoreRules rules = IgnoreRules.of(Map.of(), "*.md\n");
        assertThat(rules.isIgnored("README.md")).isTrue();
        assertThat(rules.isIgnored("logo.png")).as("defaults dropped, as in Flux").isFalse();
        assertThat(rules.isIgnored(".github/workflows/ci.yaml")).isFalse();
        assertThat(rules.isIgnored(".gitignore")).as("VCS files always excluded").isTrue();
    }

    @Test
    void fluxDocumentationExample() {
        IgnoreRules rules = IgnoreRules.of(Map.of(), """
                # exclude all
                /*
                # include deploy dir
                !/deploy
                # exclude file extensions from deploy dir
                /deploy/**/*.md
                /deploy/**/*.txt
                """);
        assertThat(rules.isIgnored("README.md")).isTrue();
        assertThat(rules.isIgnored("src/main.go")).isTrue();
        assertThat(rules.isIgnored("deploy/app.yaml")).isFalse();
        assertThat(rules.isIgnored("deploy/base/svc.yaml")).isFalse();
        assertThat(rules.isIgnored("deploy/base/notes.md")).isTrue();
        assertThat(rules.isIgnored("deploy/a/b/c.txt")).isTrue();
    }

    @Test
    void sourceIgnoreFilesApplyRelativeToTheirFolder() {
        IgnoreRules rules = IgnoreRules.of(Map.of(
                "", "*.secret\n",
                "apps", "/local.yaml\ntmp/\n"), null);
        assertThat(rules.isIgnored("a.secret")).isTrue();
        assertThat(rules.isIgnored("apps/b.secret")).isTrue();
        assertThat(rules.isIgnored("apps/local.yaml")).isTrue();
        assertThat(rules.isIgnored("local.yaml")).as("anchored to apps/").isFalse();
        assertThat(rules.isIgnored("apps/nested/local.yaml")).as("anchored to apps/ itself").isFalse();
        assertThat(rules.isIgnored("apps/tmp/x.yaml")).isTrue();
        assertThat(rules.isIgnored("tmp/x.yaml")).isFalse();
        assertThat(rules.isIgnored("logo.png")).as("a .sourceignore replaces the defaults").isFalse();
    }

    @Test
    void specIgnoreOverrulesSourceIgnore() {
        IgnoreRules rules = IgnoreRules.of(Map.of("", "*.yaml\n"), "!keep.yaml\n");
        assertThat(rules.isIgnored("drop.yaml")).isTrue();
        assertThat(rules.isIgnored("keep.yaml")).isFalse();
    }

    @Test
    void laterNegationBringsBackAFileInsideAnExcludedFolder() {
        IgnoreRules rules = IgnoreRules.of(Map.of(), "secrets/\n!secrets/public.yaml\n");
        assertThat(rules.isIgnored("secrets/private.yaml")).isTrue();
        assertThat(rules.isIgnored("secrets/public.yaml")).isFalse();
    }

    @Test
    void commentsAndBlankLinesAreNotPatterns() {
        IgnoreRules rules = IgnoreRules.of(Map.of(), "# *.yaml\n\n   \n");
        assertThat(rules.isIgnored("app.yaml")).isFalse();
        assertThat(rules.isIgnored("logo.png")).as("no patterns at all: defaults stay").isTrue();
    }
}
