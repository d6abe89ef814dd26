package io.sluice.render.build;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * Resolves a Kustomization's {@code spec.path} inside an unpacked artifact. Like Flux the path is relative to the
 * artifact root whether or not it starts with {@code ./} or {@code /}, and empty means the root. Unlike Flux,
 * which clamps a path that climbs out with {@code ..} back into the root, a path that leaves the artifact is an
 * error: it is almost certainly a mistake, and quietly rendering the root would apply the wrong manifests.
 */
public final class SourcePath {

    private SourcePath() {
    }

    /**
     * @param what the artifact in messages, e.g. "artifact of GitRepository flux-system/app at main@sha1:…"
     */
    public static Path resolve(Path root, String specPath, String what) {
        String shown = specPath == null || specPath.isBlank() ? "./" : specPath;
        String rel = shown.replace('\\', '/');
        while (rel.startsWith("/")) {
            rel = rel.substring(1);
        }
        Path base = root.toAbsolutePath().normalize();
        Path dir = rel.isEmpty() ? base : base.resolve(rel).normalize();
        if (!dir.startsWith(base)) {
            throw RenderException.artifact("spec.path '" + shown + "' points outside the " + what
                    + "; give a path inside the repository, such as ./deploy/prod");
        }
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            throw RenderException.artifact("kustomization path '" + shown + "' not found in " + what);
        }
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            throw RenderException.artifact("kustomization path '" + shown + "' in " + what + " is a file, not a directory");
        }
        return dir;
    }
}
