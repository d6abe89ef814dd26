package io.sluice.kustomize.yaml;

/** Go's notion of white space (unicode.IsSpace), for the places where kustomize trims text with it. */
public final class GoStrings {
    private GoStrings() {
    }

    /** Go's unicode.IsSpace for a char: TAB..CR, space, NEL, NBSP and the Unicode space separators, LS and PS. */
    public static boolean isSpace(char c) {
        return c == ' ' || (c >= '\t' && c <= '\r') || c == 0x85 || c == 0xA0
                || Character.getType(c) == Character.SPACE_SEPARATOR || c == 0x2028 || c == 0x2029;
    }

    /** strings.TrimSpace. */
    public static String trimSpace(String s) {
        int a = 0;
        int b = s.length();
        while (a < b && isSpace(s.charAt(a))) {
            a++;
        }
        while (b > a && isSpace(s.charAt(b - 1))) {
            b--;
        }
        return s.substring(a, b);
    }

    /** strings.TrimLeftFunc(s, unicode.IsSpace). */
    public static String trimLeftSpace(String s) {
        int a = 0;
        while (a < s.length() && isSpace(s.charAt(a))) {
            a++;
        }
        return s.substring(a);
    }
}
