package io.sluice.image.template;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Parses the tokens of a pipeline: commands separated by {@code |}, operands, parenthesized sub-pipelines. */
final class PipelineParser {

    private final List<ActionLexer.Token> tokens;
    private final String source;
    private int position;

    PipelineParser(List<ActionLexer.Token> tokens, String source) {
        this.tokens = tokens;
        this.source = source;
    }

    GoTemplate.Pipeline pipeline() throws TemplateException {
        GoTemplate.Pipeline pipeline = pipelineUntil(null);
        if (position < tokens.size()) {
            throw new TemplateException("unexpected '" + tokens.get(position).text() + "' in {{" + source + "}}");
        }
        return pipeline;
    }

    private GoTemplate.Pipeline pipelineUntil(String closing) throws TemplateException {
        List<GoTemplate.Command> commands = new ArrayList<>();
        List<GoTemplate.Operand> operands = new ArrayList<>();
        while (position < tokens.size()) {
            ActionLexer.Token token = tokens.get(position);
            if (token.kind() == ActionLexer.Kind.SYMBOL && token.text().equals(closing)) {
                break;
            }
            position++;
            if (token.kind() == ActionLexer.Kind.SYMBOL && token.text().equals("|")) {
                if (operands.isEmpty()) {
                    throw new TemplateException("missing command before '|' in {{" + source + "}}");
                }
                commands.add(new GoTemplate.Command(operands));
                operands = new ArrayList<>();
                continue;
            }
            operands.add(operand(token));
        }
        if (operands.isEmpty()) {
            throw new TemplateException("missing value in {{" + source + "}}");
        }
        commands.add(new GoTemplate.Command(operands));
        return new GoTemplate.Pipeline(commands, source);
    }

    private GoTemplate.Operand operand(ActionLexer.Token token) throws TemplateException {
        return switch (token.kind()) {
            case STRING -> new GoTemplate.Literal(token.text());
            case NUMBER -> new GoTemplate.Literal(number(token.text()));
            case FIELD -> new GoTemplate.FieldChain(fields(token.text()));
            case VARIABLE -> {
                int dot = token.text().indexOf('.');
                yield dot < 0 ? new GoTemplate.Variable(token.text(), List.of())
                        : new GoTemplate.Variable(token.text().substring(0, dot), fields(token.text().substring(dot + 1)));
            }
            case IDENTIFIER -> switch (token.text()) {
                case "true" -> new GoTemplate.Literal(Boolean.TRUE);
                case "false" -> new GoTemplate.Literal(Boolean.FALSE);
                case "nil" -> new GoTemplate.Literal(null);
                default -> new GoTemplate.Function(token.text());
            };
            case SYMBOL -> {
                if (!token.text().equals("(")) {
                    throw new TemplateException("unexpected '" + token.text() + "' in {{" + source + "}}");
                }
                GoTemplate.Pipeline inner = pipelineUntil(")");
                if (position >= tokens.size()) {
                    throw new TemplateException("unclosed '(' in {{" + source + "}}");
                }
                position++;
                List<String> after = List.of();
                if (position < tokens.size() && tokens.get(position).kind() == ActionLexer.Kind.FIELD && !tokens.get(position).text().isEmpty()) {
                    after = fields(tokens.get(position++).text());
                }
                yield new GoTemplate.Sub(inner, after);
            }
        };
    }

    private static List<String> fields(String chain) {
        return chain.isEmpty() ? List.of() : Arrays.asList(chain.split("\\."));
    }

    private Object number(String text) throws TemplateException {
        try {
            return text.contains(".") ? (Object) Double.parseDouble(text) : (Object) Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new TemplateException("bad number '" + text + "' in {{" + source + "}}");
        }
    }
}
