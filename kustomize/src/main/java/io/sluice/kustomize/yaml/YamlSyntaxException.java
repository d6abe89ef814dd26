package io.sluice.kustomize.yaml;

/** A YAML text go-yaml would refuse, with the 0-based line and column of the problem. */
final class YamlSyntaxException extends RuntimeException {
    final int line;
    final int column;

    YamlSyntaxException(int line, int column, String problem) {
        super(problem);
        this.line = line;
        this.column = column;
    }
}
