package io.iobench.report.view;

import io.iobench.statistics.ConfidenceInterval;
import io.iobench.statistics.Figure;
import io.iobench.statistics.PointEstimate;

/**
 * How a point's figure over its repetitions reads in a table: {@code 139,140 [137,902, 140,311]}, the median and its
 * 95% interval, where the point has the 3 repetitions an interval needs, and {@code 139,140 (n=2, too few for an
 * interval)} where it has fewer. The numbers read as {@link NumberText} has every number read.
 */
public final class EstimateText {

    /** What the median's interval is and how much it covers, for the sentences that explain the brackets. */
    public static final String INTERVAL = "the order-statistic interval, two of the sorted values chosen from the"
            + " binomial distribution, which assumes nothing about how a figure is distributed; with 3 repetitions it"
            + " is [min, max] and holds the median with 75% probability, with 5 with 93.75%, from 6 on with 95% or"
            + " more";

    private EstimateText() {
    }

    /** The cell of {@code figure} for a point's estimate; {@link NumberText#MISSING} for none. */
    public static String of(Figure figure, PointEstimate estimate) {
        if (estimate == null) {
            return NumberText.MISSING;
        }
        String median = number(figure, estimate.median());
        ConfidenceInterval interval = estimate.interval().orElse(null);
        return interval == null ? median + " (n=" + estimate.repetitions() + ", too few for an interval)"
                : median + " [" + number(figure, interval.low()) + ", " + number(figure, interval.high()) + "]";
    }

    /** A value of {@code figure}: messages per second whole, the rest to three significant digits. */
    public static String number(Figure figure, double value) {
        return NumberText.format(value, figure == Figure.MSGS_PER_S);
    }

    /** A column header: the figure's label with its unit, as the run tables have it, such as {@code p99 µs}. */
    public static String header(Figure figure) {
        return switch (figure) {
            case MSGS_PER_S -> Metric.MSGS_PER_S.header();
            case P50_US -> Metric.P50_US.header();
            case P99_US -> Metric.P99_US.header();
            case P999_US -> Metric.P999_US.header();
            case SERVER_CPU_US_PER_MSG -> Metric.SERVER_CPU_US_PER_MSG.header();
            case CONTEXT_SWITCHES_PER_MSG -> Metric.CTX_SWITCHES_PER_MSG.header();
            case IDLE_CPU_CORES -> Metric.IDLE_CPU_CORES.header();
        };
    }
}
