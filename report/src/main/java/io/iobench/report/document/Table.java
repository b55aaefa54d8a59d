package io.iobench.report.document;

import java.util.ArrayList;
import java.util.List;

/**
 * Columns and rows of text, each row and cell carrying a {@link Tone} so a failed run or a worse ratio stands out in
 * HTML while the Markdown still says it in words.
 *
 * <pre>
 * Table table = new Table(List.of(Table.Column.text("model"), Table.Column.number("msgs/s")));
 * table.add(Tone.FAILED, Table.Cell.of("selector"), Table.Cell.of("—"));
 * </pre>
 */
public final class Table {

    /** How a row or cell should look; the words of the cell must say the same thing for plain-text readers. */
    public enum Tone { NORMAL, FLAGGED, FAILED, BETTER, WORSE }

    /** @param numeric right-aligned with tabular digits */
    public record Column(String header, boolean numeric) {
        public static Column text(String header) {
            return new Column(header, false);
        }

        public static Column number(String header) {
            return new Column(header, true);
        }
    }

    public record Cell(String text, Tone tone) {
        public static Cell of(String text) {
            return new Cell(text, Tone.NORMAL);
        }
    }

    public record Row(Tone tone, List<Cell> cells) {
        public Row {
            cells = List.copyOf(cells);
        }
    }

    private final List<Column> columns;
    private final List<Row> rows = new ArrayList<>();

    public Table(List<Column> columns) {
        this.columns = List.copyOf(columns);
    }

    /** Adds a row; it must have a cell per column. */
    public Table add(Tone tone, List<Cell> cells) {
        if (cells.size() != columns.size()) {
            throw new IllegalArgumentException(cells.size() + " cells for " + columns.size() + " columns");
        }
        rows.add(new Row(tone, cells));
        return this;
    }

    public List<Column> columns() {
        return columns;
    }

    public List<Row> rows() {
        return List.copyOf(rows);
    }
}
