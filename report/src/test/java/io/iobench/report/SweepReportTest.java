package io.iobench.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The report of the closed-loop fixture: 3 models x {1, 10, 100} connections, one failed, one client_bound. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SweepReportTest {

    static final List<String> CHARTS = List.of("throughput-s64", "latency-p50-s64", "latency-p99-s64",
            "latency-p999-s64", "percentiles-s64", "cpu-per-message-s64", "memory-per-connection-s64",
            "idle-cpu-s64");

    Path dir;
    CommandRun run;
    String html;
    String markdown;

    @BeforeAll
    void report(@TempDir Path temp) throws IOException {
        dir = Fixtures.copy(Fixtures.CLOSED_LOOP, temp.resolve("sweep"));
        run = CommandRun.of(dir.toString());
        html = Files.readString(dir.resolve("report.html"), StandardCharsets.UTF_8);
        markdown = Files.readString(dir.resolve("report.md"), StandardCharsets.UTF_8);
    }

    @Test
    void writesHtmlMarkdownAndChartsIntoTheSweepDirectory() {
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).contains(dir.resolve("report.html").toString(), dir.resolve("report.md").toString(),
                CHARTS.size() + " charts");
    }

    @Test
    void everyChartIsADrawnPngAndAWellFormedSvg() throws IOException {
        for (String chart : CHARTS) {
            BufferedImage png = Pictures.png(dir.resolve("charts/" + chart + ".png"));
            assertThat(png.getWidth()).as(chart).isGreaterThan(800);
            assertThat(Pictures.distinctColours(png)).as(chart + " colours").isGreaterThan(50);
            assertThat(Pictures.svg(dir.resolve("charts/" + chart + ".svg")).getDocumentElement().getLocalName())
                    .as(chart).isEqualTo("svg");
        }
    }

    @Test
    void htmlInlinesEveryChartAndFetchesNothing() {
        assertThat(count(html, "<svg")).isEqualTo(CHARTS.size());
        assertThat(html).doesNotContain("<script", "<link", "<img", "@import", "url(http", "<?xml", "<!DOCTYPE svg");
        for (String chart : CHARTS) {
            assertThat(html).contains("href=\"charts/" + chart + ".png\"");
        }
    }

    @Test
    void markdownReferencesEveryPngByRelativePath() {
        for (String chart : CHARTS) {
            assertThat(markdown).containsPattern("!\\[[^]]+]\\(charts/" + chart + "\\.png\\)");
        }
    }

    @Test
    void bothTablesHaveARowForEveryRunFailedAndFlaggedIncluded() {
        String[] models = {"thread-per-connection", "selector", "netty-epoll"};
        for (int connections : new int[] {1, 10, 100}) {
            for (String model : models) {
                Pattern row = Pattern.compile("^\\| (\\*\\*)?" + Pattern.quote(model) + "(\\*\\*)? \\| " + connections
                        + " \\|", Pattern.MULTILINE);
                assertThat(count(markdown, row)).as(model + " at " + connections).isEqualTo(2);
            }
        }
        assertThat(count(html, "<tr class=\"failed\">")).isEqualTo(2);
        assertThat(count(html, "<tr class=\"flagged\">")).isEqualTo(2);
    }

    @Test
    void showsTheFailureWithItsReasonAndTheClientBoundFlag() {
        String reason = "FAILED: the server process 4342 exited during the run; server died during the run (exit code"
                + " 134); last output: SIGABRT";
        assertThat(markdown).containsPattern("\\| \\*\\*netty-epoll\\*\\* \\| 100 \\|.*" + Pattern.quote(reason));
        assertThat(markdown).containsPattern("\\| selector \\| 100 \\|.*\\| client_bound \\|");
        assertThat(html).contains("<td class=\"failed\">" + reason, "<td class=\"flagged\">client_bound</td>");
    }

    @Test
    void namesHypervisorStealBesideTheFlagsOnlyWhereItMattered() {
        String note = "the hypervisor stole 3.5% of the client's CPU time";
        assertThat(markdown)
                .containsPattern("\\| thread-per-connection \\| 10 \\|.*\\| " + Pattern.quote(note) + " \\|");
        assertThat(count(markdown, Pattern.compile(Pattern.quote(note)))).as("once in each table").isEqualTo(2);
        assertThat(markdown).doesNotContain("stole 0.");
        assertThat(markdown).contains("client µs/msg", "runq µs/msg");
        assertThat(markdown).contains("Where the hypervisor stole 2% or more of a side's CPU time");
    }

    @Test
    void statesEnvironmentStatusAndCommand() {
        for (String text : List.of("6.1.0-synthetic-fixture", "Synthetic CPU for test fixtures", "25.0.1+8 (fixture)",
                "-Xmx1g -XX:+UseParallelGC", "server CPUs 0 (pinned), client CPUs 1 (pinned)", "complete",
                "iobench sweep --models thread-per-connection,selector,netty-epoll --connections 1,10,100")) {
            assertThat(markdown).contains(text);
            assertThat(html).contains(text);
        }
    }

    @Test
    void showsTheHostTuningOnceInTheEnvironmentSection() {
        int environment = markdown.indexOf("## Sweep and environment");
        int tuning = markdown.indexOf("### Host tuning");
        assertThat(tuning).isGreaterThan(environment).isLessThan(markdown.indexOf("\n## ", environment + 1));
        assertThat(markdown.substring(tuning)).contains("- **kernel command line:** `BOOT_IMAGE=/vmlinuz-6.1.0",
                "- **cpufreq/scaling_governor:** performance\n", "- **cpufreq/scaling_max_freq:** 3500000 kHz\n",
                "- **transparent_hugepage/enabled:** never\n", "- **net.core.somaxconn:** 4096\n",
                "- **net.ipv4.tcp_rmem:** 4096 131072 6291456\n", "- **net.core.busy_poll:** 50\n",
                "- **clocksource:** tsc\n", "- **SMT:** off\n", "- **hypervisor:** yes\n",
                "- **hypervisor type:** xen\n", "- **CPU vulnerabilities:** retbleed: Vulnerable; spectre_v2:"
                        + " Mitigation: Retpolines; STIBP: disabled; not affected: meltdown\n");
        assertThat(count(markdown, "net.core.somaxconn")).as("once per sweep, not per run").isEqualTo(1);
        assertThat(html).contains("<dt>net.ipv4.tcp_wmem</dt><dd>4096 16384 4194304</dd>");
        assertThat(count(html, "net.core.somaxconn")).isEqualTo(1);
    }

    /* A sysctl changed mid-sweep: the header shows the first run's tuning, and names the run measured otherwise. */
    @Test
    void namesARunMeasuredUnderAnotherTuning(@TempDir Path other) throws IOException {
        Path copy = Fixtures.copy(Fixtures.CLOSED_LOOP, other.resolve("sweep"));
        Path result = copy.resolve("runs/selector-c10-s64/result.json");
        ObjectMapper json = new ObjectMapper();
        ObjectNode tree = (ObjectNode) json.readTree(result.toFile());
        ((ObjectNode) tree.path("environment").path("tuning")).put("somaxconn", 128);
        json.writeValue(result.toFile(), tree);

        CommandRun changed = CommandRun.of(copy.toString());

        assertThat(changed.exit()).as(changed.err()).isZero();
        assertThat(Files.readString(copy.resolve("report.md"))).contains("Measured in another environment than"
                + " shown above: selector-c10-s64 (net.core.somaxconn: 4096 → 128).");
    }

    /* The plan's modes are what the runner writes (SweepPlan.manifestPlan), not a field only a fixture has. */
    @Test
    void statesThePlanWithItsModes() {
        assertThat(markdown).contains("**Plan:** models thread-per-connection,selector,netty-epoll; connections"
                + " 1,10,100; idle connections 0; sizes 64 B; modes closed; 10 s measured after 2 s warm-up");
    }

    @Test
    void captionsSayHowToReadAndWhatTheMarkersMean() {
        assertThat(markdown).contains("each labelled gridline is ten times rarer",
                "Red × at the bottom: a failed run", "Failed: netty-epoll at 100 connections",
                "Black ▲: a flagged run", "Flagged: selector at 100 connections (client_bound)");
    }

    @Test
    void percentileChartDefaultsToTheLargestCountWhereEveryModelIsGood() {
        assertThat(markdown).contains("Drawn at 10 connections, the largest count where every model has a good run");
    }

    @Test
    void percentileConnectionsChoosesTheCount(@TempDir Path other) throws IOException {
        Path copy = Fixtures.copy(Fixtures.CLOSED_LOOP, other.resolve("sweep"));
        CommandRun chosen = CommandRun.of(copy.toString(), "--percentile-connections", "1");
        assertThat(chosen.exit()).as(chosen.err()).isZero();
        assertThat(Files.readString(copy.resolve("report.md")))
                .contains("Latency by percentile at 1 connection", "Drawn at 1 connection, as asked");
    }

    private static int count(String text, String fragment) {
        return count(text, Pattern.compile(Pattern.quote(fragment)));
    }

    private static int count(String text, Pattern pattern) {
        Matcher matcher = pattern.matcher(text);
        int count = 0;
        while (matcher.find()) {
            count++;
        }
        return count;
    }
}
