package io.iobench.report.charts;

import io.iobench.report.view.NumberText;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.TreeSet;

/**
 * A few counts, evenly spaced in increasing order and labelled with their values: the idle-connection axis. It has to
 * show 0, the count every idle sweep starts from, which a log axis cannot; and sweeps space idle counts by decades
 * (0, 1,000, 10,000), where even spacing reads like a log axis anyway. Distances carry no meaning, the labels do, and
 * the captions say so.
 *
 * <p>XChart picks the tick step and keeps the first whose labels all differ, counting the one or two ticks it adds
 * beyond each end (see {@link Scale}). So a tick within a quarter step of a category prints that category, which makes
 * any step finer than one category repeat a label; a tick elsewhere between categories prints a dot, and two of those
 * repeat too; and a tick beyond the ends, which is never drawn, prints its own position in brackets. The first step
 * XChart keeps therefore puts one tick on each category, or on every second or fifth when the labels do not fit; and
 * the axis, padded by exactly a quarter step, ends on labelled positions, which XChart needs to draw any tick at all.
 * No label is blank: XChart sizes the axis by its longest label, and a run of spaces has no height.
 */
final class CategoryScale implements Scale {

    /** Within this of a category, a position is that category; also the padding beyond the first and last. */
    private static final double NEAR = 0.25;
    private static final double TOLERANCE = 1e-9;
    private static final String BETWEEN = "·";

    private final List<Integer> counts;

    /** @param counts the counts on the axis, in any order, repeats ignored */
    CategoryScale(List<Integer> counts) {
        this.counts = List.copyOf(new TreeSet<>(counts));
    }

    @Override
    public double position(double value) {
        int index = counts.indexOf((int) value);
        return index < 0 || value != (int) value ? Double.NaN : index;
    }

    @Override
    public String label(double position) {
        int last = counts.size() - 1;
        if (position < -2 * NEAR || position > last + 2 * NEAR) {
            return "(" + BigDecimal.valueOf(position).setScale(3, RoundingMode.HALF_EVEN).stripTrailingZeros()
                    .toPlainString() + ")";
        }
        long index = Math.round(position);
        if (Math.abs(position - index) > NEAR + TOLERANCE || index < 0 || index > last) {
            return BETWEEN;
        }
        return NumberText.format(counts.get((int) index), true);
    }

    @Override
    public double[] range(double low, double high) {
        return new double[] {low - NEAR, high + NEAR};
    }
}
