package io.iobench.client;

import io.iobench.client.engine.ClientIo;
import io.iobench.client.engine.Engine;
import io.iobench.client.engine.LoadModel;
import io.iobench.client.engine.Run;
import io.iobench.client.engine.RunWindow;
import io.iobench.client.proc.CpuTimes;
import io.iobench.client.proc.ProcStat;
import io.iobench.client.proc.ProcWindow;
import io.iobench.client.proc.ProcessGoneException;
import io.iobench.client.record.IntervalReporter;
import io.iobench.client.record.LatencyLog;
import io.iobench.client.record.RunRecorder;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * One run of {@code iobench load}, in the order that keeps each measurement clean:
 * <ol>
 *   <li>the server's memory before any connection;</li>
 *   <li>connect every active and idle connection (bounded connects in flight), then the server's memory again:
 *       the difference per connection is what a connection costs the model;</li>
 *   <li>the idle window: connections open, nothing sent, the server's CPU measured (a busy-polling model burns
 *       a core here doing nothing);</li>
 *   <li>warm-up under load, recorded apart and never reported;</li>
 *   <li>the measured window, with /proc snapshots of server and client at its start and end, a progress line
 *       and an interval histogram each second;</li>
 *   <li>a drain: no more sends, outstanding echoes awaited up to a time-out (then counted as time-outs).</li>
 * </ol>
 * The run watches the server throughout: if its process exits or it closes every connection, the run stops,
 * keeps what it recorded and says why. The files are written by {@link LoadCommand}.
 */
final class LoadRun {

    private static final long SECOND_NS = TimeUnit.SECONDS.toNanos(1);
    /** How often a wait checks that the server is still there. */
    private static final long WATCH_NS = TimeUnit.MILLISECONDS.toNanos(100);

    private final LoadOptions options;
    private final Path dir;
    private final PrintStream progress;

    LoadRun(LoadOptions options, Path dir, PrintStream progress) {
        this.options = options;
        this.dir = dir;
        this.progress = progress;
    }

    /** Runs and returns what was measured; failures of the server end the run early, never throw. */
    RunFacts execute() throws IOException, InterruptedException {
        RunFacts facts = new RunFacts(Instant.now());
        facts.serverBeforeConnect = serverStat();
        String noUring = ClientIo.IO_URING.unavailableReason();
        if (options.clientIo() == null && noUring != null) {
            progress.println("client io    selector: io_uring is not available here (" + noUring + ")");
        }
        try (Engine engine = Engine.open(options.engineOptions())) {
            facts.clientIo = engine.io().label();
            facts.connect = engine.connectReport();
            facts.serverConnected = serverStat();
            facts.failure = serverGone();
            if (facts.failure == null && engine.connections() == 0) {
                facts.failure = "no connection to " + options.targetText() + " succeeded (refused "
                        + facts.connect.refused() + ", timed out " + facts.connect.timedOut() + ", failed "
                        + facts.connect.failed() + ")";
            }
            if (facts.failure == null && !options.idleWindow().isZero() && facts.serverConnected != null) {
                ProcStat before = serverStat();
                facts.failure = watch(System.nanoTime() + options.idleWindow().toNanos(), null);
                ProcStat after = serverStat();
                if (facts.failure == null && before != null && after != null) {
                    facts.serverIdle = new ProcWindow(before, after);
                }
            }
            if (facts.failure == null) {
                load(engine, facts);
            } else {
                // Nothing was sent: the run's files are still written, with empty histograms.
                long nowNs = System.nanoTime();
                facts.recorder = new RunRecorder(nowNs, nowNs, false);
                try (IntervalReporter reporter = reporter(facts.recorder,
                        new LatencyLog(dir.resolve(LoadCommand.HLOG), System.currentTimeMillis()), engine)) {
                    reporter.finish();
                    facts.latency(reporter);
                }
            }
            engine.countLostIdleConnections();
            facts.errors = engine.errors().snapshot();
        }
        return facts;
    }

    private void load(Engine engine, RunFacts facts) throws IOException, InterruptedException {
        LoadModel model = options.loadModel();
        long loadStartNs = System.nanoTime();
        long measureStartNs = loadStartNs + options.warmup().toNanos();
        long measureEndNs = measureStartNs + options.duration().toNanos();
        RunRecorder recorder = new RunRecorder(measureStartNs, measureEndNs, model.mode().equals("open"));
        facts.recorder = recorder;
        LatencyLog log = new LatencyLog(dir.resolve(LoadCommand.HLOG), recorder.measureStartEpochMs());
        RunWindow window = new RunWindow(loadStartNs, measureEndNs, RunWindow.DEFAULT_DRAIN_TIMEOUT.toNanos());
        try (IntervalReporter reporter = reporter(recorder, log, engine);
             Run run = engine.start(model, recorder, window)) {
            String failure = null;
            for (long tickNs = loadStartNs + SECOND_NS; failure == null && tickNs <= measureStartNs;
                 tickNs += SECOND_NS) {
                failure = watch(tickNs, run);
                if (failure == null) {
                    reporter.warmupTick((tickNs - loadStartNs) / 1e9);
                }
            }
            failure = failure != null ? failure : watch(measureStartNs, run);
            if (failure == null) {
                ProcStat clientStart = ProcStat.self();
                ProcStat serverStart = serverStat();
                facts.cpusAtStart = CpuTimes.read();
                long ioRunDelayStartNs = ProcStat.runDelayNs(clientStart.pid(), Engine.IO_THREAD_PREFIX);
                long spinStartNs = run.spinNs();
                for (long tickNs = measureStartNs + SECOND_NS; failure == null; tickNs += SECOND_NS) {
                    long untilNs = Math.min(tickNs, measureEndNs);
                    failure = watch(untilNs, run);
                    reporter.measuredTick((Math.min(untilNs, System.nanoTime()) - measureStartNs) / 1e9);
                    if (untilNs == measureEndNs) {
                        break;
                    }
                }
                facts.measuredS = (Math.min(System.nanoTime(), measureEndNs) - measureStartNs) / 1e9;
                facts.openAtEnd = run.openConnections();
                facts.client = new ProcWindow(clientStart, ProcStat.self());
                facts.cpusAtEnd = CpuTimes.read();
                facts.clientIoRunDelayS = ProcWindow.runDelayS(ioRunDelayStartNs,
                        ProcStat.runDelayNs(clientStart.pid(), Engine.IO_THREAD_PREFIX));
                facts.spinS = (run.spinNs() - spinStartNs) / 1e9;
                ProcStat serverEnd = serverStat();
                if (serverStart != null && serverEnd != null) {
                    facts.server = new ProcWindow(serverStart, serverEnd);
                }
            }
            if (failure != null) {
                run.stop();
            }
            run.await(RunWindow.DEFAULT_DRAIN_TIMEOUT.plusSeconds(5));
            reporter.finish();
            facts.latency(reporter);
            if (failure == null && recorder.messages() == 0) {
                failure = "no echo completed in the measured window: the server accepted connections but did"
                        + " not answer";
            }
            facts.failure = failure;
        }
    }

    /** @return a snapshot of the server, or null without a server pid or once the server has exited */
    private ProcStat serverStat() throws IOException {
        Long pid = options.serverPid();
        if (pid == null) {
            return null;
        }
        try {
            return ProcStat.read(pid);
        } catch (ProcessGoneException e) {
            return null;
        }
    }

    /** @return why the run cannot go on if the server process has exited, else null */
    private String serverGone() {
        Long pid = options.serverPid();
        return pid != null && !ProcStat.alive(pid) ? "the server process " + pid + " exited during the run" : null;
    }

    /**
     * Waits until {@code untilNs} watching the server.
     *
     * @return why the run cannot go on, or null
     */
    private String watch(long untilNs, Run run) throws InterruptedException {
        for (long nowNs = System.nanoTime(); nowNs < untilNs; nowNs = System.nanoTime()) {
            String gone = serverGone();
            if (gone != null) {
                return gone;
            }
            if (run != null && run.isDone()) {
                return run.failure() != null ? "the load engine failed: " + run.failure().getMessage()
                        : "the server closed every connection during the run";
            }
            TimeUnit.NANOSECONDS.sleep(Math.min(WATCH_NS, untilNs - nowNs));
        }
        return null;
    }

    private IntervalReporter reporter(RunRecorder recorder, LatencyLog log, Engine engine) {
        long errorsBefore = engine.errors().total();
        return new IntervalReporter(recorder, log, progress, () -> engine.errors().total() - errorsBefore);
    }
}
