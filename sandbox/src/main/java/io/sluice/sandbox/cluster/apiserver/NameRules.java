package io.sluice.sandbox.cluster.apiserver;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The syntax rules for names, keys and label values, each returning the real server's messages (empty when
 * valid). The messages quote the regular expression and examples exactly as Kubernetes' validation does.
 */
final class NameRules {

    private static final String DNS1123_LABEL = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
    private static final String DNS1123_SUBDOMAIN = DNS1123_LABEL + "(\\." + DNS1123_LABEL + ")*";
    private static final String DNS1035_LABEL = "[a-z]([-a-z0-9]*[a-z0-9])?";
    private static final String QUALIFIED_NAME_PART = "([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]";
    private static final String LABEL_VALUE = "(" + QUALIFIED_NAME_PART + ")?";
    private static final String CONFIG_KEY = "[-._a-zA-Z0-9]+";
    private static final String IANA_SVC_NAME = "[-a-z0-9]+";

    private static final Pattern DNS1123_LABEL_PATTERN = Pattern.compile(DNS1123_LABEL);
    private static final Pattern DNS1123_SUBDOMAIN_PATTERN = Pattern.compile(DNS1123_SUBDOMAIN);
    private static final Pattern DNS1035_LABEL_PATTERN = Pattern.compile(DNS1035_LABEL);
    private static final Pattern QUALIFIED_NAME_PART_PATTERN = Pattern.compile(QUALIFIED_NAME_PART);
    private static final Pattern LABEL_VALUE_PATTERN = Pattern.compile(LABEL_VALUE);
    private static final Pattern CONFIG_KEY_PATTERN = Pattern.compile(CONFIG_KEY);
    private static final Pattern IANA_SVC_NAME_PATTERN = Pattern.compile(IANA_SVC_NAME);
    private static final Pattern HAS_LETTER = Pattern.compile(".*[a-z].*");

    private NameRules() {
    }

    /** How a kind's object names are checked (Kubernetes' {@code ValidateNameFunc}s). */
    enum NameRule {
        /** Most kinds: up to 253 characters, lower case, digits, '-' and '.'. */
        DNS_SUBDOMAIN,
        /** Namespaces: up to 63 characters, no dots. */
        DNS_LABEL,
        /** Services: as DNS_LABEL, and starting with a letter. */
        DNS1035_LABEL,
        /** RBAC objects: anything that can be a URL path segment ({@code system:controller:x} is fine). */
        PATH_SEGMENT;

        /** @param prefix a {@code generateName}: a trailing '-' is allowed */
        List<String> check(String name, boolean prefix) {
            String checked = prefix && name.endsWith("-") ? name.substring(0, name.length() - 1) + "a" : name;
            return switch (this) {
                case DNS_SUBDOMAIN -> dns1123Subdomain(checked);
                case DNS_LABEL -> dns1123Label(checked);
                case DNS1035_LABEL -> dns1035Label(checked);
                case PATH_SEGMENT -> pathSegment(name, prefix);
            };
        }
    }

    static List<String> dns1123Subdomain(String value) {
        List<String> problems = new ArrayList<>();
        if (value.length() > 253) {
            problems.add(maxLength(253));
        }
        if (!DNS1123_SUBDOMAIN_PATTERN.matcher(value).matches()) {
            problems.add(regexError("a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, "
                    + "'-' or '.', and must start and end with an alphanumeric character", DNS1123_SUBDOMAIN, "example.com"));
        }
        return problems;
    }

    static List<String> dns1123Label(String value) {
        List<String> problems = new ArrayList<>();
        if (value.length() > 63) {
            problems.add(maxLength(63));
        }
        if (!DNS1123_LABEL_PATTERN.matcher(value).matches()) {
            problems.add(regexError("a lowercase RFC 1123 label must consist of lower case alphanumeric characters or "
                    + "'-', and must start and end with an alphanumeric character", DNS1123_LABEL, "my-name", "123-abc"));
        }
        return problems;
    }

    static List<String> dns1035Label(String value) {
        List<String> problems = new ArrayList<>();
        if (value.length() > 63) {
            problems.add(maxLength(63));
        }
        if (!DNS1035_LABEL_PATTERN.matcher(value).matches()) {
            problems.add(regexError("a DNS-1035 label must consist of lower case alphanumeric characters or '-', start "
                    + "with an alphabetic character, and end with an alphanumeric character", DNS1035_LABEL, "my-name",
                    "abc-123"));
        }
        return problems;
    }

    private static List<String> pathSegment(String name, boolean prefix) {
        List<String> problems = new ArrayList<>();
        if (!prefix && (name.equals(".") || name.equals(".."))) {
            problems.add("may not be '" + name + "'");
        }
        for (String forbidden : List.of("/", "%")) {
            if (name.contains(forbidden)) {
                problems.add("may not contain '" + forbidden + "'");
            }
        }
        return problems;
    }

    /** A label or annotation key: {@code [prefix/]name}. */
    static List<String> qualifiedName(String value) {
        List<String> problems = new ArrayList<>();
        String[] parts = value.split("/", -1);
        String name;
        if (parts.length == 1) {
            name = parts[0];
        } else if (parts.length == 2) {
            String prefix = parts[0];
            name = parts[1];
            if (prefix.isEmpty()) {
                problems.add("prefix part must be non-empty");
            } else {
                dns1123Subdomain(prefix).forEach(p -> problems.add("prefix part " + p));
            }
        } else {
            problems.add(regexError("a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must "
                    + "start and end with an alphanumeric character", QUALIFIED_NAME_PART, "MyName", "my.name", "123-abc")
                    + " with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')");
            return problems;
        }
        if (name.isEmpty()) {
            problems.add("name part must be non-empty");
        } else if (name.length() > 63) {
            problems.add("name part " + maxLength(63));
        }
        if (!QUALIFIED_NAME_PART_PATTERN.matcher(name).matches()) {
            problems.add("name part " + regexError("must consist of alphanumeric characters, '-', '_' or '.', and must "
                    + "start and end with an alphanumeric character", QUALIFIED_NAME_PART, "MyName", "my.name", "123-abc"));
        }
        return problems;
    }

    static List<String> labelValue(String value) {
        List<String> problems = new ArrayList<>();
        if (value.length() > 63) {
            problems.add(maxLength(63));
        }
        if (!LABEL_VALUE_PATTERN.matcher(value).matches()) {
            problems.add(regexError("a valid label must be an empty string or consist of alphanumeric characters, '-', "
                    + "'_' or '.', and must start and end with an alphanumeric character", LABEL_VALUE, "MyValue",
                    "my_value", "12345"));
        }
        return problems;
    }

    /** A key of a ConfigMap's or Secret's data. */
    static List<String> configMapKey(String value) {
        List<String> problems = new ArrayList<>();
        if (value.length() > 253) {
            problems.add(maxLength(253));
        }
        if (!CONFIG_KEY_PATTERN.matcher(value).matches()) {
            problems.add(regexError("a valid config key must consist of alphanumeric characters, '-', '_' or '.'",
                    CONFIG_KEY, "key.name", "KEY_NAME", "key-name"));
        }
        if (value.equals(".")) {
            problems.add("must not be '.'");
        } else if (value.equals("..")) {
            problems.add("must not be '..'");
        } else if (value.startsWith("..")) {
            problems.add("must not start with '..'");
        }
        return problems;
    }

    /** A port name ({@code IANA_SVC_NAME}): up to 15 characters, at least one letter, no double or edge hyphens. */
    static List<String> portName(String value) {
        List<String> problems = new ArrayList<>();
        if (value.length() > 15) {
            problems.add(maxLength(15));
        }
        if (!IANA_SVC_NAME_PATTERN.matcher(value).matches()) {
            problems.add("must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)");
        }
        if (!HAS_LETTER.matcher(value).matches()) {
            problems.add("must contain at least one letter (a-z)");
        }
        if (value.contains("--")) {
            problems.add("must not contain consecutive hyphens");
        }
        if (value.startsWith("-") || value.endsWith("-")) {
            problems.add("must not begin or end with a hyphen");
        }
        return problems;
    }

    static String maxLength(int length) {
        return "must be no more than " + length + " characters";
    }

    /** Kubernetes' {@code RegexError}: the message, examples and the regular expression, worded exactly. */
    static String regexError(String message, String regex, String... examples) {
        StringBuilder text = new StringBuilder(message);
        if (examples.length == 0) {
            return text.append(" (regex used for validation is '").append(regex).append("')").toString();
        }
        text.append(" (e.g. ");
        for (int i = 0; i < examples.length; i++) {
            if (i > 0) {
                text.append(" or ");
            }
            text.append('\'').append(examples[i]).append("', ");
        }
        return text.append("regex used for validation is '").append(regex).append("')").toString();
    }
}
