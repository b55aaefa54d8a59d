package io.iobench.report.sweep;

import io.iobench.report.capacity.CapacitySection;
import io.iobench.report.charts.ChartFiles;
import io.iobench.report.charts.IdleCharts;
import io.iobench.report.charts.SweepCharts;
import io.iobench.report.document.Block;
import io.iobench.report.document.Document;
import io.iobench.report.document.Table;
import io.iobench.report.document.Table.Cell;
import io.iobench.report.document.Table.Column;
import io.iobench.report.document.Table.Tone;
import io.iobench.report.jmh.JmhSection;
import io.iobench.report.view.EstimateText;
import io.iobench.report.view.IdleAxis;
import io.iobench.report.view.NumberText;
import io.iobench.report.view.RunView;
import io.iobench.report.view.RunStatus;
import io.iobench.report.view.Slice;
import io.iobench.report.view.SweepView;
import io.iobench.results.CapacityFile;
import io.iobench.results.RunResult;
import io.iobench.results.UnreadableRun;
import io.iobench.results.Warning;
import io.iobench.results.Warnings;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Lays out the report of one sweep: header facts, warnings, the capacity section (when the sweep has a
 * capacity.json, whose probes it draws against their rate instead of the per-slice charts), the runs table, the
 * hosts and clients (when clients on other hosts carried the load), the runs that could not be read, what idle
 * connections cost (when the sweep ran several idle counts), each slice's charts, then JMH results.
 * Charts are written into {@code charts/} as the document is built; the caller prints the document in each format.
 *
 * <pre>
 * Document report = new SweepReport(sweep, outDir, null, List.of()).document();
 * </pre>
 */
public final class SweepReport {

    private final SweepView sweep;
    private final Path outDir;
    private final Integer percentileConnections;
    private final List<Path> jmhFiles;
    private final Warnings warnings = new Warnings();

    /**
     * @param outDir                where the report and its {@code charts/} go
     * @param percentileConnections the percentile chart's connection count; null for the default
     * @param jmhFiles              JMH JSON result files to add
     */
    public SweepReport(SweepView sweep, Path outDir, Integer percentileConnections, List<Path> jmhFiles) {
        this.sweep = sweep;
        this.outDir = outDir;
        this.percentileConnections = percentileConnections;
        this.jmhFiles = List.copyOf(jmhFiles);
        warnings.addAll(sweep.warnings());
    }

    /** Builds the document, writing its charts on the way. */
    public Document document() throws IOException {
        ChartFiles files = new ChartFiles(outDir, warnings);
        // Charts and JMH files come first: reading them may add warnings, which the page shows at the top.
        List<Block> body = new ArrayList<>();
        // A capacity search's probes are runs at many rates: its own section draws them against the rate.
        Optional<CapacityFile> capacity = CapacityFile.readIfPresent(sweep.dir(), warnings);
        if (capacity.isPresent()) {
            body.addAll(new CapacitySection(sweep, capacity.get(), files).blocks());
        }
        if (!sweep.runs().isEmpty()) {
            if (sweep.mostRepetitions() > 1) {
                body.addAll(points());
            }
            body.addAll(runs());
            body.addAll(new HostsSection(sweep).blocks());
            body.addAll(new ProfileSection(sweep, files, warnings).blocks());
        }
        body.addAll(unreadable());
        if (!sweep.runs().isEmpty()) {
            IdleCharts idleCharts = new IdleCharts(sweep, files);
            for (IdleAxis axis : IdleAxis.of(sweep)) {
                body.addAll(idle(axis, idleCharts));
            }
            SweepCharts charts = new SweepCharts(sweep, files, percentileConnections, warnings);
            for (Slice slice : capacity.isPresent() ? List.<Slice>of() : sweep.slices()) {
                body.add(new Block.Heading(2, "Charts: " + slice.title(), "charts-" + slice.id()));
                body.addAll(charts.of(slice));
            }
        }
        for (Path jmh : jmhFiles) {
            body.addAll(new JmhSection(jmh, files, warnings).blocks());
        }

        Document document = new Document("iobench report: " + sweep.label(), subtitle());
        if (!warnings.all().isEmpty()) {
            document.add(new Block.Notices("Warnings: some files could not be used",
                    warnings.all().stream().map(Warning::toString).toList()));
        }
        // A capacity search's headline is its table: the fastest run at each probed rate says nothing.
        if (!sweep.runs().isEmpty() && capacity.isEmpty()) {
            new Headline(sweep).blocks().forEach(document::add);
        }
        document.heading(2, "Sweep and environment", "environment");
        document.add(new Block.Facts(SweepFacts.sweep(sweep)));
        document.add(new Block.Facts(SweepFacts.environment(sweep)));
        List<String> differing = SweepFacts.differingEnvironments(sweep);
        if (!differing.isEmpty()) {
            document.paragraph("Measured in another environment than shown above: " + String.join(", ", differing)
                    + ".");
        }
        hostTuning(document);
        body.forEach(document::add);
        return document;
    }

    /** The host's tuning, once for the sweep: its first run's, as the rest of its environment. */
    private void hostTuning(Document document) {
        RunResult.Environment environment = sweep.environment();
        if (environment == null) {
            return;
        }
        document.heading(3, "Host tuning", "tuning");
        if (environment.tuning() == null) {
            document.paragraph("Not recorded: these results were written before iobench recorded the host's tuning.");
            return;
        }
        document.paragraph("What decides network performance on " + (sweep.remoteClients() ? "the server's host"
                : "the host") + ", read from /proc and /sys as the runs started; figures from two hosts compare only"
                + " when these are known (iobench report --compare lists where two sweeps differ).");
        document.add(new Block.Facts(TuningFacts.facts(environment.tuning())));
    }

    /** Every warning so far; complete once {@link #document()} has returned. */
    public List<Warning> warnings() {
        return warnings.all();
    }

    /**
     * A sweep whose points ran more than once: a row per point, each figure the median of its repetitions with its
     * interval. The runs table after it keeps every repetition's own figures.
     */
    private List<Block> points() {
        PointTable table = new PointTable(sweep);
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block.Heading(2, "Points", "points"));
        blocks.add(new Block.Paragraph("One row per point, over its repetitions: the runs of this sweep that"
                + " measured the same point. Each figure is the median of the repetitions that count, with the"
                + " median's 95% interval in brackets: " + EstimateText.INTERVAL + ". A point with fewer than 3 says"
                + " so instead. Failed and corrupt runs"
                + " count for nothing; flagged runs (client_bound, stalled, steal of "
                + NumberText.format(RunView.STEAL_NOTED_PCT, false) + "% or more) count and are named in the flags"
                + " column; latency_incomplete runs count in every figure but the latencies. Latency is corrected"
                + " (from the intended send time) in an open loop, uncorrected in a closed one; points.csv and"
                + " points.json beside the report also give each percentile pooled over all repetitions' messages,"
                + " from their merged histograms."));
        String common = table.common();
        if (!common.isEmpty()) {
            blocks.add(new Block.Paragraph(common));
        }
        blocks.add(new Block.Heading(3, "Throughput and latency", "points-load"));
        blocks.add(new Block.TableBlock(table.table(PointTable.LOAD)));
        if (table.measured(PointTable.COSTS)) {
            blocks.add(new Block.Heading(3, "Server costs", "points-costs"));
            blocks.add(new Block.TableBlock(table.table(PointTable.COSTS)));
        }
        return blocks;
    }

    private List<Block> runs() {
        RunTable table = new RunTable(sweep.runs());
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block.Heading(2, "Runs", "runs"));
        StringBuilder reading = new StringBuilder(sweep.mostRepetitions() > 1 ? "One row per run, every"
                + " repetition on its own row." : "One row per run.");
        reading.append(" Latency is the round trip of one message, in µs,"
                + " measured from the moment it was actually sent; corr. columns, where present, measure from the"
                + " moment the open-loop schedule meant to send it. Server columns come from /proc of the server"
                + " process over the measured window" + (sweep.remoteClients() ? ", read on the server's host by"
                + " iobench probe while the load came from other hosts (see Hosts and clients)" : "")
                + "; idle cores from a window with the connections open and silent;"
                + " runq is the time the server's threads spent runnable, waiting for a CPU, per message.");
        if (sweep.runs().stream().anyMatch(run -> run.result().point().threads() != null)) {
            reading.append(" IO threads are what each server said it ran: event loops or pool workers (a pool gets"
                    + " a worker per connection unless the plan sizes it); select and busy-poll run one thread by"
                    + " design, thread-per-connection and virtual-threads a thread per connection (per conn).");
        }
        if (sweep.runs().stream().anyMatch(run -> run.status() == RunStatus.FAILED && !run.invalid())) {
            reading.append(" FAILED rows did not complete: what they measured before they stopped is left out of"
                    + " the tables and the chart lines (result.json keeps it), and the errors and the reason say what"
                    + " went wrong.");
        }
        if (sweep.runs().stream().anyMatch(RunView::invalid)) {
            reading.append(" INVALID rows completed, but their server answered some messages with wrong bytes"
                    + " (corrupt): a server that does not echo is not measured, so their figures are left out as a"
                    + " failed run's are.");
        }
        if (sweep.runs().stream().anyMatch(run -> run.flags().contains("stalled"))) {
            reading.append(" stalled rows completed, but some connection went without an echo for a tenth of the"
                    + " window or longer: a closed loop sends nothing while it waits, so neither the throughput nor"
                    + " the percentiles show the stall; the messages still unanswered at the end are counted as"
                    + " time-outs and recorded at a lower bound of their latency.");
        }
        if (sweep.runs().stream().anyMatch(run -> run.flags().contains("client_stalled"))) {
            reading.append(" client_stalled rows had the load client not running for a tenth of the window or"
                    + " longer (stopped, or its CPU taken): the latency it measured then was its own, not the"
                    + " server's.");
        }
        if (sweep.runs().stream().anyMatch(run -> run.flags().contains("client_bound"))) {
            reading.append(" client_bound rows completed, but the load client's IO threads were busy 90% of the"
                    + " window while the server was not at its limit: they measure the client, not the server.");
        }
        if (sweep.runs().stream().anyMatch(run -> run.flags().contains("both_saturated"))) {
            reading.append(" both_saturated rows had the client's IO threads and the server both at their limit: the"
                    + " point measured the pair. The server's CPU per message is still its own; its throughput is"
                    + (sweep.remoteClients() ? " the pair's." : " the pair's, which on a loopback host with a core a"
                    + " side is the expected state at load."));
        }
        if (sweep.runs().stream().anyMatch(run -> run.stealNote() != null)) {
            reading.append(" Where the hypervisor stole " + NumberText.format(RunView.STEAL_NOTED_PCT, false)
                    + "% or more of a side's CPU time, the flags column says so: the process pinned there stalled"
                    + " that often without its own CPU time showing it, so the run is noisier than the others.");
        }
        if (sweep.runs().stream().anyMatch(run -> run.flags().contains("latency_incomplete"))) {
            reading.append(" latency_incomplete rows completed, but their latencies average under 0.9 of the round"
                    + " trip Little's law requires of their connections at their throughput: connections starved for"
                    + " longer than the window left no sample, and the percentiles describe only those served; the"
                    + " latency charts leave them out.");
        }
        if (sweep.runs().stream().anyMatch(run -> run.flags().contains("rate_missed"))) {
            reading.append(" rate_missed rows completed, but the open loop achieved less than 95% of its target"
                    + " rate: their latency was measured at a lower load than planned.");
        }
        blocks.add(new Block.Paragraph(reading.toString()));
        String common = table.common();
        if (!common.isEmpty()) {
            blocks.add(new Block.Paragraph(common));
        }
        blocks.add(new Block.Heading(3, "Throughput and latency", "runs-load"));
        blocks.add(new Block.TableBlock(table.table(RunTable.LOAD, true)));
        blocks.add(new Block.Heading(3, "Server costs", "runs-costs"));
        if (table.measured(RunTable.COSTS)) {
            blocks.add(new Block.TableBlock(table.table(RunTable.COSTS, false)));
        } else {
            blocks.add(new Block.Paragraph("No run recorded the server's costs: the load ran without --server-pid."));
        }
        return blocks;
    }

    /**
     * The run directories whose result could not be used, each with its file and what is wrong with it: listed where
     * the runs are, as a failed run is, so that a damaged point reads as missing rather than as never planned.
     */
    private List<Block> unreadable() {
        if (sweep.unreadable().isEmpty()) {
            return List.of();
        }
        Table table = new Table(List.of(Column.text("run"), Column.text("file"), Column.text("what is wrong")));
        for (UnreadableRun run : sweep.unreadable()) {
            table.add(Tone.FAILED, List.of(Cell.of(run.id()), Cell.of(run.reason().file().toString()),
                    new Cell(run.reason().message(), Tone.FAILED)));
        }
        return List.of(new Block.Heading(2, "Unreadable runs", "unreadable"),
                new Block.Paragraph("These runs left no result the report can use: their result.json is missing,"
                        + " cut short, corrupt, or holds a value no run produces (a negative rate or percentile, a"
                        + " number that is not one). They are left out of the tables and charts; the file and the"
                        + " field say where to look."),
                new Block.TableBlock(table));
    }

    /** What idle connections cost: the table, then the charts against idle connections. */
    private List<Block> idle(IdleAxis axis, IdleCharts charts) throws IOException {
        List<Block> blocks = new ArrayList<>();
        String id = axis.slice().id();
        blocks.add(new Block.Heading(2, "Idle connections: " + axis.slice().title(), "idle-" + id));
        blocks.add(new Block.Paragraph("The same points run with " + axis.idleCounts().stream()
                .map(count -> NumberText.format(count, true)).collect(Collectors.joining(", "))
                + " idle connections open beside the active ones: connected, silent, and each one a descriptor the"
                + " server may have to look at whenever it waits for the active ones."));
        blocks.add(new Block.Heading(3, "Cost of idle connections", "idle-cost-" + id));
        IdleCostTable table = new IdleCostTable(axis);
        blocks.add(new Block.Paragraph(table.reading()));
        blocks.add(new Block.TableBlock(table.table(sweep.models())));
        blocks.addAll(charts.of(axis));
        return blocks;
    }

    private String subtitle() {
        long invalid = sweep.runs().stream().filter(RunView::invalid).count();
        long failed = sweep.runs().stream().filter(run -> run.status() == RunStatus.FAILED).count() - invalid;
        int unreadable = sweep.unreadable().size();
        return "Sweep " + sweep.status() + ", " + sweep.runs().size() + " runs" + (failed == 0 ? "" : ", " + failed
                + " failed") + (invalid == 0 ? "" : ", " + invalid + " invalid") + (unreadable == 0 ? "" : ", "
                + unreadable + " unreadable") + (jmhFiles.isEmpty() ? "" : ", " + jmhFiles.size() + " JMH result file"
                + (jmhFiles.size() == 1 ? "" : "s"));
    }
}
