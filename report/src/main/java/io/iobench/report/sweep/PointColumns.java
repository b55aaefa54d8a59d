package io.iobench.report.sweep;

import io.iobench.report.document.Table.Cell;
import io.iobench.report.document.Table.Column;
import io.iobench.report.view.NumberText;
import io.iobench.report.view.RunKey;
import io.iobench.report.view.Slice;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The columns that say which point of a plan a row is: model and connections always, then idle connections, size,
 * mode and target rate only where the rows differ. What all rows share is said once, in {@link #common()}, so tables
 * stay narrow enough to read.
 */
public final class PointColumns {

    private record Dimension(String header, boolean numeric, Function<Slice, String> cell,
                             Function<Slice, String> phrase) {
    }

    private static final List<Dimension> DIMENSIONS = List.of(
            new Dimension("idle", true, slice -> NumberText.format(slice.idle(), true),
                    slice -> slice.idle() == 0 ? "no idle connections"
                            : NumberText.format(slice.idle(), true) + " idle connections"),
            new Dimension("size", true, slice -> NumberText.bytes(slice.size()),
                    slice -> NumberText.bytes(slice.size()) + " messages"),
            new Dimension("mode", false, slice -> slice.mode().fieldValue(), slice -> slice.mode() + " loop"),
            new Dimension("rate target msgs/s", true, slice -> slice.rateTarget() == null ? NumberText.MISSING
                    : NumberText.format(slice.rateTarget(), true),
                    slice -> slice.rateTarget() == null ? "" : "target rate "
                            + NumberText.format(slice.rateTarget(), true) + " msgs/s"));

    private final List<Dimension> varying = new ArrayList<>();
    private final List<String> shared = new ArrayList<>();

    public PointColumns(List<RunKey> keys) {
        for (Dimension dimension : DIMENSIONS) {
            List<String> values = keys.stream().map(key -> dimension.cell().apply(key.slice())).distinct().toList();
            if (values.size() > 1) {
                varying.add(dimension);
            } else if (!keys.isEmpty()) {
                String phrase = dimension.phrase().apply(keys.getFirst().slice());
                if (!phrase.isEmpty()) {
                    shared.add(phrase);
                }
            }
        }
    }

    public List<Column> columns() {
        List<Column> columns = new ArrayList<>(List.of(Column.text("model"), Column.number("conns")));
        varying.forEach(d -> columns.add(d.numeric() ? Column.number(d.header()) : Column.text(d.header())));
        return columns;
    }

    public List<Cell> cells(RunKey key) {
        List<Cell> cells = new ArrayList<>(List.of(Cell.of(key.model()),
                Cell.of(NumberText.format(key.connections(), true))));
        varying.forEach(d -> cells.add(Cell.of(d.cell().apply(key.slice()))));
        return cells;
    }

    /** What every row shares, such as {@code 64 B messages, closed loop, no idle connections}; may be empty. */
    public List<String> common() {
        return List.copyOf(shared);
    }
}
