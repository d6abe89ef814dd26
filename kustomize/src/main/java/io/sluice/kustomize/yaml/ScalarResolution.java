package io.sluice.kustomize.yaml;

import io.sluice.kustomize.KustomizeException;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns YAML scalars into values the way kustomize sees them: go-yaml v3 resolution of plain
 * scalars, then the JSON round trip kustomize does before printing (timestamps become RFC 3339
 * strings, floats that print as integers become integers).
 */
public final class ScalarResolution {
    static final Pattern YAML_FLOAT = Pattern.compile("^[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?$");
    private static final Pattern TIMESTAMP = Pattern.compile(
            "^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})"
                    + "(?:([Tt ])([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2})(?:\\.([0-9]{1,9}))?(Z|[+-][0-9]{2}:[0-9]{2})?)?$");
    private static final BigInteger UINT64_MAX = new BigInteger("18446744073709551615");

    private ScalarResolution() {
    }

    /** go-yaml v3 resolution of an untagged plain scalar. */
    public static Object resolvePlain(String in) {
        switch (in) {
            case "true", "True", "TRUE":
                return Boolean.TRUE;
            case "false", "False", "FALSE":
                return Boolean.FALSE;
            case "", "~", "null", "Null", "NULL":
                return null;
            case ".nan", ".NaN", ".NAN":
                return Double.NaN;
            case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF":
                return Double.POSITIVE_INFINITY;
            case "-.inf", "-.Inf", "-.INF":
                return Double.NEGATIVE_INFINITY;
            default:
                break;
        }
        char c = in.charAt(0);
        if (c == '.') {
            Double d = parseGoFloat(in);
            return d == null ? in : normalizeDouble(d);
        }
        if (c == '+' || c == '-' || (c >= '0' && c <= '9')) {
            String ts = timestamp(in);
            if (ts != null) {
                return ts;
            }
            String plain = in.replace("_", "");
            BigInteger i = parseGoInt(plain);
            if (i != null) {
                return integer(i);
            }
            if (YAML_FLOAT.matcher(plain).matches()) {
                Double d = parseGoFloat(plain);
                if (d != null) {
                    return normalizeDouble(d);
                }
            }
            String body = plain.startsWith("-") ? plain.substring(1) : plain;
            String sign = plain.startsWith("-") ? "-" : "";
            if (body.startsWith("0b") || body.startsWith("0o")) {
                try {
                    BigInteger v = new BigInteger(sign + body.substring(2), body.charAt(1) == 'b' ? 2 : 8);
                    return integer(v);
                } catch (NumberFormatException e) {
                    return in;
                }
            }
        }
        return in;
    }

    /** go-yaml v2 (YAML 1.1) resolution: adds y/n/yes/no/on/off booleans to the v3 rules. */
    public static Object resolvePlainYaml11(String in) {
        switch (in) {
            case "y", "Y", "yes", "Yes", "YES", "on", "On", "ON":
                return Boolean.TRUE;
            case "n", "N", "no", "No", "NO", "off", "Off", "OFF":
                return Boolean.FALSE;
            default:
                return resolvePlain(in);
        }
    }

    /** A scalar with an explicit tag (or quoted, which arrives as !!str). */
    public static Object resolveTagged(String value, String tag, String source) {
        switch (tag) {
            case "tag:yaml.org,2002:str":
                return value;
            case "tag:yaml.org,2002:int": {
                Object v = resolvePlain(value.isEmpty() ? "x" : value);
                if (v instanceof Long || v instanceof BigInteger) {
                    return v;
                }
                throw new KustomizeException("malformed YAML in " + source + ": cannot decode !!str `" + value + "` as a !!int");
            }
            case "tag:yaml.org,2002:float": {
                Object v = resolvePlain(value.isEmpty() ? "x" : value);
                if (v instanceof Number n) {
                    return normalizeDouble(n.doubleValue());
                }
                throw new KustomizeException("malformed YAML in " + source + ": cannot decode !!str `" + value + "` as a !!float");
            }
            case "tag:yaml.org,2002:bool": {
                Object v = resolvePlain(value.isEmpty() ? "x" : value);
                if (v instanceof Boolean) {
                    return v;
                }
                throw new KustomizeException("malformed YAML in " + source + ": cannot decode !!str `" + value + "` as a !!bool");
            }
            case "tag:yaml.org,2002:null":
                return null;
            case "tag:yaml.org,2002:binary": {
                // Go decodes !!binary into bytes; JSON then carries them as text when they are UTF-8
                try {
                    byte[] b = java.util.Base64.getMimeDecoder().decode(value);
                    return new String(b, java.nio.charset.StandardCharsets.UTF_8);
                } catch (IllegalArgumentException e) {
                    throw new KustomizeException("malformed YAML in " + source + ": !!binary value is not base64");
                }
            }
            case "tag:yaml.org,2002:timestamp": {
                String ts = timestamp(value);
                return ts != null ? ts : value;
            }
            default:
                // Custom tags (e.g. !Ref) decode as their scalar value.
                return value;
        }
    }

    private static Object integer(BigInteger v) {
        if (v.bitLength() < 64) {
            return v.longValue();
        }
        if (v.signum() > 0 && v.compareTo(UINT64_MAX) <= 0) {
            return v;
        }
        return v.doubleValue();
    }

    /** Go strconv.ParseInt/ParseUint with base 0 (sign, 0x, 0o, 0b, leading-0 octal). */
    static BigInteger parseGoInt(String s) {
        if (s.isEmpty()) {
            return null;
        }
        boolean neg = false;
        String body = s;
        if (body.charAt(0) == '+' || body.charAt(0) == '-') {
            neg = body.charAt(0) == '-';
            body = body.substring(1);
        }
        if (body.isEmpty()) {
            return null;
        }
        int radix = 10;
        if (body.length() > 1 && body.charAt(0) == '0') {
            char p = Character.toLowerCase(body.charAt(1));
            if (p == 'x') {
                radix = 16;
                body = body.substring(2);
            } else if (p == 'o') {
                radix = 8;
                body = body.substring(2);
            } else if (p == 'b') {
                radix = 2;
                body = body.substring(2);
            } else {
                radix = 8;
                body = body.substring(1);
            }
        }
        if (body.isEmpty()) {
            return null;
        }
        for (int i = 0; i < body.length(); i++) {
            if (Character.digit(body.charAt(i), radix) < 0) {
                return null;
            }
        }
        BigInteger v = new BigInteger(body, radix);
        if (neg) {
            v = v.negate();
            return v.bitLength() < 64 ? v : null;
        }
        return v.compareTo(UINT64_MAX) <= 0 ? v : null;
    }

    static Double parseGoFloat(String s) {
        if (!YAML_FLOAT.matcher(s).matches()) {
            return null;
        }
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** JSON round trip of a float64: values printed without fraction come back as integers. */
    public static Object normalizeDouble(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            return d;
        }
        double abs = Math.abs(d);
        if (abs != 0 && (abs < 1e-6 || abs >= 1e21)) {
            return d;
        }
        BigDecimal bd = new BigDecimal(GoFloat.shortest(d));
        if (bd.signum() == 0) {
            return 0L;
        }
        if (bd.stripTrailingZeros().scale() <= 0) {
            BigInteger bi = bd.toBigIntegerExact();
            if (bi.bitLength() < 64) {
                return bi.longValue();
            }
            if (bi.signum() > 0 && bi.compareTo(UINT64_MAX) <= 0) {
                return bi;
            }
        }
        return d;
    }

    /** A go-yaml timestamp as the RFC 3339 text Go's JSON encoder gives it; null if not a timestamp. */
    static String timestamp(String s) {
        Matcher m = TIMESTAMP.matcher(s);
        if (!m.matches()) {
            return null;
        }
        int year = Integer.parseInt(m.group(1));
        int month = Integer.parseInt(m.group(2));
        int day = Integer.parseInt(m.group(3));
        if (month < 1 || month > 12 || day < 1 || day > java.time.YearMonth.of(year, month).lengthOfMonth()) {
            return null;
        }
        String time = "00:00:00";
        String frac = "";
        String zone = "Z";
        if (m.group(4) != null) {
            if (m.group(4).equals(" ") && m.group(9) != null) {
                return null;
            }
            if (!m.group(4).equals(" ") && m.group(9) == null) {
                return null;
            }
            int h = Integer.parseInt(m.group(5));
            int mi = Integer.parseInt(m.group(6));
            int se = Integer.parseInt(m.group(7));
            if (h > 23 || mi > 59 || se > 59) {
                return null;
            }
            time = String.format("%02d:%02d:%02d", h, mi, se);
            if (m.group(8) != null) {
                String f = m.group(8).replaceAll("0+$", "");
                frac = f.isEmpty() ? "" : "." + f;
            }
            if (m.group(9) != null && !m.group(9).equals("Z")) {
                zone = m.group(9).equals("+00:00") ? "Z" : m.group(9);
            }
        }
        return String.format("%04d-%02d-%02dT%s%s%s", year, month, day, time, frac, zone);
    }
}
