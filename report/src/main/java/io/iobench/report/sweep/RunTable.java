package io.iobench.report.sweep;

import io.iobench.report.document.Table;
import io.iobench.report.document.Table.Cell;
import io.iobench.report.document.Table.Column;
import io.iobench.report.view.Metric;
import io.iobench.report.view.NumberText;
import io.iobench.report.view.RunView;
import io.iobench.report.view.RunKey;
import io.iobench.report.view.RunStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The tables of every run, failed and flagged ones included and marked: one of what the client saw (throughput,
 * latency, errors) and one of what the server paid (CPU, context switches, memory, threads). Two tables of ten
 * columns read better than one of twenty, on a screen and in an issue; both end with the flags.
 */
final class RunTable {

    /** What the client saw. Corrected columns appear only when some run has them (open loop). */
    static final List<Metric> LOAD = List.of(Metric.MSGS_PER_S, Metric.P50_US, Metric.P99_US, Metric.P999_US,
            Metric.MAX_US, Metric.CORRECTED_P50_US, Metric.CORRECTED_P99_US, Metric.CORRECTED_P999_US);

    /**
     * What the server paid, and the client's CPU, which tells whether the client was the limit: per message beside
     * the server's, since on loopback both pay the same kernel work for each echo.
     */
    static final List<Metric> COSTS = List.of(Metric.SERVER_CPU_CORES, Metric.SERVER_CPU_US_PER_MSG,
            Metric.CTX_SWITCHES_PER_MSG, Metric.RUNQUEUE_WAIT_US_PER_MSG, Metric.SERVER_RSS_MIB,
            Metric.MEMORY_PER_CONNECTION_KIB, Metric.SERVER_THREADS, Metric.IDLE_CPU_CORES, Metric.CLIENT_CPU_CORES,
            Metric.CLIENT_CPU_US_PER_MSG);

    private final List<RunView> runs;
    private final PointColumns points;

    RunTable(List<RunView> runs) {
        this.runs = List.copyOf(runs);
        this.points = new PointColumns(runs.stream().map(RunView::key).toList());
    }

    /** What every run has in common, for the sentence above the table; empty when nothing is shared. */
    String common() {
        List<String> shared = new ArrayList<>(points.common());
        List<String> pipelines = runs.stream().map(RunTable::pipeline).distinct().toList();
        if (pipelines.size() == 1 && !pipelines.getFirst().equals(NumberText.MISSING)) {
            shared.add("pipeline " + pipelines.getFirst());
        }
        List<String> threads = runs.stream().map(RunView::threadsText).distinct().toList();
        if (threads.size() == 1 && !threads.getFirst().equals(NumberText.MISSING)) {
            shared.add("server IO threads " + threads.getFirst());
        }
        return shared.isEmpty() ? "" : "Every run: " + String.join(", ", shared) + ".";
    }

    /**
     * @param metrics {@link #LOAD} or {@link #COSTS}; a metric no run has is left out
     * @param errors  whether to add the client's error counts
     */
    Table table(List<Metric> metrics, boolean errors) {
        List<Column> columns = new ArrayList<>(points.columns());
        List<Function<RunView, Cell>> cells = new ArrayList<>();
        if (runs.stream().map(RunTable::pipeline).distinct().count() > 1) {
            columns.add(Column.number("pipeline"));
            cells.add(run -> Cell.of(pipeline(run)));
        }
        if (runs.stream().map(RunView::threadsText).distinct().count() > 1) {
            columns.add(Column.number("IO threads"));
            cells.add(run -> Cell.of(run.threadsText()));
        }
        for (Metric metric : metrics) {
            if (runs.stream().allMatch(run -> run.value(metric) == null)) {
                continue;
            }
            columns.add(Column.number(metric.header()));
            // A failed run's figures describe a window cut short: shown, they would read as the model's.
            cells.add(run -> Cell.of(run.status() == RunStatus.FAILED ? NumberText.MISSING
                    : NumberText.of(metric, run.value(metric))));
        }
        if (errors) {
            columns.add(Column.number("errors"));
            cells.add(run -> Cell.of(run.errorText()));
        }
        columns.add(Column.text("flags"));
        cells.add(run -> new Cell(run.statusText(), StatusTone.of(run.status())));

        Table table = new Table(columns);
        for (RunView run : runs) {
            RunKey key = run.key();
            List<Cell> row = new ArrayList<>(points.cells(key));
            cells.forEach(cell -> row.add(cell.apply(run)));
            table.add(StatusTone.of(run.status()), row);
        }
        return table;
    }

    /** Whether any run has a value for any of the metrics. */
    boolean measured(List<Metric> metrics) {
        return metrics.stream().anyMatch(metric -> runs.stream().anyMatch(run -> run.value(metric) != null));
    }

    private static String pipeline(RunView run) {
        Integer pipeline = run.result().point().pipeline();
        return pipeline == null ? NumberText.MISSING : NumberText.format(pipeline, true);
    }
}
