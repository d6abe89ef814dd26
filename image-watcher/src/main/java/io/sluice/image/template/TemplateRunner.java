package io.sluice.image.template;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Runs parsed template nodes: evaluates pipelines, fields and variables, and writes text. */
final class TemplateRunner {

    /** Variables visible in a block; an inner block sees the outer ones. */
    static final class Scope {
        private final Scope parent;
        private final Map<String, Object> variables = new HashMap<>();

        Scope(Scope parent) {
            this.parent = parent;
        }

        Object get(String name) throws TemplateException {
            for (Scope s = this; s != null; s = s.parent) {
                if (s.variables.containsKey(name)) {
                    return s.variables.get(name);
                }
            }
            throw new TemplateException("undefined variable: " + name);
        }

        void declare(String name, Object value) {
            variables.put(name, value);
        }

        void assign(String name, Object value) throws TemplateException {
            for (Scope s = this; s != null; s = s.parent) {
                if (s.variables.containsKey(name)) {
                    s.variables.put(name, value);
                    return;
                }
            }
            throw new TemplateException("undefined variable: " + name);
        }
    }

    private final Object root;

    TemplateRunner(Object root) {
        this.root = root;
    }

    void run(List<GoTemplate.Node> nodes, Scope scope, Object dot, StringBuilder out) throws TemplateException {
        if (scope.parent == null && !scope.variables.containsKey("$")) {
            scope.declare("$", root);
        }
        for (GoTemplate.Node node : nodes) {
            if (node instanceof GoTemplate.Text text) {
                out.append(text.text());
            } else if (node instanceof GoTemplate.Output output) {
                out.append(TemplateFunctions.print(evaluate(output.pipeline(), scope, dot)));
            } else if (node instanceof GoTemplate.Declare declare) {
                Object value = evaluate(declare.value(), scope, dot);
                if (declare.assign()) {
                    scope.assign(declare.variable(), value);
                } else {
                    scope.declare(declare.variable(), value);
                }
            } else if (node instanceof GoTemplate.If branches) {
                boolean taken = false;
                for (GoTemplate.Branch branch : branches.branches()) {
                    if (TemplateFunctions.truth(evaluate(branch.condition(), scope, dot))) {
                        run(branch.body(), new Scope(scope), dot, out);
                        taken = true;
                        break;
                    }
                }
                if (!taken && branches.otherwise() != null) {
                    run(branches.otherwise(), new Scope(scope), dot, out);
                }
            } else if (node instanceof GoTemplate.With with) {
                Object value = evaluate(with.value(), scope, dot);
                if (TemplateFunctions.truth(value)) {
                    run(with.body(), new Scope(scope), value, out);
                } else if (with.otherwise() != null) {
                    run(with.otherwise(), new Scope(scope), dot, out);
                }
            } else if (node instanceof GoTemplate.Range range) {
                range(range, scope, dot, out);
            }
        }
    }

    private void range(GoTemplate.Range range, Scope scope, Object dot, StringBuilder out) throws TemplateException {
        Object over = evaluate(range.over(), scope, dot);
        List<Object[]> entries = new ArrayList<>();
        if (over instanceof Map<?, ?> map) {
            Map<?, ?> ordered = map.keySet().stream().allMatch(k -> k instanceof String) ? new TreeMap<>(map) : map;
            ordered.forEach((k, v) -> entries.add(new Object[] {k, v}));
        } else if (over instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                entries.add(new Object[] {(long) i, list.get(i)});
            }
        } else if (over != null) {
            throw new TemplateException("range can't iterate over " + TemplateFunctions.print(over) + " in {{" + range.source() + "}}");
        }
        if (entries.isEmpty()) {
            if (range.otherwise() != null) {
                run(range.otherwise(), new Scope(scope), dot, out);
            }
            return;
        }
        for (Object[] entry : entries) {
            Scope inner = new Scope(scope);
            if (range.keyVariable() != null) {
                inner.declare(range.keyVariable(), entry[0]);
            }
            if (range.valueVariable() != null) {
                inner.declare(range.valueVariable(), entry[1]);
            }
            run(range.body(), inner, entry[1], out);
        }
    }

    Object evaluate(GoTemplate.Pipeline pipeline, Scope scope, Object dot) throws TemplateException {
        Object value = null;
        boolean first = true;
        for (GoTemplate.Command command : pipeline.commands()) {
            value = command(command, scope, dot, first ? null : new Object[] {value}, pipeline.source());
            first = false;
        }
        return value;
    }

    private Object command(GoTemplate.Command command, Scope scope, Object dot, Object[] piped, String source) throws TemplateException {
        List<GoTemplate.Operand> operands = command.operands();
        if (operands.get(0) instanceof GoTemplate.Function function) {
            List<Object> args = new ArrayList<>();
            for (GoTemplate.Operand operand : operands.subList(1, operands.size())) {
                args.add(operand(operand, scope, dot, source));
            }
            if (piped != null) {
                args.add(piped[0]);
            }
            return TemplateFunctions.call(function.name(), args, source);
        }
        if (operands.size() > 1 || piped != null) {
            throw new TemplateException("can't give arguments to a non-function in {{" + source + "}}");
        }
        return operand(operands.get(0), scope, dot, source);
    }

    private Object operand(GoTemplate.Operand operand, Scope scope, Object dot, String source) throws TemplateException {
        if (operand instanceof GoTemplate.Literal literal) {
            return literal.value();
        }
        if (operand instanceof GoTemplate.FieldChain chain) {
            return fields(dot, chain.names(), source);
        }
        if (operand instanceof GoTemplate.Variable variable) {
            return fields(scope.get(variable.name()), variable.fields(), source);
        }
        if (operand instanceof GoTemplate.Sub sub) {
            return fields(evaluate(sub.pipeline(), scope, dot), sub.fields(), source);
        }
        GoTemplate.Function function = (GoTemplate.Function) operand;
        return TemplateFunctions.call(function.name(), List.of(), source);
    }

    private static Object fields(Object value, List<String> names, String source) throws TemplateException {
        Object current = value;
        String path = "";
        for (String name : names) {
            path += "." + name;
            if (current instanceof Map<?, ?> map) {
                current = map.get(name); // a missing key is "no value" in Go
            } else if (current instanceof Fields fields) {
                Object before = current;
                current = fields.field(name).orElseThrow(() -> new TemplateException("can't evaluate field " + name + " in type "
                        + before.getClass().getSimpleName() + " at " + "{{" + source + "}}"));
            } else {
                throw new TemplateException("can't evaluate field " + name + " of " + TemplateFunctions.print(current) + " (" + path + ") in {{" + source + "}}");
            }
        }
        return current;
    }
}
