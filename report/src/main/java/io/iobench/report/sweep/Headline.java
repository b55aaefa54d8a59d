package io.iobench.report.sweep;

import io.iobench.report.document.Block;
import io.iobench.report.document.Table;
import io.iobench.report.document.Table.Cell;
import io.iobench.report.document.Table.Column;
import io.iobench.report.document.Table.Tone;
import io.iobench.report.view.EstimateText;
import io.iobench.report.view.NumberText;
import io.iobench.report.view.RunView;
import io.iobench.report.view.Slice;
import io.iobench.report.view.SweepView;
import io.iobench.results.PointStatistics;
import io.iobench.statistics.Comparison;
import io.iobench.statistics.Figure;
import io.iobench.statistics.PointEstimate;
import io.iobench.statistics.Sample;
import io.iobench.statistics.Verdict;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The top of a report: at each connection count, which model is fastest (msgs/s) and which cheapest (server CPU
 * µs per message), each with the median's interval, and every other model set against it with
 * {@link Comparison}: the ratio of medians with its bootstrap interval, and "not distinguishable" where that
 * interval holds 1. Only points with the 3 counted repetitions a verdict needs take part; a sweep without them gets
 * one sentence saying what to run instead.
 */
final class Headline {

    /** Seeds every bootstrap of the headline, so the same sweep always gives the same page. */
    static final long SEED = 13L;

    private final SweepView sweep;

    Headline(SweepView sweep) {
        this.sweep = sweep;
    }

    /** Whether some point has enough counted repetitions for a verdict. */
    boolean hasVerdicts() {
        return sweep.points().stream().anyMatch(point -> point.counted() >= PointEstimate.MIN_REPETITIONS);
    }

    /** The headline section, or the sentence saying why there is none. */
    List<Block> blocks() {
        if (!hasVerdicts()) {
            String once = sweep.mostRepetitions() <= 1 ? "Each point was run once: no intervals can be given with one"
                    + " repetition, and a verdict between models needs --repeat 3 or more."
                    : "No point has 3 counted repetitions: verdicts between models need --repeat 3 or more.";
            return List.of(new Block.Paragraph(once));
        }
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block.Heading(2, "Headline", "headline"));
        blocks.add(new Block.Paragraph("At each connection count, the fastest model and the cheapest, with the median"
                + " over their repetitions and its 95% interval (" + EstimateText.INTERVAL + "), and every other"
                + " model against them: its"
                + " median as a multiple of theirs, with a 95% bootstrap interval (whole repetitions resampled, seed "
                + SEED + "). Where that interval holds 1 the two are not distinguishable at 95%. Only points with "
                + PointEstimate.MIN_REPETITIONS + " counted repetitions or more take part."));
        String profiled = profiledNote(sweep.runs());
        if (profiled != null) {
            blocks.add(new Block.Paragraph(profiled));
        }
        blocks.add(new Block.Heading(3, "Fastest: " + Figure.MSGS_PER_S.label(), "headline-fastest"));
        blocks.add(new Block.TableBlock(table(Figure.MSGS_PER_S, "fastest")));
        if (sweep.points().stream().anyMatch(p -> p.counted() >= PointEstimate.MIN_REPETITIONS
                && p.estimate(Figure.SERVER_CPU_US_PER_MSG).isPresent())) {
            blocks.add(new Block.Heading(3, "Cheapest: " + Figure.SERVER_CPU_US_PER_MSG.label() + " "
                    + Figure.SERVER_CPU_US_PER_MSG.unit(), "headline-cheapest"));
            blocks.add(new Block.TableBlock(table(Figure.SERVER_CPU_US_PER_MSG, "cheapest")));
        }
        return blocks;
    }

    /** A row per model at each slice and connection count, the best first. */
    private Table table(Figure figure, String best) {
        boolean slices = sweep.slices().size() > 1;
        List<Column> columns = new ArrayList<>();
        if (slices) {
            columns.add(Column.text("slice"));
        }
        columns.addAll(List.of(Column.number("conns"), Column.text("model"),
                Column.number(EstimateText.header(figure)), Column.text("against the " + best)));
        Table table = new Table(columns);
        for (Slice slice : sweep.slices()) {
            List<Integer> counts = sweep.pointRuns().stream().filter(run -> run.key().slice().equals(slice))
                    .map(run -> run.key().connections()).distinct().sorted().toList();
            for (int connections : counts) {
                List<RunView> ranked = ranked(slice, connections, figure);
                if (ranked.isEmpty()) {
                    continue;
                }
                RunView first = ranked.getFirst();
                Sample bestSample = sample(first, figure);
                String where = "at " + NumberText.format(connections, true)
                        + (connections == 1 ? " connection" : " connections") + (slices ? ", " + slice.title() : "");
                for (RunView run : ranked) {
                    List<Cell> cells = new ArrayList<>();
                    if (slices) {
                        cells.add(Cell.of(slice.title()));
                    }
                    cells.add(Cell.of(NumberText.format(connections, true)));
                    cells.add(Cell.of(run.key().model()));
                    cells.add(Cell.of(EstimateText.of(figure, estimate(run, figure))));
                    if (run == first) {
                        cells.add(Cell.of(best));
                        table.add(Tone.BETTER, cells);
                        continue;
                    }
                    Comparison comparison = Comparison.of(figure, bestSample, sample(run, figure), SEED);
                    Tone tone = comparison.verdict() == Verdict.NO_SIGNIFICANT_CHANGE ? Tone.NORMAL : Tone.WORSE;
                    cells.add(new Cell(comparison.headline(run.key().model(), first.key().model(), where), tone));
                    table.add(Tone.NORMAL, cells);
                }
            }
        }
        return table;
    }

    /** The models at one point with a verdict's repetitions, best first. */
    private List<RunView> ranked(Slice slice, int connections, Figure figure) {
        Comparator<RunView> byMedian = Comparator.comparingDouble(run -> estimate(run, figure).median());
        return sweep.pointRuns().stream()
                .filter(run -> run.key().slice().equals(slice) && run.key().connections() == connections)
                .filter(run -> estimate(run, figure) != null
                        && estimate(run, figure).repetitions() >= PointEstimate.MIN_REPETITIONS)
                .sorted(figure.higherIsBetter() ? byMedian.reversed() : byMedian).toList();
    }

    private PointEstimate estimate(RunView run, Figure figure) {
        PointStatistics point = sweep.point(run);
        return point == null ? null : point.estimate(figure).orElse(null);
    }

    private Sample sample(RunView run, Figure figure) {
        return estimate(run, figure).sample();
    }

    /**
     * What the headline says when runs were profiled ({@code --prof}): their profilers' cost is in their figures, so
     * verdicts between profiled and unprofiled runs are not verdicts between models; null when none was.
     */
    static String profiledNote(List<RunView> runs) {
        long profiled = runs.stream().filter(run -> run.result().profiled()).count();
        if (profiled == 0) {
            return null;
        }
        return profiled == runs.size()
                ? "Every run was profiled (--prof): the verdicts compare profiled runs with each other, and their"
                + " figures include the profilers' cost; rerun without --prof for the models' own throughput and CPU."
                : profiled + " of the " + runs.size() + " runs were profiled (--prof), marked profiled in the runs"
                + " table: their figures include the profilers' cost, so a verdict between a profiled and an unprofiled"
                + " model is no verdict between the models. Read the profiled runs apart (Profiles, below).";
    }
}
