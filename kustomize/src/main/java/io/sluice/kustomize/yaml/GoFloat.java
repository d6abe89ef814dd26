package io.sluice.kustomize.yaml;

import java.math.BigDecimal;

/** Go's strconv formatting of float64 as go-yaml v2 prints it ('g', shortest). */
final class GoFloat {
    private GoFloat() {
    }

    /** Shortest decimal text that round-trips (plain notation). */
    static String shortest(double d) {
        return new BigDecimal(Double.toString(d)).stripTrailingZeros().toPlainString();
    }

    /** strconv.FormatFloat(d, 'g', -1, 64) with go-yaml's .inf/.nan spellings. */
    static String formatG(double d) {
        if (Double.isNaN(d)) {
            return ".nan";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? ".inf" : "-.inf";
        }
        if (d == 0) {
            return (1 / d < 0) ? "-0" : "0";
        }
        BigDecimal bd = new BigDecimal(Double.toString(Math.abs(d))).stripTrailingZeros();
        String digits = bd.unscaledValue().toString();
        int nd = digits.length();
        int dp = nd - bd.scale();
        int exp = dp - 1;
        String sign = d < 0 ? "-" : "";
        if (exp < -4 || exp >= 6) {
            StringBuilder sb = new StringBuilder(sign);
            sb.append(digits.charAt(0));
            if (nd > 1) {
                sb.append('.').append(digits, 1, nd);
            }
            sb.append('e').append(exp < 0 ? '-' : '+');
            int ae = Math.abs(exp);
            if (ae < 10) {
                sb.append('0');
            }
            sb.append(ae);
            return sb.toString();
        }
        return sign + bd.toPlainString();
    }
}
