package io.iobench.report.charts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.iobench.report.Pictures;
import io.iobench.report.results.Metric;
import io.iobench.report.results.Run;
import io.iobench.report.results.Sweep;
import io.iobench.report.results.Warnings;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
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

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void drawsASliceWithOneConnectionCount() throws IOException {
        List<Run> runs = List.of(run("poll", 10, 0, 134_706, 162, 6.8), run("netty-epoll", 10, 0, 139_146, 158, 6.6));
        draw(ConnectionChart.of(sweep(runs), runs, Metric.MSGS_PER_S, ConnectionChart.Axis.active(),
                new LinearScale(), "Throughput"));
    }

    @Test
    void drawsASliceWithOneModelAndValuesThatAreAllEqual() throws IOException {
        List<Run> runs = List.of(run("selector", 1, 0, 50_000, 40, 5), run("selector", 100, 0, 50_000, 40, 5),
                run("selector", 3000, 0, 50_000, 40, 5));
        Sweep sweep = sweep(runs);
        for (Metric metric : List.of(Metric.MSGS_PER_S, Metric.SERVER_CPU_US_PER_MSG)) {
            draw(ConnectionChart.of(sweep, runs, metric, ConnectionChart.Axis.active(), new LinearScale(), "linear"));
        }
        draw(ConnectionChart.of(sweep, runs, Metric.P99_US, ConnectionChart.Axis.active(), new LogScale(),
                "log"));
    }

    @Test
    void drawsEveryValueZero() throws IOException {
        List<Run> runs = List.of(run("selector", 10, 0, 0, 0, 0));
        Sweep sweep = sweep(runs);
        draw(ConnectionChart.of(sweep, runs, Metric.SERVER_CPU_US_PER_MSG, ConnectionChart.Axis.active(),
                new LinearScale(), "zero"));
        assertThat(IdleCpuChart.of(sweep, runs, "idle CPU")).isNotNull();
        draw(IdleCpuChart.of(sweep, runs, "idle CPU"));
    }

    @Test
    void drawsThePercentilesOfAShortRun() throws IOException {
        Run run = run("poll", 10, 0, 10, 160, 7);
        Histogram histogram = new Histogram(1, 60_000_000L, 3);
        for (int us = 100; us < 110; us++) {
            histogram.recordValue(us);
        }
        try (PrintStream out = new PrintStream(Files.newOutputStream(run.dir().resolve("uncorrected.hgrm")), false,
                StandardCharsets.UTF_8)) {
            histogram.outputPercentileDistribution(out, 1000.0);
        }
        Warnings warnings = new Warnings();
        draw(new PercentileChart(sweep(List.of(run)), warnings).of(List.of(run), 10, "Percentiles"));
        assertThat(warnings.all()).isEmpty();
    }

    @Test
    void drawsIdleConnectionsFromZero() throws IOException {
        List<Run> runs = List.of(run("poll", 10, 0, 134_706, 162, 6.8), run("poll", 10, 10_000, 3_065, 8_727, 322),
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

    private Run run(String model, int connections, int idle, double msgsPerS, double p99Us, double cpuUsPerMsg)
            throws IOException {
        String id = model + "-c" + connections + (idle == 0 ? "" : "-i" + idle);
        Path runDir = Files.createDirectories(dir.resolve(id));
        ObjectNode result = JSON.createObjectNode().put("model", model).put("connections", connections)
                .put("idle_connections", idle).put("size", 64).put("mode", "closed");
        result.putObject("throughput").put("msgs_per_s", msgsPerS);
        result.putObject("latency_us").putObject("uncorrected").put("p50", p99Us / 2).put("p99", p99Us)
                .put("p999", p99Us * 2);
        result.putObject("server").put("cpu_us_per_msg", cpuUsPerMsg).put("memory_per_connection_kib", 1.0)
                .put("idle_cpu_cores", 0.0);
        return Run.of(id, runDir, result);
    }

    private Sweep sweep(List<Run> runs) {
        return new Sweep(dir, JSON.missingNode(), runs, runs.stream().map(run -> run.key().model()).distinct()
                .toList(), List.of());
    }
}
