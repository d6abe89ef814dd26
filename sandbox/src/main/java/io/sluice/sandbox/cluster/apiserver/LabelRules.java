package io.sluice.sandbox.cluster.apiserver;

import java.util.regex.Pattern;

/**
 * Label keys and values as the real server checks them in label selectors: a key is an optional DNS-subdomain
 * prefix and a name of at most 63 characters, a value at most 63 characters of alphanumerics, {@code -}, {@code _}
 * and {@code .} that starts and ends with an alphanumeric.
 */
final class LabelRules {

    private static final Pattern NAME = Pattern.compile("([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]");
    private static final Pattern PREFIX = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");

    private LabelRules() {
    }

    /** @throws IllegalArgumentException worded as the real selector parser words it */
    static void checkKey(String key) {
        int slash = key.indexOf('/');
        String name = slash < 0 ? key : key.substring(slash + 1);
        boolean valid = name.length() <= 63 && NAME.matcher(name).matches();
        if (slash >= 0) {
            String prefix = key.substring(0, slash);
            valid &= !prefix.isEmpty() && prefix.length() <= 253 && PREFIX.matcher(prefix).matches();
        }
        if (!valid) {
            throw new IllegalArgumentException("invalid label key \"" + key + "\": name part must consist of alphanumeric "
                    + "characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName', "
                    + " or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')");
        }
    }

    /** @throws IllegalArgumentException worded as the real selector parser words it */
    static void checkValue(String value) {
        if (value.length() > 63 || !value.isEmpty() && !NAME.matcher(value).matches()) {
            throw new IllegalArgumentException("invalid label value: \"" + value + "\": at key: a valid label must be an "
                    + "empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with "
                    + "an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is "
                    + "'(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')");
        }
    }
}
