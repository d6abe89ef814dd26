package io.sluice.api.meta;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.Map;

/**
 * Go duration strings as Flux writes them in {@code spec.interval}, {@code spec.timeout} and friends:
 * a sequence of decimal numbers with units, e.g. {@code 30s}, {@code 5m}, {@code 1h30m}, {@code 500ms},
 * {@code 1.5h}. Units are {@code h}, {@code m}, {@code s}, {@code ms}, {@code us} (or {@code µs}) and
 * {@code ns}, as in Go's {@code time.ParseDuration}; a bare {@code 0} is allowed.
 *
 * <p>The models keep durations as strings so that manifests round-trip unchanged; services convert them here.
 */
public final class FluxDuration {

    private static final BigInteger NANOS_PER_SECOND = BigInteger.valueOf(1_000_000_000L);

    private static final Map<String, Long> NANOS_PER_UNIT = Map.of(
            "ns", 1L,
            "us", 1_000L,
            "µs", 1_000L, // U+00B5 micro sign
            "μs", 1_000L, // U+03BC Greek mu
            "ms", 1_000_000L,
            "s", 1_000_000_000L,
            "m", 60_000_000_000L,
            "h", 3_600_000_000_000L);

    /** Go's time.Duration is an int64 of nanoseconds; larger values do not fit in a Flux object either. */
    private static final BigInteger MAX_NANOS = BigInteger.valueOf(Long.MAX_VALUE);

    private FluxDuration() {
    }

    /** Parses a Go duration string; see the class comment. */
    public static Duration parse(String text) {
        return parse(text, null);
    }

    /**
     * Parses a Go duration string; {@code where} (e.g. {@code "spec.interval of Kustomization apps/web"}) is
     * put in the error message so the user knows which field to fix.
     *
     * @throws IllegalArgumentException if the text is not a Go duration
     */
    public static Duration parse(String text, String where) {
        if (text == null || text.isEmpty()) {
            throw error(text, where, "it is empty");
        }
        int pos = 0;
        boolean negative = false;
        if (text.charAt(0) == '-' || text.charAt(0) == '+') {
            negative = text.charAt(0) == '-';
            pos = 1;
        }
        if (text.substring(pos).equals("0")) {
            return Duration.ZERO;
        }
        if (pos == text.length()) {
            throw error(text, where, "there is no number after the sign");
        }
        BigDecimal totalNanos = BigDecimal.ZERO;
        while (pos < text.length()) {
            int numberStart = pos;
            while (pos < text.length() && (Character.isDigit(text.charAt(pos)) || text.charAt(pos) == '.')) {
                pos++;
            }
            String number = text.substring(numberStart, pos);
            if (number.isEmpty() || number.equals(".") || number.indexOf('.') != number.lastIndexOf('.')) {
                throw error(text, where, "expected a number at position " + numberStart);
            }
            int unitStart = pos;
            while (pos < text.length() && !Character.isDigit(text.charAt(pos)) && text.charAt(pos) != '.') {
                pos++;
            }
            String unit = text.substring(unitStart, pos);
            if (unit.isEmpty()) {
                throw error(text, where, "the number '" + number + "' has no unit");
            }
            Long nanosPerUnit = NANOS_PER_UNIT.get(unit);
            if (nanosPerUnit == null) {
                throw error(text, where, "unknown unit '" + unit + "'");
            }
            totalNanos = totalNanos.add(new BigDecimal(number).multiply(BigDecimal.valueOf(nanosPerUnit)));
        }
        // Go truncates fractions of a nanosecond.
        BigInteger nanos = totalNanos.toBigInteger();
        if (nanos.compareTo(MAX_NANOS) > 0) {
            throw error(text, where, "it is longer than the largest Go duration (about 292 years)");
        }
        BigInteger[] secondsAndNanos = nanos.divideAndRemainder(NANOS_PER_SECOND);
        Duration duration = Duration.ofSeconds(secondsAndNanos[0].longValueExact(), secondsAndNanos[1].longValueExact());
        return negative ? duration.negated() : duration;
    }

    /**
     * Formats a duration the way Go's {@code Duration.String()} does: {@code 1h30m0s}, {@code 5m0s},
     * {@code 500ms}, {@code 1.5s}, {@code 0s}. {@link #parse} reads it back to the same value.
     */
    public static String format(Duration duration) {
        if (duration.isZero()) {
            return "0s";
        }
        String sign = duration.isNegative() ? "-" : "";
        Duration d = duration.abs();
        BigInteger nanos = BigInteger.valueOf(d.getSeconds()).multiply(NANOS_PER_SECOND).add(BigInteger.valueOf(d.getNano()));
        if (d.getSeconds() == 0) {
            long n = d.getNano();
            if (n < 1_000) {
                return sign + n + "ns";
            }
            if (n < 1_000_000) {
                return sign + decimal(BigInteger.valueOf(n), 1_000) + "µs";
            }
            return sign + decimal(BigInteger.valueOf(n), 1_000_000) + "ms";
        }
        StringBuilder out = new StringBuilder(sign);
        BigInteger[] hours = nanos.divideAndRemainder(BigInteger.valueOf(NANOS_PER_UNIT.get("h")));
        BigInteger[] minutes = hours[1].divideAndRemainder(BigInteger.valueOf(NANOS_PER_UNIT.get("m")));
        if (hours[0].signum() > 0) {
            out.append(hours[0]).append('h');
        }
        if (hours[0].signum() > 0 || minutes[0].signum() > 0) {
            out.append(minutes[0]).append('m');
        }
        out.append(decimal(minutes[1], 1_000_000_000)).append('s');
        return out.toString();
    }

    /** value / unit as a plain decimal with trailing zeros dropped: 1500, 1000 -> "1.5". */
    private static String decimal(BigInteger value, long unit) {
        BigDecimal result = new BigDecimal(value).divide(BigDecimal.valueOf(unit)).stripTrailingZeros();
        return result.toPlainString();
    }

    private static IllegalArgumentException error(String text, String where, String problem) {
        String subject = where == null ? "duration" : where;
        return new IllegalArgumentException("invalid " + subject + " '" + text + "': " + problem
                + "; expected a Go duration such as 30s, 5m, 1h30m or 500ms (units h, m, s, ms, us, ns)");
    }
}
