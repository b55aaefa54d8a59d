package io.iobench.results;

/**
 * How many decimals each figure keeps in the files: the digits past these are below what was measured (CPU time
 * ticks every 10 ms, a window lasts seconds), and printing them would only be noise that looks like precision.
 */
public final class Rounding {

    private Rounding() {
    }

    /** {@code value} to {@code decimals} places, half up. */
    public static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }

    /** {@code amount} per message to 3 decimals; null when no message was echoed, since there is no per message. */
    public static Double perMessage(double amount, long messages) {
        return messages == 0 ? null : round(amount / messages, 3);
    }
}
