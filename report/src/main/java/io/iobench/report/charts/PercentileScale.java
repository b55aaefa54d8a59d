package io.iobench.report.charts;

import java.math.BigDecimal;

/**
 * The x axis of HdrHistogram's percentile plots: {@code 1/(1-p)} on a log scale, so 0%, 90%, 99%, 99.9% ... sit at
 * equal steps and each step is ten times rarer. Values handed in are {@code 1/(1-p)}, the fourth column of a
 * {@code .hgrm} file.
 */
final class PercentileScale implements Scale {

    @Override
    public double position(double inverseTail) {
        return inverseTail >= 1 && Double.isFinite(inverseTail) ? Math.log10(inverseTail) : Double.NaN;
    }

    @Override
    public String label(double position) {
        double nines = Math.rint(position);
        if (Math.abs(position - nines) > 1e-6 || nines < 0) {
            return "";
        }
        // p = 1 - 10^-n: 0%, 90%, 99%, 99.9%, ... written exactly, without binary rounding noise.
        BigDecimal tail = BigDecimal.ONE.movePointLeft((int) nines);
        return BigDecimal.ONE.subtract(tail).movePointRight(2).stripTrailingZeros().toPlainString() + "%";
    }

    @Override
    public double[] range(double low, double high) {
        return new double[] {0, Math.max(1, high) + 0.05};
    }
}
