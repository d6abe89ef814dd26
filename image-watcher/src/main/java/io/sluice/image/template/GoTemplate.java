package io.sluice.image.template;

import java.util.List;

/**
 * The part of Go's {@code text/template} that commit message templates use, with Sprig's common functions
 * ({@link TemplateFunctions}): text and actions {@code {{ … }}} with {@code {{-}}/{@code -}}} trimming and
 * {@code {{/* comments *}/}}; pipelines {@code arg | fn a b}; fields {@code .A.B}, {@code $}, {@code $x.A}; literals;
 * {@code if}/{@code else if}/{@code else}, {@code range} (with {@code $k, $v :=} or {@code $v :=}), {@code with},
 * variable declarations {@code $x := …}. Maps range in key order when their keys are strings, as Go does.
 */
public final class GoTemplate {

    private final List<Node> nodes;

    private GoTemplate(List<Node> nodes) {
        this.nodes = nodes;
    }

    public static GoTemplate parse(String text) throws TemplateException {
        return new GoTemplate(new TemplateParser(text).parse());
    }

    /** Runs the template over {@code data} (the {@code .} of the top level). */
    public String execute(Object data) throws TemplateException {
        StringBuilder out = new StringBuilder();
        new TemplateRunner(data).run(nodes, new TemplateRunner.Scope(null), data, out);
        return out.toString();
    }

    // --- the parsed template ---------------------------------------------------------------------------------------

    /** A piece of a template. */
    sealed interface Node permits Text, Output, If, Range, With, Declare {
    }

    record Text(String text) implements Node {
    }

    record Output(Pipeline pipeline, String source) implements Node {
    }

    record If(List<Branch> branches, List<Node> otherwise) implements Node {
    }

    record Branch(Pipeline condition, List<Node> body) {
    }

    record Range(String keyVariable, String valueVariable, Pipeline over, List<Node> body, List<Node> otherwise, String source) implements Node {
    }

    record With(Pipeline value, List<Node> body, List<Node> otherwise) implements Node {
    }

    record Declare(String variable, Pipeline value, boolean assign) implements Node {
    }

    /** {@code cmd | cmd | …}; the value of each is the last argument of the next. */
    record Pipeline(List<Command> commands, String source) {
    }

    /** A function call {@code fn a b}, or a lone operand. */
    record Command(List<Operand> operands) {
    }

    /** An operand of a command. */
    sealed interface Operand permits Literal, FieldChain, Variable, Function, Sub {
    }

    record Literal(Object value) implements Operand {
    }

    /** {@code .A.B} (names empty for {@code .}). */
    record FieldChain(List<String> names) implements Operand {
    }

    /** {@code $}, {@code $x}, {@code $x.A.B}. */
    record Variable(String name, List<String> fields) implements Operand {
    }

    record Function(String name) implements Operand {
    }

    /** {@code (pipeline)}, optionally followed by {@code .A.B}. */
    record Sub(Pipeline pipeline, List<String> fields) implements Operand {
    }
}
