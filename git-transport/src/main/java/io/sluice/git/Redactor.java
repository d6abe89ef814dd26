package io.sluice.git;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Removes secret values and URL passwords from text that goes into a message or a log line. */
public final class Redactor {

    private static final Pattern URL_USER_INFO = Pattern.compile("([a-zA-Z][a-zA-Z0-9+.-]*://)[^/@\\s]+@");
    private final List<String> secrets;

    private Redactor(List<String> secrets) {
        this.secrets = secrets;
    }

    public static Redactor of(GitCredentials credentials) {
        List<String> secrets = new ArrayList<>();
        for (String value : new String[] {credentials.password(), credentials.bearerToken(), credentials.identity()}) {
            if (value != null && value.length() >= 3) {
                secrets.add(value);
            }
        }
        return new Redactor(List.copyOf(secrets));
    }

    public String redact(String text) {
        if (text == null) {
            return "";
        }
        String result = URL_USER_INFO.matcher(text).replaceAll("$1");
        for (String secret : secrets) {
            result = result.replace(secret, "***");
        }
        return result;
    }
}
