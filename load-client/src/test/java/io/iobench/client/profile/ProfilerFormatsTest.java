package io.iobench.client.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import io.iobench.options.UsageException;
import io.iobench.results.RunProfile;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the profilers read and take: {@code --prof}'s names, perf's CSV, a JVM's GC log and its -Xlog option. */
class ProfilerFormatsTest {

    @Test
    void takesProfilerNamesSeparatedByCommasEachOnce() {
        assertThat(Profilers.parse("syscalls,jfr")).containsExactly("syscalls", "jfr");
        assertThat(Profilers.parse("gc")).containsExactly("gc");
        assertThatThrownBy(() -> Profilers.parse("syscalls,stack")).isInstanceOf(UsageException.class)
                .hasMessage("--prof takes syscalls, jfr, gc separated by commas, got 'stack'");
        assertThatThrownBy(() -> Profilers.parse("gc,gc")).hasMessage("--prof names gc twice");
    }

    @Test
    void readsPerfStatCsvCountingAnEventThatNeverRanAsZero() {
        RunProfile.Syscalls counted = PerfStatCsv.read(List.of(
                "# started on Wed Dec  2 13:31:29 2026",
                "",
                "20894,,raw_syscalls:sys_enter,198722795,100.00,,",
                "597,,syscalls:sys_enter_read,198722795,100.00,,",
                "<not counted>,,syscalls:sys_enter_epoll_wait,0,100.00,,",
                "<not supported>,,syscalls:sys_enter_io_uring_enter,0,100.00,,"), 1.5);

        assertThat(counted.total()).isEqualTo(20894);
        assertThat(counted.windowS()).isEqualTo(1.5);
        assertThat(counted.calls()).containsExactly(entry("epoll_wait", 0L), entry("read", 597L));
        assertThat(PerfStatCsv.read(List.of("# started on Wed Dec  2 13:31:29 2026"), 1.0)).isNull();
    }

    @Test
    void readsTheGcLogsPausesFromTheirEndAndDurationInsideTheWindowOnly() {
        List<String> log = List.of(
                "[2026-12-02T13:33:46.385+0000][0.462s][info][gc,start    ] GC(0) Pause Young (Normal) (G1 Evacuation Pause)",
                "[2026-12-02T13:33:46.392+0000][0.469s][info][gc          ] GC(0) Pause Young (Normal) (G1 Evacuation Pause) 17M->4M(384M) 7.124ms",
                "[2026-12-02T13:33:46.395+0000][0.472s][info][safepoint   ] Safepoint \"G1CollectForAllocation\", Time since last: 442823126 ns, Reaching safepoint: 3814 ns, At safepoint: 7154285 ns, Leaving safepoint: 2593156 ns, Total: 9751255 ns, Threads: 0 runnable, 10 total",
                "[2026-12-02T13:33:46.545+0000][0.622s][info][gc             ] GC(1) Pause Full (System.gc()) 10M->2M(28M) 0.327ms",
                "[2026-12-02T13:33:49.659+0000][3.736s][info][gc             ] GC(2) Pause Full (System.gc()) 4M->2M(16M) 12.545ms");
        long windowStart = 1_796_218_426_000L; // 2026-12-02T13:33:46Z

        List<RunProfile.Pause> pauses = GcLog.pauses(log,
                new Profiler.Window(windowStart, windowStart + 3_000), 1.0);

        assertThat(pauses).containsExactly(
                new RunProfile.Pause(windowStart + 385, 7.124, "gc", "Pause Young (Normal) (G1 Evacuation Pause)",
                        "gc"),
                new RunProfile.Pause(windowStart + 385, 9.751, "safepoint", "G1CollectForAllocation", "gc"));
    }

    @Test
    void findsTheGcLogTheServersCommandLineNames() {
        assertThat(GcLogProfiler.logFile(List.of("java", "-Xmx1g",
                "-Xlog:gc*,safepoint:file=/run/x/gc.log:time,uptime,level,tags:filecount=0", "Main")))
                .isEqualTo("/run/x/gc.log");
        assertThat(GcLogProfiler.logFile(List.of("java", "-Xlog:gc:file=gc.log:uptime", "Main")))
                .as("without wall times").isNull();
        assertThat(GcLogProfiler.logFile(List.of("java", "-Xlog:gc", "Main"))).as("on stdout").isNull();
        assertThat(GcLogProfiler.serverOption(Path.of("/r/gc.log")))
                .isEqualTo("-Xlog:gc*,safepoint:file=/r/gc.log:time,uptime,level,tags:filecount=0");
    }
}
