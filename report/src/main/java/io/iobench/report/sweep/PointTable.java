package io.iobench.report.sweep;

import io.iobench.report.document.Table;
import io.iobench.report.document.Table.Cell;
import io.iobench.report.document.Table.Column;
import io.iobench.report.document.Table.Tone;
import io.iobench.report.view.EstimateText;
import io.iobench.report.view.RunView;
import io.iobench.report.view.SweepView;
import io.iobench.results.PointStatistics;
import io.iobench.statistics.Figure;
import java.util.ArrayList;
import java.util.List;

/**
 * The tables of a sweep whose points were run more than once: a row per point, each figure as the median of its
 * counted repetitions with the median's 95% interval, {@code median [low, high]}, or with
 * {@code (n=2, too few for an interval)} where fewer than three counted. The runs column says how many counted;
 * the marks column which repetition was flagged or left out, and why. The figures come from
 * {@link PointStatistics}, the one place they are computed.
 */
final class PointTable {

    /** What the client saw. */
    static final List<Figure> LOAD = List.of(Figure.MSGS_PER_S, Figure.P50_US, Figure.P99_US, Figure.P999_US);
    /** What the server paid. */
    static final List<Figure> COSTS = List.of(Figure.SERVER_CPU_US_PER_MSG, Figure.CONTEXT_SWITCHES_PER_MSG,
            Figure.IDLE_CPU_CORES);

    private final SweepView sweep;
    private final List<RunView> points;
    private final PointColumns columns;

    PointTable(SweepView sweep) {
        this.sweep = sweep;
        this.points = sweep.pointRuns();
        this.columns = new PointColumns(points.stream().map(RunView::key).toList());
    }

    /** What every point has in common, for the sentence above the table; empty when nothing is shared. */
    String common() {
        return columns.common().isEmpty() ? "" : "Every point: " + String.join(", ", columns.common()) + ".";
    }

    /** Whether any point has a value of any of the figures. */
    boolean measured(List<Figure> figures) {
        return figures.stream().anyMatch(f -> points.stream().anyMatch(p -> sweep.point(p).estimate(f).isPresent()));
    }

    /** @param figures {@link #LOAD} or {@link #COSTS}; a figure no point has is left out */
    Table table(List<Figure> figures) {
        List<Figure> shown = figures.stream()
                .filter(f -> points.stream().anyMatch(p -> sweep.point(p).estimate(f).isPresent())).toList();
        List<Column> header = new ArrayList<>(columns.columns());
        header.add(Column.number("runs"));
        // A point's latency is its primary one: corrected in an open loop, so named where every point is one.
        boolean open = points.stream().allMatch(run -> run.key().slice().openLoop());
        shown.forEach(figure -> header.add(Column.number((open && figure.unit().equals("µs") ? "corr. " : "")
                + EstimateText.header(figure))));
        header.add(Column.text("flags"));
        Table table = new Table(header);
        for (RunView run : points) {
            PointStatistics point = sweep.point(run);
            List<Cell> cells = new ArrayList<>(columns.cells(run.key()));
            int runs = point.repetitions().size();
            cells.add(Cell.of(point.counted() == runs ? Integer.toString(runs) : point.counted() + " of " + runs));
            shown.forEach(figure -> cells.add(Cell.of(EstimateText.of(figure, point.estimate(figure).orElse(null)))));
            Tone tone = point.counted() == 0 ? Tone.FAILED : point.flagged() > 0 || point.counted() < runs
                    ? Tone.FLAGGED : Tone.NORMAL;
            cells.add(new Cell(marks(point), tone));
            table.add(tone, cells);
        }
        return table;
    }

    /** Each repetition that was left out or marked, by its run id: {@code selector-c100-s64-r2: client_bound}. */
    private static String marks(PointStatistics point) {
        List<String> marks = new ArrayList<>();
        for (PointStatistics.Repetition repetition : point.repetitions()) {
            if (!repetition.counted()) {
                marks.add(repetition.run().id() + ": left out, " + repetition.excluded());
            } else if (!repetition.marks().isEmpty()) {
                marks.add(repetition.run().id() + ": " + String.join(", ", repetition.marks()));
            }
        }
        return String.join("; ", marks);
    }
}
