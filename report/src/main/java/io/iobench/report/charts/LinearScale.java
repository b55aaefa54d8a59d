package io.iobench.report.charts;

import io.iobench.report.view.NumberText;

/**
 * A linear axis from zero (or below, for values that can be negative such as memory per connection): throughput,
 * CPU and memory read best against zero, where a ratio between two lines is visible as a ratio of heights.
 */
final class LinearScale implements Scale {

    @Override
    public double position(double value) {
        return value;
    }

    @Override
    public String label(double position) {
        return NumberText.format(position, false);
    }

    @Override
    public double[] range(double low, double high) {
        double top = high > 0 ? high * 1.08 : 1;
        double bottom = Math.min(0, low * 1.08);
        return new double[] {bottom, top};
    }
}
