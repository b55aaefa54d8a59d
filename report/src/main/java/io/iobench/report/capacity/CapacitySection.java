package io.iobench.report.capacity;

import io.iobench.report.charts.CapacityCharts;
import io.iobench.report.charts.ChartFiles;
import io.iobench.report.document.Block;
import io.iobench.report.document.Table;
import io.iobench.report.document.Table.Cell;
import io.iobench.report.document.Table.Column;
import io.iobench.report.document.Table.Tone;
import io.iobench.report.view.NumberText;
import io.iobench.report.view.SweepView;
import io.iobench.results.CapacityFile;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * "Capacity at p99 ≤ 1 ms": a row per model, connection count and size with the capacity found, its interval, what
 * the server spent there, the latency there and what ended the search; then the charts per connection count.
 *
 * <pre>
 * List&lt;Block&gt; blocks = new CapacitySection(sweep, capacityFile, chartFiles).blocks();
 * </pre>
 */
public final class CapacitySection {

    private final SweepView sweep;
    private final CapacityFile capacity;
    private final ChartFiles files;

    public CapacitySection(SweepView sweep, CapacityFile capacity, ChartFiles files) {
        this.sweep = sweep;
        this.capacity = capacity;
        this.files = files;
    }

    /** The objective in the report's words: {@code p99 ≤ 1 ms}. */
    public static String title(CapacityFile.Objective objective) {
        double bound = objective.boundUs();
        String text = bound >= 1000 ? plain(bound / 1000) + " ms" : plain(bound) + " µs";
        return "p" + plain(objective.percentile()) + " ≤ " + text;
    }

    public List<Block> blocks() throws IOException {
        CapacityFile.Search search = capacity.search();
        String objective = title(capacity.objective());
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block.Heading(2, "Capacity at " + objective, "capacity"));
        blocks.add(new Block.Paragraph("The highest open-loop rate each model carried with its corrected "
                + "p" + plain(capacity.objective().percentile()) + " (from each message's intended send time) within "
                + objective.substring(objective.indexOf('≤') + 2) + ", at least "
                + plain(capacity.objective().minAchievedRatio() * 100) + "% of the target rate echoed, no errors and"
                + " the client not at its limit (objective " + capacity.objective().text() + "). The search ramps"
                + " from " + NumberText.format(search.lowestRateMsgsPerS(), true) + " msgs/s by x"
                + plain(search.rampFactor()) + " until a probe misses, bisects to " + plain(search.precisionPct())
                + "%, then runs the found rate " + search.repeat() + " times in all; each probe is a fresh client"
                + " (" + plain(search.warmupS()) + " s warm-up, " + plain(search.durationS()) + " s measured) against"
                + " one server JVM per model and connection count. Capacity is the median achieved rate of the runs"
                + " at the found rate, with its order-statistic interval and its coverage (75% for 3 runs); the"
                + " search's bracket is the found rate and the lowest rate that missed. Server cost and latency are"
                + " medians at the found rate."));
        blocks.add(new Block.TableBlock(table()));
        Set<List<Integer>> charts = new LinkedHashSet<>();
        capacity.points().forEach(p -> charts.add(List.of(p.connections(), p.size())));
        CapacityCharts drawn = new CapacityCharts(sweep, capacity, files);
        for (List<Integer> at : charts) {
            blocks.add(new Block.Heading(3, "Latency and cost against rate at " + NumberText.format(at.get(0), true)
                    + " connections, " + NumberText.bytes(at.get(1)), "capacity-c" + at.get(0) + "-s" + at.get(1)));
            blocks.addAll(drawn.of(at.get(0), at.get(1)));
        }
        return blocks;
    }

    private Table table() {
        Table table = new Table(List.of(Column.text("model"), Column.number("connections"), Column.number("size"),
                Column.number("capacity msgs/s"), Column.number("bracket msgs/s"), Column.number("met"),
                Column.number("server cores"), Column.number("CPU µs/msg"), Column.number("corr. p50 µs"),
                Column.number("corr. p99 µs"), Column.number("corr. p99.9 µs"), Column.text("ended by"),
                Column.number("probes")));
        for (CapacityFile.CapacityPoint point : capacity.points()) {
            boolean none = point.capacityMsgsPerS() == null;
            Tone tone = none ? Tone.FAILED : point.endedBy() == CapacityFile.EndedBy.OBJECTIVE
                    || point.endedBy() == CapacityFile.EndedBy.RATE_MISSED ? Tone.NORMAL : Tone.FLAGGED;
            table.add(tone, List.of(Cell.of(point.model()), Cell.of(NumberText.format(point.connections(), true)),
                    Cell.of(NumberText.bytes(point.size())), new Cell(capacityText(point), none ? Tone.FAILED
                            : Tone.NORMAL), Cell.of(bracket(point)),
                    Cell.of(point.runsAtFound() == 0 ? NumberText.MISSING : point.met() + " of " + point.runsAtFound()),
                    Cell.of(number(point.serverCpuCores(), false)), Cell.of(number(point.serverCpuUsPerMsg(), false)),
                    Cell.of(number(point.p50Us(), true)), Cell.of(number(point.p99Us(), true)),
                    Cell.of(number(point.p999Us(), true)), Cell.of(point.endedBy() + ": " + point.endedDetail()),
                    Cell.of(Integer.toString(point.probes().size()))));
        }
        return table;
    }

    /** {@code 39,905 [39,700, 40,000] 75%}, or {@code below 2,000}, or {@code none}. */
    private String capacityText(CapacityFile.CapacityPoint point) {
        if (point.capacityMsgsPerS() == null) {
            return point.endedBy() == CapacityFile.EndedBy.BELOW_LOWEST_RATE
                    ? "capacity: below " + NumberText.format(capacity.search().lowestRateMsgsPerS(), true) : "none";
        }
        String text = NumberText.format(point.capacityMsgsPerS(), true);
        if (point.low() != null && point.high() != null) {
            text += " [" + NumberText.format(point.low(), true) + ", " + NumberText.format(point.high(), true) + "] "
                    + plain(Math.round(point.coverage() * 1000) / 10.0) + "%";
        }
        return point.endedBy() == CapacityFile.EndedBy.CLIENT_BOUND
                || point.endedBy() == CapacityFile.EndedBy.HIGHEST_RATE ? "≥ " + text : text;
    }

    private static String bracket(CapacityFile.CapacityPoint point) {
        String low = point.foundRateMsgsPerS() == null ? NumberText.MISSING
                : NumberText.format(point.foundRateMsgsPerS(), true);
        String high = point.failingRateMsgsPerS() == null ? NumberText.MISSING
                : NumberText.format(point.failingRateMsgsPerS(), true);
        return low + " to " + high;
    }

    private static String number(Double value, boolean whole) {
        return value == null ? NumberText.MISSING : NumberText.format(value, whole);
    }

    private static String plain(double value) {
        return new BigDecimal(Double.toString(value)).stripTrailingZeros().toPlainString();
    }
}
