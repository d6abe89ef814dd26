package io.sluice.rollout.analysis;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Metric values in messages: at most two decimals, no trailing zeros ("91.5", "99", "0.25"). */
public final class Values {

    private Values() {
    }

    public static String format(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return Double.toString(value);
        }
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }
}
