package io.sluice.source.artifact;

import org.eclipse.jgit.ignore.FastIgnoreRule;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Which files to leave out of an artifact, decided the way Flux's source-controller decides it
 * ({@code fluxcd/pkg/sourceignore} and its storage's {@code SourceIgnoreFilter}):
 * <ul>
 *   <li>Git's own files are always left out: {@link #VCS_PATTERNS}.</li>
 *   <li>When the repository has no {@code .sourceignore} file and {@code spec.ignore} is empty, Flux's default
 *       exclusions apply as well: {@link #DEFAULT_PATTERNS} (images and archives, CI configuration, a few tool
 *       configs). As soon as either gives patterns, the defaults are dropped: the user's rules replace them,
 *       exactly as Flux does.</li>
 *   <li>Every {@code .sourceignore} file in the tree counts, its patterns relative to its own folder; the root's
 *       first, then subfolders depth-first by name.</li>
 *   <li>{@code spec.ignore} comes last, so it can overrule any {@code .sourceignore} pattern.</li>
 * </ul>
 * Patterns are gitignore syntax, matched with JGit's {@link FastIgnoreRule}. As in go-git's matcher (which
 * Flux uses), the last pattern that matches a file or any folder above it decides; a {@code !pattern} that
 * matches brings the file back.
 */
public final class IgnoreRules {

    /** The ignore file Flux reads from the repository. */
    public static final String IGNORE_FILE = ".sourceignore";

    /** Flux's {@code ExcludeVCS}. */
    public static final List<String> VCS_PATTERNS = List.of(".git/", ".gitignore", ".gitmodules", ".gitattributes");

    /** Flux's {@code ExcludeExt}, {@code ExcludeCI} and {@code ExcludeExtra}, in that order. */
    public static final List<String> DEFAULT_PATTERNS = List.of(
            "*.jpg", "*.jpeg", "*.gif", "*.png", "*.wmv", "*.flv", "*.tar.gz", "*.zip",
            ".github/", ".circleci/", ".travis.yml", ".gitlab-ci.yml", "appveyor.yml", ".drone.yml", "cloudbuild.yaml",
            "codeship-services.yml", "codeship-steps.yml",
            "**/.goreleaser.yml", "**/.sops.yaml", "**/.flux.yaml");

    /** A pattern and the folder it is relative to ({@code ""} for the root). */
    private record Rule(String folder, FastIgnoreRule rule) {
    }

    private final List<Rule> rules;

    private IgnoreRules(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    /**
     * The rules for one artifact.
     *
     * @param sourceIgnoreFiles the text of every {@code .sourceignore} in the tree, keyed by the folder that
     *                          holds it ({@code ""} for the root, {@code apps/base} for {@code apps/base/.sourceignore})
     * @param specIgnore        {@code spec.ignore}, may be null
     */
    public static IgnoreRules of(Map<String, String> sourceIgnoreFiles, String specIgnore) {
        List<Rule> user = new ArrayList<>();
        sourceIgnoreFiles.keySet().stream()
                .sorted(Comparator.comparing((String folder) -> Arrays.asList(folder.isEmpty() ? new String[0] : folder.split("/")),
                        IgnoreRules::compareSegments))
                .forEach(folder -> user.addAll(parse(sourceIgnoreFiles.get(folder), folder)));
        if (specIgnore != null) {
            user.addAll(parse(specIgnore, ""));
        }
        List<Rule> all = new ArrayList<>(parse(String.join("\n", VCS_PATTERNS), ""));
        if (user.isEmpty()) {
            all.addAll(parse(String.join("\n", DEFAULT_PATTERNS), ""));
        }
        all.addAll(user);
        return new IgnoreRules(all);
    }

    /** True when the file at {@code path} (relative, {@code /}-separated) is left out of the artifact. */
    public boolean isIgnored(String path) {
        for (int i = rules.size() - 1; i >= 0; i--) {
            Rule rule = rules.get(i);
            String relative = relativeTo(rule.folder(), path);
            if (relative != null && matchesFileOrAFolderAbove(rule.rule(), relative)) {
                return rule.rule().getResult();
            }
        }
        return false;
    }

    /** One line per pattern, as Flux's ReadPatterns: blank lines and lines starting with '#' are skipped. */
    private static List<Rule> parse(String text, String folder) {
        List<Rule> parsed = new ArrayList<>();
        for (String line : text.split("\r?\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            FastIgnoreRule rule = new FastIgnoreRule(line);
            if (!rule.isEmpty()) {
                parsed.add(new Rule(folder, rule));
            }
        }
        return parsed;
    }

    private static String relativeTo(String folder, String path) {
        if (folder.isEmpty()) {
            return path;
        }
        return path.startsWith(folder + "/") ? path.substring(folder.length() + 1) : null;
    }

    /**
     * A pattern that matches a folder matches everything in it. Unlike git, a later {@code !pattern} can still
     * bring back a file inside an excluded folder: go-git's matcher, and so Flux, works that way.
     */
    private static boolean matchesFileOrAFolderAbove(FastIgnoreRule rule, String path) {
        int slash = path.indexOf('/');
        while (slash >= 0) {
            if (rule.isMatch(path.substring(0, slash), true, true)) {
                return true;
            }
            slash = path.indexOf('/', slash + 1);
        }
        return rule.isMatch(path, false, true);
    }

    private static int compareSegments(List<String> a, List<String> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = a.get(i).compareTo(b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }
}
