package io.sluice.image.template;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** Reads a template into {@link GoTemplate.Node}s: splits text from actions, then parses each action. */
final class TemplateParser {

    private final String text;

    /** An open block ({@code if}, {@code range}, {@code with}) while its body is read. */
    private static final class Block {
        final String keyword;
        final String source;
        final List<GoTemplate.Branch> branches = new ArrayList<>();
        GoTemplate.Pipeline pipeline;
        String keyVariable;
        String valueVariable;
        List<GoTemplate.Node> body = new ArrayList<>();
        List<GoTemplate.Node> otherwise;
        final List<GoTemplate.Node> parent;

        Block(String keyword, String source, List<GoTemplate.Node> parent) {
            this.keyword = keyword;
            this.source = source;
            this.parent = parent;
        }
    }

    TemplateParser(String text) {
        this.text = text;
    }

    List<GoTemplate.Node> parse() throws TemplateException {
        List<GoTemplate.Node> top = new ArrayList<>();
        Deque<Block> blocks = new ArrayDeque<>();
        List<GoTemplate.Node> current = top;
        int i = 0;
        StringBuilder pending = new StringBuilder();
        while (i < text.length()) {
            int open = text.indexOf("{{", i);
            if (open < 0) {
                pending.append(text, i, text.length());
                break;
            }
            pending.append(text, i, open);
            int start = open + 2;
            boolean trimLeft = start < text.length() && text.charAt(start) == '-' && start + 1 < text.length() && isSpace(text.charAt(start + 1));
            if (trimLeft) {
                start++;
            }
            int close = findClose(start);
            int end = close;
            boolean trimRight = end - 1 >= start && text.charAt(end - 1) == '-' && end - 2 >= start && isSpace(text.charAt(end - 2));
            if (trimRight) {
                end--;
            }
            String action = text.substring(start, end).trim();
            if (trimLeft) {
                trimTrailingSpace(pending);
            }
            if (!pending.isEmpty()) {
                current.add(new GoTemplate.Text(pending.toString()));
                pending.setLength(0);
            }
            i = close + 2;
            if (trimRight) {
                while (i < text.length() && isSpace(text.charAt(i))) {
                    i++;
                }
            }
            current = action(action, current, blocks, top);
        }
        if (!pending.isEmpty()) {
            current.add(new GoTemplate.Text(pending.toString()));
        }
        if (!blocks.isEmpty()) {
            throw new TemplateException("unexpected end of template: {{" + blocks.peek().source + "}} has no {{end}}");
        }
        return top;
    }

    private List<GoTemplate.Node> action(String action, List<GoTemplate.Node> current, Deque<Block> blocks, List<GoTemplate.Node> top)
            throws TemplateException {
        if (action.startsWith("/*")) {
            if (!action.endsWith("*/")) {
                throw new TemplateException("unclosed comment in {{" + action + "}}");
            }
            return current;
        }
        List<ActionLexer.Token> tokens = new ActionLexer(action).tokens();
        if (tokens.isEmpty()) {
            throw new TemplateException("missing value for command in {{" + action + "}}");
        }
        String first = tokens.get(0).text();
        if (tokens.get(0).kind() == ActionLexer.Kind.IDENTIFIER) {
            switch (first) {
                case "if", "with" -> {
                    Block block = new Block(first, action, current);
                    block.pipeline = new PipelineParser(tokens.subList(1, tokens.size()), action).pipeline();
                    blocks.push(block);
                    return block.body;
                }
                case "range" -> {
                    Block block = new Block(first, action, current);
                    List<ActionLexer.Token> rest = tokens.subList(1, tokens.size());
                    int declare = indexOf(rest, ":=");
                    if (declare >= 0) {
                        List<String> variables = new ArrayList<>();
                        for (ActionLexer.Token t : rest.subList(0, declare)) {
                            if (t.kind() == ActionLexer.Kind.VARIABLE) {
                                variables.add(t.text());
                            }
                        }
                        if (variables.isEmpty() || variables.size() > 2) {
                            throw new TemplateException("range can declare one or two variables, in {{" + action + "}}");
                        }
                        block.keyVariable = variables.size() == 2 ? variables.get(0) : null;
                        block.valueVariable = variables.get(variables.size() - 1);
                        rest = rest.subList(declare + 1, rest.size());
                    }
                    block.pipeline = new PipelineParser(rest, action).pipeline();
                    blocks.push(block);
                    return block.body;
                }
                case "else" -> {
                    Block block = blocks.peek();
                    if (block == null) {
                        throw new TemplateException("unexpected {{else}}");
                    }
                    if (tokens.size() > 1 && tokens.get(1).text().equals("if") && block.keyword.equals("if")) {
                        block.branches.add(new GoTemplate.Branch(block.pipeline, block.body));
                        block.pipeline = new PipelineParser(tokens.subList(2, tokens.size()), action).pipeline();
                        block.body = new ArrayList<>();
                        return block.body;
                    }
                    block.otherwise = new ArrayList<>();
                    return block.otherwise;
                }
                case "end" -> {
                    Block block = blocks.poll();
                    if (block == null) {
                        throw new TemplateException("unexpected {{end}}");
                    }
                    block.parent.add(close(block));
                    return block.parent;
                }
                case "define", "template", "block", "break", "continue" ->
                        throw new TemplateException("{{" + first + "}} is not supported in commit message templates");
                default -> {
                    // a function call: handled below
                }
            }
        }
        if (tokens.size() >= 2 && tokens.get(0).kind() == ActionLexer.Kind.VARIABLE
                && (tokens.get(1).text().equals(":=") || tokens.get(1).text().equals("="))) {
            current.add(new GoTemplate.Declare(first, new PipelineParser(tokens.subList(2, tokens.size()), action).pipeline(),
                    tokens.get(1).text().equals("=")));
            return current;
        }
        current.add(new GoTemplate.Output(new PipelineParser(tokens, action).pipeline(), action));
        return current;
    }

    private static GoTemplate.Node close(Block block) {
        return switch (block.keyword) {
            case "if" -> {
                List<GoTemplate.Branch> branches = new ArrayList<>(block.branches);
                branches.add(new GoTemplate.Branch(block.pipeline, block.body));
                yield new GoTemplate.If(branches, block.otherwise);
            }
            case "range" -> new GoTemplate.Range(block.keyVariable, block.valueVariable, block.pipeline, block.body, block.otherwise, block.source);
            default -> new GoTemplate.With(block.pipeline, block.body, block.otherwise);
        };
    }

    private int findClose(int from) throws TemplateException {
        int i = from;
        char quote = 0;
        while (i < text.length() - 1) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == '\\' && quote == '"') {
                    i += 2;
                    continue;
                }
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '`') {
                quote = c;
            } else if (c == '}' && text.charAt(i + 1) == '}') {
                return i;
            }
            i++;
        }
        throw new TemplateException("unclosed action starting at " + text.substring(Math.max(0, from - 2), Math.min(text.length(), from + 20)));
    }

    private static int indexOf(List<ActionLexer.Token> tokens, String text) {
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.get(i).kind() == ActionLexer.Kind.SYMBOL && tokens.get(i).text().equals(text)) {
                return i;
            }
        }
        return -1;
    }

    private static void trimTrailingSpace(StringBuilder text) {
        int end = text.length();
        while (end > 0 && isSpace(text.charAt(end - 1))) {
            end--;
        }
        text.setLength(end);
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }
}
