package io.sluice.sandbox.cluster.apiserver;

import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.scanner.ScannerException;

/**
 * A YAML syntax error worded as the real server's YAML library (go-yaml) words it, e.g. {@code yaml: line 3: did
 * not find expected node content}, for server-side apply bodies: the line is the problem's (0-based for parser
 * errors, 1-based for scanner errors, as go-yaml counts), the wording translated from SnakeYAML's.
 */
final class GoYamlErrors {

    private GoYamlErrors() {
    }

    static String describe(Throwable error) {
        Throwable cause = error;
        while (cause != null && !(cause instanceof MarkedYAMLException)) {
            cause = cause.getCause();
        }
        if (!(cause instanceof MarkedYAMLException marked) || marked.getProblemMark() == null) {
            return "yaml: " + error.getMessage();
        }
        boolean scanner = marked instanceof ScannerException;
        int line = marked.getProblemMark().getLine() + (scanner ? 1 : 0);
        if (line == 0 && marked.getContextMark() != null) {
            line = marked.getContextMark().getLine();
        }
        return "yaml: " + (line != 0 ? "line " + line + ": " : "") + problem(marked);
    }

    private static String problem(MarkedYAMLException marked) {
        String problem = String.valueOf(marked.getProblem());
        String context = String.valueOf(marked.getContext());
        if (problem.startsWith("expected the node content")) {
            return "did not find expected node content";
        }
        if (problem.startsWith("expected ',' or ']'")) {
            return "did not find expected ',' or ']'";
        }
        if (problem.startsWith("expected ',' or '}'")) {
            return "did not find expected ',' or '}'";
        }
        if (problem.startsWith("expected <block end>")) {
            return context.contains("mapping") ? "did not find expected key" : "did not find expected '-' indicator";
        }
        if (problem.startsWith("mapping values are not allowed")) {
            return "mapping values are not allowed in this context";
        }
        if (problem.contains("that cannot start any token")) {
            return "found character that cannot start any token";
        }
        if (problem.startsWith("found unexpected end of stream")) {
            return "found unexpected end of stream";
        }
        if (problem.startsWith("could not find expected ':'")) {
            return "could not find expected ':'";
        }
        return problem;
    }
}
