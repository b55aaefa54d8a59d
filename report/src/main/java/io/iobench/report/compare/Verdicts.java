package io.iobench.report.compare;

import io.iobench.report.document.Block;
import io.iobench.report.document.Table;
import io.iobench.report.document.Table.Cell;
import io.iobench.report.document.Table.Column;
import io.iobench.report.document.Table.Tone;
import io.iobench.report.sweep.PointColumns;
import io.iobench.report.view.EstimateText;
import io.iobench.report.view.NumberText;
import io.iobench.report.view.SweepView;
import io.iobench.results.PointStatistics;
import io.iobench.statistics.Figure;
import io.iobench.statistics.PointEstimate;
import io.iobench.statistics.RatioOfMedians;
import io.iobench.statistics.Verdict;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Every common point of two sweeps compared figure by figure over their repetitions
 * ({@link io.iobench.statistics.Comparison}): B's median over A's with its 95% bootstrap interval, resampling whole
 * repetitions, and the two-sided Mann-Whitney U p-value beside it. A figure improved or regressed only when the
 * interval excludes 1; otherwise there is no significant change. With one repetition a side no significance is
 * given at all, and with three the U test cannot reach p &lt; 0.05 (its smallest two-sided p is 0.1), so the
 * interval decides: each comparison's note says which applies.
 */
final class Verdicts {

    /** Seeds every bootstrap, so the same two sweeps always give the same comparison. */
    static final long SEED = 13L;

    /** The figures compared, in table order. */
    static final List<Figure> FIGURES = List.of(Figure.MSGS_PER_S, Figure.P50_US, Figure.P99_US, Figure.P999_US,
            Figure.SERVER_CPU_US_PER_MSG, Figure.CONTEXT_SWITCHES_PER_MSG, Figure.IDLE_CPU_CORES);

    /** One figure at one common point. */
    record Row(Comparison.Pair pair, Figure figure, io.iobench.statistics.Comparison comparison) {
    }

    private final List<Row> rows = new ArrayList<>();

    Verdicts(SweepView a, SweepView b, Comparison points) {
        for (Comparison.Pair pair : points.common()) {
            PointStatistics pointA = a.point(pair.a());
            PointStatistics pointB = b.point(pair.b());
            for (Figure figure : FIGURES) {
                PointEstimate estimateA = pointA.estimate(figure).orElse(null);
                PointEstimate estimateB = pointB.estimate(figure).orElse(null);
                if (estimateA != null && estimateB != null) {
                    rows.add(new Row(pair, figure, io.iobench.statistics.Comparison.of(figure, estimateA.sample(),
                            estimateB.sample(), SEED)));
                }
            }
        }
    }

    /** Whether some figure of some point has the repetitions on both sides a verdict needs. */
    boolean any() {
        return rows.stream().anyMatch(row -> row.comparison().verdict() != Verdict.TOO_FEW_REPETITIONS
                && row.comparison().verdict() != Verdict.NO_RATIO);
    }

    /**
     * A line per figure counting the points by verdict, such as
     * {@code msgs/s: 3 of 4 points: no significant change; 1 improved}.
     */
    List<String> counts() {
        List<String> lines = new ArrayList<>();
        for (Figure figure : FIGURES) {
            List<Row> ofFigure = rows.stream().filter(row -> row.figure() == figure).toList();
            if (ofFigure.isEmpty()) {
                continue;
            }
            Map<Verdict, Integer> byVerdict = new TreeMap<>();
            ofFigure.forEach(row -> byVerdict.merge(row.comparison().verdict(), 1, Integer::sum));
            StringBuilder line = new StringBuilder(figure.label() + ": "
                    + byVerdict.getOrDefault(Verdict.NO_SIGNIFICANT_CHANGE, 0) + " of " + ofFigure.size()
                    + " points: no significant change");
            byVerdict.forEach((verdict, count) -> {
                if (verdict != Verdict.NO_SIGNIFICANT_CHANGE) {
                    line.append("; ").append(count).append(' ').append(verdict.words());
                }
            });
            lines.add(line.toString());
        }
        return lines;
    }

    /** The section: what the verdicts mean, their counts, the notes, and a table of every comparison. */
    List<Block> blocks() {
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block.Heading(2, "Verdicts over repetitions", "verdicts"));
        blocks.add(new Block.Paragraph("Each common point's figures over their repetitions on both sides: B's median"
                + " as a multiple of A's, with its 95% interval from a percentile bootstrap that resamples whole"
                + " repetitions (10,000 resamples, seed " + SEED + "), and the two-sided Mann-Whitney U test's"
                + " p-value beside it. A figure improved or regressed only when the interval excludes 1, which side"
                + " is better depending on the figure (more msgs/s, less latency and cost); otherwise there is no"
                + " significant change. Latency is corrected in an open loop, uncorrected in a closed one."));
        Set<String> notes = new LinkedHashSet<>();
        rows.forEach(row -> row.comparison().note().ifPresent(notes::add));
        notes.forEach(note -> blocks.add(new Block.Paragraph(capitalised(note) + ".")));
        if (!any()) {
            return blocks;
        }
        blocks.add(new Block.Paragraph(String.join(". ", counts()) + "."));
        PointColumns points = new PointColumns(rows.stream().map(row -> row.pair().a().key()).distinct().toList());
        if (!points.common().isEmpty()) {
            blocks.add(new Block.Paragraph("Every point: " + String.join(", ", points.common()) + "."));
        }
        List<Column> columns = new ArrayList<>(points.columns());
        columns.addAll(List.of(Column.text("figure"), Column.number("A"), Column.number("B"),
                Column.number("B/A [95%]"), Column.number("U p"), Column.text("verdict")));
        Table table = new Table(columns);
        for (Row row : rows) {
            io.iobench.statistics.Comparison comparison = row.comparison();
            List<Cell> cells = new ArrayList<>(points.cells(row.pair().a().key()));
            cells.add(Cell.of(EstimateText.header(row.figure())));
            cells.add(Cell.of(EstimateText.of(row.figure(), comparison.a())));
            cells.add(Cell.of(EstimateText.of(row.figure(), comparison.b())));
            cells.add(Cell.of(ratio(comparison)));
            cells.add(Cell.of(String.format(Locale.ROOT, "%.2g", comparison.uTest().pTwoSided())));
            Tone tone = switch (comparison.verdict()) {
                case IMPROVED -> Tone.BETTER;
                case REGRESSED -> Tone.WORSE;
                default -> Tone.NORMAL;
            };
            cells.add(new Cell(comparison.verdict().words(), tone));
            table.add(Tone.NORMAL, cells);
        }
        blocks.add(new Block.TableBlock(table));
        return blocks;
    }

    private static String ratio(io.iobench.statistics.Comparison comparison) {
        if (comparison.verdict() == Verdict.NO_RATIO) {
            return NumberText.MISSING;
        }
        String ratio = NumberText.ratio(comparison.ratio());
        RatioOfMedians bootstrap = comparison.bootstrap().orElse(null);
        return bootstrap == null ? ratio : ratio + String.format(Locale.ROOT, " [%.2f, %.2f]",
                bootstrap.interval().low(), bootstrap.interval().high());
    }

    static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
