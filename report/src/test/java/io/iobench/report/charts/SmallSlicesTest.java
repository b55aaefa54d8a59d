package io.iobench.report.charts;

import static org.assertj.core.api.Assertions.assertThat;

import io.iobench.report.Pictures;
import io.iobench.report.view.Metric;
import io.iobench.report.view.RunView;
import io.iobench.report.view.SweepView;
import io.iobench.results.HgrmFile;
import io.iobench.results.LatencyHistograms;
import io.iobench.results.LoadMode;
import io.iobench.results.RunFiles;
import io.iobench.results.RunResult;
import io.iobench.results.RunResultFile;
import io.iobench.results.StoredRun;
import io.iobench.results.SweepDirectory;
import io.iobench.results.SweepReader;
import io.iobench.results.Warnings;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * Slices too small for XChart's usual tick layout still draw: one connection count, one model, values all equal or
 * zero, a percentile distribution of a few samples, two idle counts. With a single connection count XChart puts its
 * ticks between the values a scale used to label, and threw on the empty label, which aborted the whole report.
 */
@Timeout(60) // XChart widens its tick steps until the labels differ; a scale that never lets them would hang here.
class SmallSlicesTest {

    @TempDir
    Path dir;

    @Test
    void drawsASliceWithOneConnectionCount() throws IOException {
        List<RunView> runs = List.of(run("poll", 10, 0, 134_706, 162, 6.8), run("netty-epoll", 10, 0, 139_146, 158, 6.6));
        draw(ConnectionChart.of(sweep(runs), runs, Metric.MSGS_PER_S, ConnectionChart.Axis.active(),
                new LinearScale(), "Throughput"));
    }

    @Test
    void drawsASliceWithOneModelAndValuesThatAreAllEqual() throws IOException {
        List<RunView> runs = List.of(run("selector", 1, 0, 50_000, 40, 5), run("selector", 100, 0, 50_000, 40, 5),
                run("selector", 3000, 0, 50_000, 40, 5));
        SweepView sweep = sweep(runs);
        for (Metric metric : List.of(Metric.MSGS_PER_S, Metric.SERVER_CPU_US_PER_MSG)) {
            draw(ConnectionChart.of(sweep, runs, metric, ConnectionChart.Axis.active(), new LinearScale(), "linear"));
        }
        draw(ConnectionChart.of(sweep, runs, Metric.P99_US, ConnectionChart.Axis.active(), new LogScale(),
                "log"));
    }

    @Test
    void drawsEveryValueZero() throws IOException {
        List<RunView> runs = List.of(run("selector", 10, 0, 0, 0, 0));
        SweepView sweep = sweep(runs);
        draw(ConnectionChart.of(sweep, runs, Metric.SERVER_CPU_US_PER_MSG, ConnectionChart.Axis.active(),
                new LinearScale(), "zero"));
        assertThat(IdleCpuChart.of(sweep, runs, "idle CPU")).isNotNull();
        draw(IdleCpuChart.of(sweep, runs, "idle CPU"));
    }

    @Test
    void drawsThePercentilesOfAShortRun() throws IOException {
        RunView run = run("poll", 10, 0, 10, 160, 7);
        Histogram histogram = LatencyHistograms.histogram();
        for (int us = 100; us < 110; us++) {
            histogram.recordValue(us);
        }
        HgrmFile.write(run.dir().resolve(RunFiles.UNCORRECTED_HGRM), histogram);
        Warnings warnings = new Warnings();
        draw(new PercentileChart(sweep(List.of(run)), warnings).of(List.of(run), 10, "Percentiles"));
        assertThat(warnings.all()).isEmpty();
    }

    @Test
    void drawsIdleConnectionsFromZero() throws IOException {
        List<RunView> runs = List.of(run("poll", 10, 0, 134_706, 162, 6.8), run("poll", 10, 10_000, 3_065, 8_727, 322),
                run("netty-epoll", 10, 0, 139_146, 158, 6.6), run("netty-epoll", 10, 10_000, 129_844, 175, 7.1));
        draw(ConnectionChart.of(sweep(runs), runs, Metric.SERVER_CPU_US_PER_MSG,
                ConnectionChart.Axis.idle(List.of(0, 10_000)), new LinearScale(), "CPU against idle"));
    }

    /** Draws the chart as PNG and SVG, as the report does; XChart throws if it cannot. */
    private static void draw(Chart<?, ?> chart) throws IOException {
        assertThat(chart).isNotNull();
        BufferedImage png = BitmapEncoder.getBufferedImage(chart);
        assertThat(Pictures.distinctColours(png)).isGreaterThan(20);
        ByteArrayOutputStream svg = new ByteArrayOutputStream();
        VectorGraphicsEncoder.saveVectorGraphic(chart, svg, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
        assertThat(svg.size()).isGreaterThan(1000);
    }

    private RunView run(String model, int connections, int idle, double msgsPerS, double p99Us, double cpuUsPerMsg)
            throws IOException {
        String id = model + "-c" + connections + (idle == 0 ? "" : "-i" + idle);
        Path runDir = Files.createDirectories(dir.resolve(id));
        long p99 = Math.round(p99Us);
        RunResult result = RunResult.of(RunResult.Point.closedLoop(model, "127.0.0.1:1", connections, idle, 64, 1),
                new RunResult.Timing(0, 1, 1, "2026-11-27T02:40:00Z"), new RunResult.Throughput(0, msgsPerS, 0),
                new RunResult.LatencyUs(new RunResult.Latency(1, p99 / 2.0, p99 / 2, p99, p99, p99 * 2, p99 * 2,
                        p99 * 2, 0), null, null),
                null, RunResult.Errors.NONE,
                new RunResult.Server(1, new RunResult.CpuUse(0, 0, 0, cpuUsPerMsg), 0.0,
                        new RunResult.ContextSwitches(0, 0, null), new RunResult.ProcessSize(1, 1, 1, 1),
                        new RunResult.ConnectionMemory(1, 1.0), null, RunResult.RunqueueWait.UNKNOWN, null, null),
                null, RunResult.RunFlags.NONE, null, RunResult.Files.standard(LoadMode.CLOSED));
        return RunView.of(new StoredRun(id, runDir, result));
    }

    private SweepView sweep(List<RunView> runs) throws IOException {
        for (RunView run : runs) {
            Files.createDirectories(dir.resolve(SweepDirectory.RUNS));
            Path stored = dir.resolve(SweepDirectory.RUNS).resolve(run.id());
            if (!Files.exists(stored)) {
                Files.createDirectories(stored);
                RunResultFile.write(run.result(), stored.resolve(RunFiles.RESULT_JSON));
            }
        }
        return SweepView.of(SweepReader.read(dir));
    }
}
