package io.sluice.rollout.metrics;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills Flagger's template variables into a query. Flagger runs queries through Go's text/template; Sluice reads the
 * variables only ({@code {{ namespace }}}, {@code {{ variables.direction }}}), which is what Flagger's documentation and
 * MetricTemplates use. Anything else between braces, an unknown variable or an unclosed {@code {{} is an error that
 * names it, never a query sent with the braces left in.
 */
public final class QueryTemplate {

    private static final Pattern ACTION = Pattern.compile("\\{\\{(.*?)}}", Pattern.DOTALL);
    private static final Pattern VARIABLE = Pattern.compile("\\s*([A-Za-z_][A-Za-z0-9_]*)(?:\\.([A-Za-z_][A-Za-z0-9_-]*))?\\s*");

    private QueryTemplate() {
    }

    public static String render(String template, TemplateModel model) throws MetricCheckException {
        Matcher action = ACTION.matcher(template);
        StringBuilder out = new StringBuilder();
        int end = 0;
        while (action.find()) {
            out.append(template, end, action.start()).append(value(action.group(1), model));
            end = action.end();
        }
        String rest = template.substring(end);
        if (rest.contains("{{")) {
            throw new MetricCheckException(MetricCheckException.MALFORMED_QUERY, "the query has an unclosed '{{'");
        }
        return out.append(rest).toString();
    }

    private static String value(String expression, TemplateModel model) throws MetricCheckException {
        Matcher variable = VARIABLE.matcher(expression);
        if (!variable.matches()) {
            throw new MetricCheckException(MetricCheckException.MALFORMED_QUERY, "the query uses '{{" + expression
                    + "}}'; Sluice fills in Flagger's variables only: name, namespace, target, service, ingress, interval, variables.<key>");
        }
        String name = variable.group(1);
        String key = variable.group(2);
        if (key != null) {
            if (!name.equals("variables")) {
                throw new MetricCheckException(MetricCheckException.MALFORMED_QUERY, "the query uses '{{" + expression + "}}', which is not a variable");
            }
            String value = model.variables().get(key);
            if (value == null) {
                throw new MetricCheckException(MetricCheckException.MALFORMED_QUERY, "the query uses {{ variables." + key
                        + " }} but the metric's templateVariables have no '" + key + "'");
            }
            return value;
        }
        return switch (name) {
            case "name" -> model.name();
            case "namespace" -> model.namespace();
            case "target" -> model.target();
            case "service" -> model.service();
            case "ingress" -> model.ingress() == null ? "" : model.ingress();
            case "interval" -> model.interval();
            default -> throw new MetricCheckException(MetricCheckException.MALFORMED_QUERY, "the query uses an unknown variable {{ " + name
                    + " }}; Flagger's are name, namespace, target, service, ingress, interval, variables.<key>");
        };
    }
}
