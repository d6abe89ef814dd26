package io.sluice.source.artifact;

/** Checks and joins the relative paths used inside artifacts. */
final class ArtifactPaths {

    private ArtifactPaths() {
    }

    /**
     * Accepts {@code a/b/c.yaml}; refuses empty paths, absolute paths, backslashes, empty segments and
     * {@code .}/{@code ..} segments, which could place a file outside the folder it is extracted into.
     */
    static String requireRelative(String path, String what) {
        if (path == null || path.isEmpty()) {
            throw new IllegalArgumentException(what + " is empty");
        }
        if (path.startsWith("/") || path.contains("\\")) {
            throw new IllegalArgumentException(what + " '" + path + "' must be relative and '/'-separated");
        }
        for (String segment : path.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                throw new IllegalArgumentException(what + " '" + path + "' has an empty, '.' or '..' segment");
            }
        }
        return path;
    }

    /**
     * Normalizes a user-given folder such as {@code ./deploy/}, {@code deploy} or {@code /} to {@code deploy} or
     * {@code ""} (the root). Refuses {@code ..}, so {@code spec.include[].toPath} cannot escape the artifact.
     */
    static String folder(String path, String what) {
        if (path == null) {
            return "";
        }
        String p = path.trim().replace('\\', '/');
        StringBuilder out = new StringBuilder();
        for (String segment : p.split("/")) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                throw new IllegalArgumentException(what + " '" + path + "' contains '..'; give a path inside the artifact, e.g. deploy/app");
            }
            if (out.length() > 0) {
                out.append('/');
            }
            out.append(segment);
        }
        return out.toString();
    }
}
