package io.sluice.sandbox.cluster.apiserver;

/** Checking base64 text (a Secret's data) as Go's standard decoder does, for its error's byte position. */
final class Base64Text {

    private Base64Text() {
    }

    /** The position Go names in "illegal base64 data at input byte N", or -1 when the text is valid base64. */
    static int firstIllegalByte(String text) {
        int length = 0;
        int padding = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\r' || c == '\n') {
                continue; // Go's decoder skips line breaks
            }
            boolean letter = c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '+' || c == '/';
            if (c == '=') {
                padding++;
            } else if (!letter || padding > 0) {
                return i;
            }
            length++;
        }
        if (length % 4 != 0 || padding > 2) {
            return Math.max(0, text.length() - length % 4 - (length % 4 == 0 ? padding : 0));
        }
        return -1;
    }
}
