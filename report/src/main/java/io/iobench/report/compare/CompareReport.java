package io.iobench.report.compare;

import io.iobench.report.document.Block;
import io.iobench.report.document.Document;
import io.iobench.report.document.Table;
import io.iobench.report.document.Table.Cell;
import io.iobench.report.document.Table.Column;
import io.iobench.report.document.Table.Tone;
import io.iobench.report.view.Metric;
import io.iobench.report.view.NumberText;
import io.iobench.report.view.RunView;
import io.iobench.report.view.RunStatus;
import io.iobench.report.view.SweepView;
import io.iobench.results.HostTuning;
import io.iobench.results.Warning;
import io.iobench.report.sweep.PointColumns;
import io.iobench.report.sweep.StatusTone;
import io.iobench.report.sweep.SweepFacts;
import io.iobench.report.sweep.TuningFacts;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The comparison of sweep A with sweep B: both environments side by side with their differences marked, every
 * setting of the hosts' tuning the two differ in ({@code net.core.somaxconn: 4096 → 128}), the
 * verdict on every figure of every common point over its repetitions ({@link Verdicts}), and the points only one
 * side has. Sweeps of one run per point, which no verdict can be given for, also get every common point with A, B
 * and B/A for throughput, latency and server CPU per message, run against run.
 */
public final class CompareReport {

    /** A ratio within this of 1 is not coloured: one run per point cannot show a smaller difference reliably. */
    static final double NOTABLE = 0.05;

    private static final List<Metric> METRICS = List.of(Metric.MSGS_PER_S, Metric.P50_US, Metric.P99_US,
            Metric.P999_US, Metric.SERVER_CPU_US_PER_MSG);

    private final SweepView a;
    private final SweepView b;
    private final Comparison comparison;
    private final Verdicts verdicts;

    public CompareReport(SweepView a, SweepView b) {
        this.a = a;
        this.b = b;
        this.comparison = Comparison.of(a, b);
        this.verdicts = new Verdicts(a, b, comparison);
    }

    /**
     * A line per figure counting the common points by verdict, {@code msgs/s: 3 of 4 points: no significant
     * change; 1 improved}; or, when no point has the repetitions a verdict needs, the line saying so.
     */
    public List<String> counts() {
        if (verdicts.any()) {
            return verdicts.counts();
        }
        return List.of(comparison.common().isEmpty() ? "no common points"
                : "no point has 3 repetitions on both sides: no significance can be given (run --repeat 3 or more)");
    }

    /**
     * Where the two sweeps' host tuning differs, a line per setting ({@code net.core.somaxconn: 4096 → 128}); or the
     * one line saying it is the same, or that a side did not record it.
     */
    public List<String> tuning() {
        List<Block.Fact> differences = tuningDifferences();
        if (differences == null) {
            HostTuning tuningA = tuning(a);
            return List.of(tuningA == null && tuning(b) == null ? "host tuning not recorded in either sweep"
                    : "host tuning recorded only in " + (tuningA == null ? "B" : "A") + ": nothing to compare");
        }
        return differences.isEmpty() ? List.of("same host tuning")
                : differences.stream().map(TuningFacts::line).toList();
    }

    /** Null when a side recorded no tuning. */
    private List<Block.Fact> tuningDifferences() {
        return TuningFacts.differences(tuning(a), tuning(b));
    }

    private static HostTuning tuning(SweepView sweep) {
        return sweep.environment() == null ? null : sweep.environment().tuning();
    }

    /** Both sweeps' warnings, A's first. */
    public List<Warning> warnings() {
        return Stream.concat(a.warnings().stream(), b.warnings().stream()).toList();
    }

    public Document document() {
        Document document = new Document("iobench compare: " + a.label() + " (A) vs " + b.label() + " (B)",
                comparison.common().size() + " common points, " + comparison.onlyA().size() + " only in A, "
                        + comparison.onlyB().size() + " only in B");
        if (!warnings().isEmpty()) {
            document.add(new Block.Notices("Warnings: some files could not be used",
                    warnings().stream().map(Warning::toString).toList()));
        }
        document.heading(2, "Sweeps", "sweeps");
        document.paragraph("A is " + a.dir() + "; B is " + b.dir() + ". Rows marked ≠ differ between the two:"
                + " check they are the differences you meant to measure.");
        document.table(sideBySide());
        document.heading(3, "Host tuning", "tuning");
        List<Block.Fact> differences = tuningDifferences();
        if (differences == null || differences.isEmpty()) {
            document.paragraph(Verdicts.capitalised(tuning().getFirst()) + ".");
        } else {
            document.paragraph("The two sweeps' host tuning differs in " + differences.size()
                    + (differences.size() == 1 ? " setting" : " settings") + ", A's value first, as read from /proc"
                    + " and /sys when the runs started: the ratios below measure these as well.");
            document.add(new Block.Facts(differences));
        }
        String profiled = profiled();
        if (profiled != null) {
            document.paragraph(profiled);
        }

        verdicts.blocks().forEach(document::add);
        if (a.mostRepetitions() > 1 || b.mostRepetitions() > 1) {
            // Run by run, a point's first repetitions would stand for all of them: the verdicts above replace it.
            only(document, "Only in A", "only-a", comparison.onlyA());
            only(document, "Only in B", "only-b", comparison.onlyB());
            return document;
        }
        document.heading(2, "Common points", "common");
        document.paragraph("Each point both sweeps measured, with the ratio B/A of each metric, then each metric's"
                + " values on both sides. Above 1 means B's number is"
                + " larger: better for throughput, worse for latency and CPU per message. Ratios more than "
                + Math.round(NOTABLE * 100) + "% better are green and more than " + Math.round(NOTABLE * 100)
                + "% worse red; a single run per point cannot show smaller differences reliably. A failed run has"
                + " no ratio; a flagged run's ratio is shown, but the status column says why it is suspect.");
        if (comparison.common().isEmpty()) {
            document.paragraph("The sweeps have no point in common.");
        } else {
            PointColumns points = new PointColumns(comparison.common().stream().map(pair -> pair.a().key()).toList());
            if (!points.common().isEmpty()) {
                document.paragraph("Every point: " + String.join(", ", points.common()) + ".");
            }
            List<Metric> metrics = metrics();
            document.table(ratios(points, metrics));
            for (Metric metric : metrics) {
                document.heading(3, metric.label(), "common-" + metric.name().toLowerCase(Locale.ROOT));
                document.table(details(points, metric));
            }
        }
        only(document, "Only in A", "only-a", comparison.onlyA());
        only(document, "Only in B", "only-b", comparison.onlyB());
        return document;
    }

    /**
     * The sentence that keeps profiled runs ({@code --prof}) apart from unprofiled ones: a ratio between the two
     * measures the profiler as much as the change. Null when neither sweep was profiled.
     */
    private String profiled() {
        long inA = a.runs().stream().filter(run -> run.result().profiled()).count();
        long inB = b.runs().stream().filter(run -> run.result().profiled()).count();
        if (inA == 0 && inB == 0) {
            return null;
        }
        boolean alike = inA == a.runs().size() && inB == b.runs().size();
        return "Profiled runs (--prof): " + inA + " of A's " + a.runs().size() + " runs, " + inB + " of B's "
                + b.runs().size() + ". A profiled run paid for its profilers (perf's tracepoints on every system call,"
                + " a flight recording in the server's JVM), " + (alike
                ? "and both sweeps were profiled alike, so their ratios compare profiled runs with each other."
                : "so a ratio between a profiled and an unprofiled run measures the profiler as much as the change:"
                + " rerun both sides alike (both with --prof, or both without) before reading it.");
    }

    private Table sideBySide() {
        Table table = new Table(List.of(Column.text(""), Column.text("A: " + a.label()),
                Column.text("B: " + b.label()), Column.text("")));
        List<Block.Fact> factsA = new ArrayList<>(SweepFacts.sweep(a));
        factsA.addAll(SweepFacts.environment(a));
        List<Block.Fact> factsB = new ArrayList<>(SweepFacts.sweep(b));
        factsB.addAll(SweepFacts.environment(b));
        List<String> labels = Stream.concat(factsA.stream(), factsB.stream()).map(Block.Fact::label).distinct()
                .toList();
        for (String label : labels) {
            String valueA = value(factsA, label);
            String valueB = value(factsB, label);
            boolean differs = !valueA.equals(valueB) && !label.equals("Directory");
            table.add(Tone.NORMAL, List.of(Cell.of(label), Cell.of(valueA), Cell.of(valueB),
                    new Cell(differs ? "≠" : "", differs ? Tone.FLAGGED : Tone.NORMAL)));
        }
        return table;
    }

    private static String value(List<Block.Fact> facts, String label) {
        return facts.stream().filter(f -> f.label().equals(label)).map(Block.Fact::value).findFirst()
                .orElse(NumberText.MISSING);
    }

    /** The compared metrics; corrected p99 too when both sides of some point have it (open loop). */
    private List<Metric> metrics() {
        List<Metric> metrics = new ArrayList<>(METRICS);
        if (comparison.common().stream().anyMatch(p -> p.a().value(Metric.CORRECTED_P99_US) != null
                && p.b().value(Metric.CORRECTED_P99_US) != null)) {
            metrics.add(4, Metric.CORRECTED_P99_US);
        }
        return metrics;
    }

    /** Every common point with B/A for each metric: the overview to scan. */
    private Table ratios(PointColumns points, List<Metric> metrics) {
        List<Column> columns = new ArrayList<>(points.columns());
        metrics.forEach(metric -> columns.add(Column.number(metric.header().replace(" µs", "") + " B/A")));
        columns.add(Column.text("status"));
        Table table = new Table(columns);
        for (Comparison.Pair pair : comparison.common()) {
            List<Cell> cells = new ArrayList<>(points.cells(pair.a().key()));
            metrics.forEach(metric -> cells.add(ratio(metric, pair, pair.a().value(metric), pair.b().value(metric))));
            cells.add(Cell.of(status(pair)));
            table.add(StatusTone.of(pair.a().status(), pair.b().status()), cells);
        }
        return table;
    }

    /** One metric's values on both sides, with the ratio again. */
    private Table details(PointColumns points, Metric metric) {
        List<Column> columns = new ArrayList<>(points.columns());
        columns.addAll(List.of(Column.number(metric.header() + " A"), Column.number(metric.header() + " B"),
                Column.number("B/A")));
        Table table = new Table(columns);
        for (Comparison.Pair pair : comparison.common()) {
            Double valueA = pair.a().value(metric);
            Double valueB = pair.b().value(metric);
            List<Cell> cells = new ArrayList<>(points.cells(pair.a().key()));
            cells.addAll(List.of(Cell.of(NumberText.of(metric, valueA)), Cell.of(NumberText.of(metric, valueB)),
                    ratio(metric, pair, valueA, valueB)));
            table.add(StatusTone.of(pair.a().status(), pair.b().status()), cells);
        }
        return table;
    }

    /** B/A, coloured when it is a notable improvement or regression; no ratio across a failed run. */
    static Cell ratio(Metric metric, Comparison.Pair pair, Double valueA, Double valueB) {
        if (pair.a().status() == RunStatus.FAILED || pair.b().status() == RunStatus.FAILED
                || valueA == null || valueB == null || valueA == 0) {
            return Cell.of(NumberText.MISSING);
        }
        double ratio = valueB / valueA;
        boolean higherIsBetter = metric.direction() == Metric.Direction.HIGHER_IS_BETTER;
        Tone tone = Tone.NORMAL;
        if (ratio > 1 + NOTABLE) {
            tone = higherIsBetter ? Tone.BETTER : Tone.WORSE;
        } else if (ratio < 1 - NOTABLE) {
            tone = higherIsBetter ? Tone.WORSE : Tone.BETTER;
        }
        return new Cell(NumberText.ratio(ratio), tone);
    }

    private static String status(Comparison.Pair pair) {
        if (pair.a().status() != RunStatus.GOOD && pair.a().statusText().equals(pair.b().statusText())) {
            return "both: " + pair.a().statusText();
        }
        List<String> parts = new ArrayList<>();
        if (pair.a().status() != RunStatus.GOOD) {
            parts.add("A: " + pair.a().statusText());
        }
        if (pair.b().status() != RunStatus.GOOD) {
            parts.add("B: " + pair.b().statusText());
        }
        return String.join("; ", parts);
    }

    private static void only(Document document, String title, String anchor, List<RunView> runs) {
        document.heading(2, title, anchor);
        if (runs.isEmpty()) {
            document.paragraph("None.");
            return;
        }
        PointColumns points = new PointColumns(runs.stream().map(RunView::key).toList());
        List<Column> columns = new ArrayList<>(points.columns());
        columns.add(Column.number(Metric.MSGS_PER_S.header()));
        columns.add(Column.number(Metric.P99_US.header()));
        columns.add(Column.text("flags"));
        List<String> common = points.common();
        if (!common.isEmpty()) {
            document.paragraph("Every run here: " + String.join(", ", common) + ".");
        }
        Table table = new Table(columns);
        for (RunView run : runs) {
            List<Cell> cells = new ArrayList<>(points.cells(run.key()));
            cells.add(Cell.of(NumberText.of(Metric.MSGS_PER_S, run.value(Metric.MSGS_PER_S))));
            cells.add(Cell.of(NumberText.of(Metric.P99_US, run.value(Metric.P99_US))));
            cells.add(Cell.of(run.statusText()));
            table.add(StatusTone.of(run.status()), cells);
        }
        document.table(table);
    }
}
