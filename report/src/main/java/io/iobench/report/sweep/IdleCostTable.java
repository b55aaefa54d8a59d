package io.iobench.report.sweep;

import io.iobench.report.document.Table;
import io.iobench.report.document.Table.Cell;
import io.iobench.report.document.Table.Column;
import io.iobench.report.view.IdleAxis;
import io.iobench.report.view.Metric;
import io.iobench.report.view.NumberText;
import io.iobench.report.view.RunView;
import io.iobench.report.view.RunStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The table "Cost of idle connections": per model, server CPU per message at each idle count, and the ratio of the
 * largest idle count's to the smallest's (normally 0) — how many times more each message costs once the idle
 * descriptors are open. A failed run's cell says FAILED; a flagged run's value is shown, tinted, and named in the
 * flags column.
 */
final class IdleCostTable {

    private static final Metric COST = Metric.SERVER_CPU_US_PER_MSG;

    private final IdleAxis axis;
    private final List<Integer> idleCounts;

    IdleCostTable(IdleAxis axis) {
        this.axis = axis;
        this.idleCounts = axis.idleCounts();
    }

    /** The sentence above the table, naming the metric and the two counts the ratio compares. */
    String reading() {
        return "Server CPU per echoed message, µs, for each model at each idle count, and the ratio of its cost at "
                + idle(idleCounts.getLast()) + " to its cost at " + idle(idleCounts.getFirst()) + ". A ratio near 1"
                + " means idle descriptors cost the model nothing; a ratio of 10 means each message costs ten times"
                + " more with them open.";
    }

    /** @param models the sweep's models in plan order, which fixes the row order */
    Table table(List<String> models) {
        boolean severalCounts = axis.connections().size() > 1;
        boolean anyNotGood = axis.runs().stream().anyMatch(run -> run.status() != RunStatus.GOOD);
        List<Column> columns = new ArrayList<>(List.of(Column.text("model")));
        if (severalCounts) {
            columns.add(Column.number("conns"));
        }
        idleCounts.forEach(idle -> columns.add(Column.number(COST.header() + ", " + idle(idle))));
        columns.add(Column.number("ratio " + NumberText.format(idleCounts.getLast(), true) + " / "
                + NumberText.format(idleCounts.getFirst(), true)));
        if (anyNotGood) {
            columns.add(Column.text("flags"));
        }
        Table table = new Table(columns);
        for (int connections : axis.connections()) {
            for (String model : models) {
                List<RunView> runs = axis.at(connections).stream().filter(run -> run.key().model().equals(model))
                        .toList();
                if (runs.isEmpty()) {
                    continue;
                }
                List<Cell> row = new ArrayList<>(List.of(Cell.of(model)));
                if (severalCounts) {
                    row.add(Cell.of(NumberText.format(connections, true)));
                }
                idleCounts.forEach(idle -> row.add(cell(find(runs, idle))));
                row.add(Cell.of(ratio(find(runs, idleCounts.getLast()), find(runs, idleCounts.getFirst()))));
                if (anyNotGood) {
                    row.add(Cell.of(String.join("; ", runs.stream().filter(run -> run.status() != RunStatus.GOOD)
                            .map(run -> idle(run.key().slice().idle()) + ": " + (run.status() == RunStatus.FAILED
                                    ? "FAILED" : String.join(", ", run.flags())))
                            .toList())));
                }
                table.add(Table.Tone.NORMAL, row);
            }
        }
        return table;
    }

    private static Optional<RunView> find(List<RunView> runs, int idle) {
        return runs.stream().filter(run -> run.key().slice().idle() == idle).findFirst();
    }

    private static Cell cell(Optional<RunView> run) {
        if (run.isEmpty()) {
            return Cell.of(NumberText.MISSING);
        }
        String text = run.get().status() == RunStatus.FAILED ? "FAILED" : NumberText.of(COST, run.get().value(COST));
        return new Cell(text, StatusTone.of(run.get().status()));
    }

    /** Largest idle count's cost over the smallest's; a dash when either is missing, failed or zero. */
    private static String ratio(Optional<RunView> most, Optional<RunView> fewest) {
        Double top = cost(most);
        Double bottom = cost(fewest);
        return top == null || bottom == null || bottom <= 0 ? NumberText.MISSING : NumberText.ratio(top / bottom);
    }

    private static Double cost(Optional<RunView> run) {
        return run.filter(r -> r.status() != RunStatus.FAILED).map(r -> r.value(COST)).orElse(null);
    }

    private static String idle(int count) {
        return NumberText.format(count, true) + " idle";
    }
}
