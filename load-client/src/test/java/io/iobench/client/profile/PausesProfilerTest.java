package io.iobench.client.profile;

import static org.assertj.core.api.Assertions.assertThat;

import io.iobench.client.testjvm.ChildJvm;
import io.iobench.client.testjvm.PausingJvm;
import io.iobench.results.RunFiles;
import io.iobench.results.RunProfile;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pause profilers against a JVM forced into pauses ({@link PausingJvm}: a full collection every 400 ms, each
 * announced with its wall time): {@code jfr} by a flight recording started and stopped with jcmd, {@code gc} from
 * the JVM's own log. Each pause they find began just after one of the announced collections, in the same second of
 * the window, and nothing outside the window is listed.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class PausesProfilerTest {

    /** How long after its announcement a collection's pause may begin: the call, then reaching the safepoint. */
    private static final long ANNOUNCED_WITHIN_MS = 200;

    @TempDir
    Path temp;

    @Test
    void jfrRecordsTheForcedPausesAtTheTimeTheyHappened() throws Exception {
        try (ChildJvm jvm = ChildJvm.start(PausingJvm.class.getName(), List.of(), temp, "pausing")) {
            jvm.awaitLine(line -> line.equals("READY"), "READY");
            Profiler.Finding found;
            Profiler.Window window;
            try (JfrProfiler jfr = new JfrProfiler(jvm.pid(), temp, Profilers.PAUSE_THRESHOLD_MS)) {
                assertThat(jfr.prepare()).isNull();
                long startMs = System.currentTimeMillis();
                assertThat(jfr.start()).isNull();
                Thread.sleep(2_500);
                window = new Profiler.Window(startMs, System.currentTimeMillis());
                found = jfr.stop(window);
            }

            assertThat(found.run()).isEqualTo(RunProfile.ProfilerRun.ran("jfr", RunFiles.SERVER_JFR));
            assertThat(temp.resolve(RunFiles.SERVER_JFR)).isNotEmptyFile();
            assertPausesFollowTheCollections(found.pauses(), window, announced(jvm), "jfr");
        }
    }

    @Test
    void gcReadsTheSamePausesFromTheJvmsLog() throws Exception {
        Path log = temp.resolve(RunFiles.GC_LOG);
        try (ChildJvm jvm = ChildJvm.start(List.of(GcLogProfiler.serverOption(log)), PausingJvm.class.getName(),
                List.of(), temp, "pausing")) {
            jvm.awaitLine(line -> line.equals("READY"), "READY");
            Thread.sleep(1_000); // collections before the window, which must not be listed
            GcLogProfiler gc = new GcLogProfiler(jvm.pid(), temp, Profilers.PAUSE_THRESHOLD_MS);
            assertThat(gc.prepare()).isNull();
            long startMs = System.currentTimeMillis();
            assertThat(gc.start()).isNull();
            Thread.sleep(2_500);
            Profiler.Window window = new Profiler.Window(startMs, System.currentTimeMillis());
            Profiler.Finding found = gc.stop(window);

            assertThat(found.run()).isEqualTo(RunProfile.ProfilerRun.ran("gc", RunFiles.GC_LOG));
            assertPausesFollowTheCollections(found.pauses(), window, announced(jvm), "gc");
        }
    }

    @Test
    void aJvmWithoutAGcLogIsNotProfiledAndSaysHowToGiveItOne() throws Exception {
        GcLogProfiler gc = new GcLogProfiler(ProcessHandle.current().pid(), temp, Profilers.PAUSE_THRESHOLD_MS);

        assertThat(gc.prepare()).startsWith("the server was not started with -Xlog:gc*,safepoint:file=PATH")
                .endsWith("(iobench sweep --prof gc adds it)");
    }

    private static void assertPausesFollowTheCollections(List<RunProfile.Pause> pauses, Profiler.Window window,
                                                         List<Long> announcedMs, String source) {
        assertThat(pauses).as("pauses of %s in %s", source, window).isNotEmpty();
        assertThat(pauses).allSatisfy(pause -> {
            assertThat(pause.source()).isEqualTo(source);
            assertThat(pause.durationMs()).isGreaterThanOrEqualTo(Profilers.PAUSE_THRESHOLD_MS);
            assertThat(window.contains(pause.startEpochMs())).isTrue();
        });
        List<RunProfile.Pause> collections = pauses.stream().filter(p -> p.kind().equals("gc")).toList();
        assertThat(collections).as("collections among %s", pauses).isNotEmpty();
        for (RunProfile.Pause pause : collections) {
            long cause = announcedMs.stream().filter(ms -> ms <= pause.startEpochMs() + 5)
                    .reduce((a, b) -> b).orElseThrow(() -> new AssertionError("no collection before " + pause));
            assertThat(pause.startEpochMs() - cause).as("%s after the collection announced at %d", pause, cause)
                    .isLessThanOrEqualTo(ANNOUNCED_WITHIN_MS);
        }
    }

    /** The wall times, ms, at which the JVM said it was about to collect. */
    private static List<Long> announced(ChildJvm jvm) throws Exception {
        return jvm.stdout().stream().filter(line -> line.startsWith("GC "))
                .map(line -> Long.parseLong(line.substring(3))).toList();
    }
}
