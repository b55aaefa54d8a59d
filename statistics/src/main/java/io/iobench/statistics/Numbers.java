package io.iobench.statistics;

import java.util.Locale;

/** How ratios and p-values read in the sentences of this package: fixed decimals, the same in every locale. */
final class Numbers {

    private Numbers() {
    }

    /** @return a ratio with two decimals and a times sign, such as {@code 1.04×} */
    static String ratio(double ratio) {
        return plain(ratio) + "×";
    }

    /** @return a ratio's interval end, two decimals */
    static String plain(double ratio) {
        return String.format(Locale.ROOT, "%.2f", ratio);
    }

    /** @return a p-value with enough digits to tell 0.0079 from 0.1, such as {@code 0.0079} or {@code 0.1} */
    static String p(double p) {
        return p >= 0.01 ? trimmed(String.format(Locale.ROOT, "%.3f", p))
                : String.format(Locale.ROOT, "%.2g", p);
    }

    private static String trimmed(String decimal) {
        String trimmed = decimal.replaceAll("0+$", "");
        return trimmed.endsWith(".") ? trimmed + "0" : trimmed;
    }
}
