package io.iobench.report.sweep;

import io.iobench.report.charts.ChartFiles;
import io.iobench.report.charts.ProfileCharts;
import io.iobench.report.document.Block;
import io.iobench.report.document.Table;
import io.iobench.report.document.Table.Cell;
import io.iobench.report.document.Table.Column;
import io.iobench.report.document.Table.Tone;
import io.iobench.report.view.NumberText;
import io.iobench.report.view.RunView;
import io.iobench.report.view.SweepView;
import io.iobench.results.LatencyLogFile;
import io.iobench.results.RunFiles;
import io.iobench.results.RunProfile;
import io.iobench.results.Warnings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * What the profilers of a sweep run with {@code --prof} found: which ran on which run and why not; the server's
 * system calls per message, a row per profiled run (model, connections) and a column per call, with the chart of
 * every call per message; and for each run whose JVM pauses were recorded, its window second by second, the longest
 * pause beside the highest latency, with the pauses listed. Empty for a sweep without profiled runs.
 */
final class ProfileSection {

    private final SweepView sweep;
    private final ChartFiles files;
    private final Warnings warnings;

    ProfileSection(SweepView sweep, ChartFiles files, Warnings warnings) {
        this.sweep = sweep;
        this.files = files;
        this.warnings = warnings;
    }

    /** The section's blocks, charts written on the way; none without a run asked for a profiler. */
    List<Block> blocks() throws IOException {
        List<RunView> asked = sweep.runs().stream().filter(run -> run.result().profile() != null).toList();
        if (asked.isEmpty()) {
            return List.of();
        }
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block.Heading(2, "Profiles", "profiles"));
        blocks.add(new Block.Paragraph(NOT_COMPARED));
        blocks.add(new Block.TableBlock(profilers(asked)));
        List<RunView> counted = asked.stream().filter(run -> run.result().profile().syscalls() != null).toList();
        if (!counted.isEmpty()) {
            blocks.add(new Block.Heading(3, "System calls per message", "syscalls"));
            blocks.add(new Block.Paragraph("The server's system calls over the measured window, every thread of it,"
                    + " counted by perf stat on the kernel's syscall tracepoints, each divided by the echoes of the"
                    + " window: all is every call entered (raw_syscalls:sys_enter), the other columns the calls that"
                    + " tell the models apart. A selector at one connection makes about one epoll_wait, read and write"
                    + " per message; a busy-polling loop a read per connection per turn, echo or not; io_uring"
                    + " batches many messages into one io_uring_enter; futex is threads handing work to each other."));
            blocks.add(new Block.TableBlock(syscalls(counted)));
            blocks.add(files.write("System calls per message", () -> ProfileCharts.syscallsPerMessage(sweep,
                    counted, "Server system calls per message"), "syscalls-per-message",
                    "Every system call of the server per echoed message, a bar per model at each connection count"
                            + " (the median of a point's profiled runs). Lower is cheaper: each call is a crossing"
                            + " into the kernel."));
        }
        for (RunView run : asked) {
            if (run.result().profile().pauses() != null) {
                blocks.addAll(pauses(run));
            }
        }
        return blocks;
    }

    /** Why a profiled run stands apart: the sentence the report and its comparison say. */
    static final String NOT_COMPARED = "Profiled runs (--prof) paid for their profilers: perf's tracepoints cost the"
            + " server on every system call, a flight recording costs its JVM, and starting one costs it inside the"
            + " window. Their figures are therefore not comparable with those of unprofiled runs: read them against"
            + " each other, and rerun without --prof for throughput and CPU. The flags column marks them profiled.";

    private Table profilers(List<RunView> runs) {
        Table table = new Table(List.of(Column.text("run"), Column.text("profiler"), Column.text("ran"),
                Column.text("file or why not")));
        for (RunView run : runs) {
            for (RunProfile.ProfilerRun profiler : run.result().profile().profilers()) {
                table.add(profiler.ran() ? Tone.NORMAL : Tone.FLAGGED, List.of(Cell.of(run.id()),
                        Cell.of(profiler.name()), Cell.of(profiler.ran() ? "yes" : "no"),
                        Cell.of(profiler.ran() ? Objects.requireNonNullElse(profiler.file(), "")
                                : profiler.reason())));
            }
        }
        return table;
    }

    private static Table syscalls(List<RunView> runs) {
        TreeSet<String> calls = new TreeSet<>();
        runs.forEach(run -> run.result().profile().syscalls().calls().forEach((call, count) -> {
            if (count > 0) {
                calls.add(call);
            }
        }));
        List<Column> columns = new ArrayList<>(List.of(Column.text("model"), Column.number("connections"),
                Column.number("idle"), Column.text("run"), Column.number("all")));
        calls.forEach(call -> columns.add(Column.number(call)));
        Table table = new Table(columns);
        for (RunView run : runs) {
            RunProfile.Syscalls syscalls = run.result().profile().syscalls();
            List<Cell> cells = new ArrayList<>(List.of(Cell.of(run.key().model()),
                    Cell.of(NumberText.format(run.key().connections(), true)),
                    Cell.of(NumberText.format(run.result().point().idleConnections(), true)), Cell.of(run.id()),
                    Cell.of(perMessage(syscalls.totalPerMessage()))));
            for (String call : calls) {
                cells.add(Cell.of(syscalls.perMessage() == null ? NumberText.MISSING
                        : perMessage(syscalls.perMessage().get(call))));
            }
            table.add(Tone.NORMAL, cells);
        }
        return table;
    }

    private List<Block> pauses(RunView run) throws IOException {
        RunProfile profile = run.result().profile();
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block.Heading(3, "Pauses and latency: " + run.id(), "pauses-" + run.id()));
        blocks.add(new Block.Paragraph(profile.pauses().size() + " pauses of the server's JVM of "
                + NumberText.format(profile.pauseThresholdMs(), false) + " ms or longer in the measured window."
                + " A collection's pause (gc) happens inside a safepoint, so it shows twice: the safepoint is"
                + " what every thread of the server waited."));
        LatencyLogFile.Intervals log = log(run.dir().resolve(RunFiles.HLOG));
        if (log != null) {
            String tag = log.intervals().containsKey(LatencyLogFile.CORRECTED) ? LatencyLogFile.CORRECTED
                    : LatencyLogFile.UNCORRECTED;
            blocks.add(files.write("Pauses and latency of " + run.id(), () -> ProfileCharts.pauseTimeline(run, log,
                    tag, "Pauses and latency, " + run.id()), "pauses-" + run.id(),
                    "The measured window second by second: the highest latency latency.hlog recorded in each second ("
                            + tag + "), and the longest JVM pause begun in it. A latency spike above a pause is the"
                            + " pause."));
        }
        if (!profile.pauses().isEmpty()) {
            Table table = new Table(List.of(Column.number("second"), Column.number("ms"), Column.text("kind"),
                    Column.text("what"), Column.text("from")));
            // Seconds from the window's start, as the interval log counts them; without the log, from the first pause.
            long originMs = log != null ? log.startEpochMs() : profile.pauses().getFirst().startEpochMs();
            for (RunProfile.Pause pause : profile.pauses()) {
                table.add(Tone.NORMAL, List.of(
                        Cell.of(NumberText.format((pause.startEpochMs() - originMs) / 1000.0, false)),
                        Cell.of(NumberText.format(pause.durationMs(), false)), Cell.of(pause.kind()),
                        Cell.of(pause.detail()), Cell.of(pause.source())));
            }
            blocks.add(new Block.TableBlock(table));
        }
        return blocks;
    }

    /** The run's interval log; null when it has none, or after a warning when it cannot be read. */
    private LatencyLogFile.Intervals log(Path hlog) {
        if (!Files.exists(hlog)) {
            return null;
        }
        try {
            return LatencyLogFile.read(hlog);
        } catch (IOException e) {
            warnings.add(hlog, e.getMessage() + "; its pause timeline is left out");
            return null;
        }
    }

    private static String perMessage(Double value) {
        return value == null ? NumberText.MISSING : NumberText.format(value, false);
    }
}
