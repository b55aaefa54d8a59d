package io.iobench.report.charts;

import io.iobench.report.document.Block;
import io.iobench.report.view.IdleAxis;
import io.iobench.report.view.Metric;
import io.iobench.report.view.NumberText;
import io.iobench.report.view.RunView;
import io.iobench.report.view.SweepView;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The charts of an idle axis: at each active connection count run at several idle counts, server CPU per message,
 * throughput and p99 latency against idle connections, a line per model. They show what a descriptor that carries
 * nothing costs each model: poll and select pass every descriptor to the kernel on every call, so their lines climb
 * with idle connections; epoll is told only about the ready ones.
 */
public final class IdleCharts {

    private static final String IDLE_AXIS = " The idle counts are evenly spaced in increasing order whatever their"
            + " values, so that 0 has a place on the axis: read the labels, not the distances.";

    private final SweepView sweep;
    private final ChartFiles files;

    public IdleCharts(SweepView sweep, ChartFiles files) {
        this.sweep = sweep;
        this.files = files;
    }

    /** Three figures per active connection count of the axis, or a paragraph for each that cannot be drawn. */
    public List<Block> of(IdleAxis axis) throws IOException {
        List<Block> blocks = new ArrayList<>();
        for (int connections : axis.connections()) {
            List<RunView> runs = axis.at(connections);
            ConnectionChart.Axis x = ConnectionChart.Axis.idle(axis.idleCounts(connections));
            String active = NumberText.format(connections, true) + (connections == 1 ? " active connection"
                    : " active connections");
            String suffix = " vs idle connections (" + NumberText.format(connections, true) + " active, "
                    + axis.slice().title() + ")";
            String name = "vs-idle-" + axis.slice().id() + "-c" + connections;

            String cpu = "CPU per message" + suffix;
            blocks.add(figure(cpu, runs, Metric.SERVER_CPU_US_PER_MSG, x, new LinearScale(), "cpu-per-message-" + name,
                    "Server CPU time (user + system) per echoed message, µs, with " + active + " carrying load and"
                            + " the idle ones open and silent. Lower is cheaper. A model whose readiness call scans"
                            + " every descriptor (poll, select) pays for each idle one on every call, so its line"
                            + " climbs; one the kernel tells only about ready descriptors (epoll) should stay flat."));
            String throughput = "Throughput" + suffix;
            blocks.add(figure(throughput, runs, Metric.MSGS_PER_S, x, new LinearScale(), "throughput-" + name,
                    "Echoes completed per second by " + active + ", against idle connections. Higher is better;"
                            + " a fall is what the idle descriptors cost the active ones."));
            boolean corrected = SweepCharts.corrected(runs);
            Metric p99 = corrected ? Metric.CORRECTED_P99_US : Metric.P99_US;
            String latency = (corrected ? "Corrected p99" : "p99") + " latency" + suffix;
            blocks.add(figure(latency, runs, p99, x, new LogScale(), "latency-p99-" + name,
                    "The p99 of round-trip latency, µs (log scale), at " + active + ", against idle connections."
                            + " Lower is better." + (corrected ? SweepCharts.OPEN_LOOP : "")));
        }
        return blocks;
    }

    private Block figure(String title, List<RunView> runs, Metric metric, ConnectionChart.Axis x, Scale yScale,
                         String name, String howToRead) throws IOException {
        return files.write(title, () -> ConnectionChart.of(sweep, runs, metric, x, yScale, title), name,
                howToRead + IDLE_AXIS + RunNotes.of(runs, true));
    }
}
