package io.iobench.client;

import io.iobench.client.RunFacts.Connected;
import io.iobench.client.RunFacts.Drained;
import io.iobench.client.RunFacts.IdleWindow;
import io.iobench.client.RunFacts.MeasuredWindow;
import io.iobench.client.RunFacts.Settled;
import io.iobench.client.engine.ClientIo;
import io.iobench.client.engine.Engine;
import io.iobench.client.engine.ErrorKind;
import io.iobench.client.engine.LoadModel;
import io.iobench.client.engine.Run;
import io.iobench.client.engine.RunWindow;
import io.iobench.client.proc.CpuTimes;
import io.iobench.client.proc.CpuWindow;
import io.iobench.client.proc.ProcStat;
import io.iobench.client.proc.ProcessGoneException;
import io.iobench.client.proc.ProcWindow;
import io.iobench.client.proc.ProcessTimes;
import io.iobench.client.proc.ServerWindow;
import io.iobench.client.proc.ThreadStats;
import io.iobench.client.proc.ThreadWindow;
import io.iobench.client.load.ClosedLoop;
import io.iobench.client.profile.Profilers;
import io.iobench.client.record.FirstEchoes;
import io.iobench.client.record.IntervalReporter;
import io.iobench.client.record.RunRecorder;
import io.iobench.options.GoSignal;
import io.iobench.options.Quantities;
import io.iobench.options.StopCause;
import io.iobench.options.StopRequests;
import io.iobench.results.LatencyLogFile;
import io.iobench.results.LoadMode;
import io.iobench.results.RunProfile;
import io.iobench.results.RunFiles;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One run of {@code iobench load}, in the order that keeps each measurement clean, each phase returning what it
 * measured:
 * <ol>
 *   <li>connect ({@link Connected}): the server's memory before any connection, every active and idle connection
 *       opened (bounded connects in flight), then settled ({@link Settled}: one echo on each, and the server
 *       holding a socket for each, so that the server has accepted and registered them all), the server's
 *       memory again: the difference per connection is what a connection costs the model;</li>
 *   <li>the idle window ({@link IdleWindow}): connections open, nothing sent, the server's CPU measured (a
 *       busy-polling model burns a core here doing nothing);</li>
 *   <li>warm-up under load, recorded apart and never reported;</li>
 *   <li>the measured window ({@link MeasuredWindow}): at its edges the CPU times of server and client and of the
 *       client's IO threads, a file each, and every server thread just outside it; a progress line and an
 *       interval histogram each second;</li>
 *   <li>the drain ({@link Drained}): no more sends, outstanding echoes awaited up to a time-out (then counted as
 *       time-outs), the latency totals taken.</li>
 * </ol>
 * The run watches the server throughout: if its process exits or it closes every connection, the run stops,
 * keeps what it recorded and says why. It stops the same way when a stop is requested (SIGINT, SIGTERM, end of
 * stdin), and {@link LoadCommand} then writes nothing. {@link RunFacts} is built once, at the end; {@link LoadCommand} writes the
 * files.
 */
final class LoadRun {

    private static final long SECOND_NS = TimeUnit.SECONDS.toNanos(1);
    /** How often a wait checks that the server is still there. */
    private static final long WATCH_NS = TimeUnit.MILLISECONDS.toNanos(100);
    /** How often the settle counts the server's sockets. */
    private static final long DESCRIPTOR_POLL_MS = 10;

    private final LoadOptions options;
    private final Path dir;
    private final PrintStream progress;
    private final ServerReadings server;
    private final StopRequests stop;
    private GoSignal go;
    private PrintStream protocol;

    /** @param stop ends the run early when a stop is requested; what was measured then is the caller's to drop */
    LoadRun(LoadOptions options, Path dir, PrintStream progress, StopRequests stop) {
        this(options, dir, progress, ServerReadings.of(options.serverPid()), stop);
    }

    /** @param server how the server is read; tests watch when */
    LoadRun(LoadOptions options, Path dir, PrintStream progress, ServerReadings server, StopRequests stop) {
        this.options = options;
        this.dir = dir;
        this.progress = progress;
        this.server = server;
        this.stop = stop;
    }

    /**
     * Makes the run print {@link GoSignal#ARMED} on {@code out} once connected and settled and wait for GO before
     * the idle window; null {@code go} for none.
     */
    LoadRun awaitingGo(GoSignal go, PrintStream out) {
        this.go = go;
        this.protocol = out;
        return this;
    }

    /** Runs and returns what was measured; failures of the server end the run early, never throw. */
    RunFacts execute() throws IOException, InterruptedException {
        Instant startedAt = Instant.now();
        ProcStat serverBeforeConnect = serverStat();
        String noUring = ClientIo.IO_URING.unavailableReason();
        if (options.clientIo() == null && noUring != null) {
            progress.println("client io    selector: io_uring is not available here (" + noUring + ")");
        }
        try (Engine engine = Engine.open(options.engineOptions())) {
            Settled settled = settle(engine, serverBeforeConnect != null);
            long readStartNs = System.nanoTime();
            ProcStat serverConnected = serverStat();
            Connected connected = new Connected(engine.connectReport(), engine.io().label(), serverBeforeConnect,
                    settled, serverConnected, System.nanoTime() - readStartNs);
            String failure = reasonToEnd();
            if (failure == null && engine.connections() == 0) {
                failure = "no connection to " + options.targetText() + " succeeded (refused "
                        + connected.report().refused() + ", timed out " + connected.report().timedOut() + ", failed "
                        + connected.report().failed() + ")";
            } else if (failure == null && (settled.activeOpen() == 0 || settled.answered() == 0)) {
                failure = noIntactEcho(engine, "came back within " + Quantities.format(options.connectTimeout())
                        + " of connecting on any connection");
            }
            if (failure == null && go != null) {
                protocol.println(GoSignal.ARMED);
                protocol.flush();
                failure = go.await(GoSignal.TIMEOUT, stop);
                if (failure == null) {
                    protocol.println(GoSignal.releasedLine());
                    protocol.flush();
                }
            }
            IdleWindow idle = null;
            // Released by GO, the client keeps the idle window even without a server of its own to measure: a probe
            // on the server's host, released by the same GO, measures the server over it and the warm-up after it.
            if (failure == null && !options.idleWindow().isZero()
                    && (connected.serverConnected() != null || go != null)) {
                ProcStat before = serverStat();
                failure = watch(System.nanoTime() + options.idleWindow().toNanos(), null);
                ProcStat after = serverStat();
                if (failure == null && before != null && after != null) {
                    idle = new IdleWindow(new ProcWindow(before, after));
                }
            }
            Loaded loaded;
            try (Profilers profilers = Profilers.of(options.profilers(), options.serverPid(), dir, progress)) {
                loaded = failure == null ? load(engine, connected, profilers) : nothingSent(engine, failure, profilers);
            }
            engine.countLostIdleConnections();
            return new RunFacts(startedAt, connected, idle, loaded.window(), loaded.drained(),
                    engine.errors().snapshot(), loaded.failure(), loaded.profile());
        }
    }

    /**
     * One echo on every connection, then, with a server pid, a socket for each in the server, all within the
     * connect time-out. An active connection whose echo does not come back in time is closed and counted as a
     * time-out, as an unanswered message in any run is; an idle one stays open.
     */
    private Settled settle(Engine engine, boolean serverSeen) throws IOException, InterruptedException {
        long startNs = System.nanoTime();
        long deadlineNs = startNs + options.connectTimeout().toNanos();
        FirstEchoes firstEchoes = new FirstEchoes();
        int open = 0;
        if (engine.connections() > 0) {
            try (Run run = engine.start(new ClosedLoop(1), firstEchoes,
                    new RunWindow(startNs, startNs, options.connectTimeout().toNanos()))) {
                run.await(options.connectTimeout().plusSeconds(5));
                open = run.openConnections();
            }
        }
        int idleEchoed = engine.settleIdle(Duration.ofNanos(Math.max(0, deadlineNs - System.nanoTime())));
        boolean complete = open == engine.connections() && idleEchoed == engine.idleConnections();
        if (complete && serverSeen) {
            // Its listening socket and one per connection. Not "what it had before, plus the connections": a JVM
            // opens and closes descriptors, sockets among them, in its first seconds (netty-epoll held a second
            // socket at READY that was gone a moment later), and that count then never comes.
            complete = awaitSockets(options.serverPid(), 1 + open + idleEchoed, deadlineNs);
        }
        long durationNs = System.nanoTime() - startNs;
        if (!complete) {
            progress.printf("settle       incomplete after %.1f s: %d of %d active and %d of %d idle connections"
                            + " echoed%s%n", durationNs / 1e9, open, engine.connections(), idleEchoed,
                    engine.idleConnections(), serverSeen ? ", or the server did not hold them all" : "");
        }
        return new Settled(firstEchoes.histogram(), firstEchoes.unanswered(), durationNs, complete, open);
    }

    /**
     * @return whether process {@code pid} reached {@code sockets} open sockets before {@code deadlineNs} and before
     *         a stop was requested
     */
    private boolean awaitSockets(long pid, int sockets, long deadlineNs) throws IOException, InterruptedException {
        while (!stop.requested()) {
            try {
                if (ProcStat.openSockets(pid) >= sockets) {
                    return true;
                }
            } catch (ProcessGoneException e) {
                return false; // the run's next look at the server says why
            }
            if (System.nanoTime() >= deadlineNs) {
                return false;
            }
            Thread.sleep(DESCRIPTOR_POLL_MS);
        }
        return false;
    }

    /**
     * What the load phases returned: the window (null when the run failed before it), the drain, any failure, and
     * what the profilers found (null when none was asked for).
     */
    private record Loaded(MeasuredWindow window, Drained drained, String failure, RunProfile profile) {
    }

    /** What the profilers of a run that ended before its measured window's end found: nothing. */
    private static final String NO_WINDOW = "the run ended before its measured window";

    /** Nothing was sent: the run's files are still written, with empty histograms. */
    private Loaded nothingSent(Engine engine, String failure, Profilers profilers) throws IOException {
        long nowNs = System.nanoTime();
        RunRecorder recorder = new RunRecorder(nowNs, nowNs, false);
        try (IntervalReporter reporter = reporter(recorder,
                LatencyLogFile.create(dir.resolve(RunFiles.HLOG), System.currentTimeMillis()), engine)) {
            reporter.finish();
            return new Loaded(null, new Drained(recorder, reporter.uncorrected(), reporter.corrected()), failure,
                    profilers.unfinished(NO_WINDOW));
        }
    }

    /** The warm-up, the measured window and the drain; the profilers are prepared before the warm-up. */
    private Loaded load(Engine engine, Connected connected, Profilers profilers)
            throws IOException, InterruptedException {
        LoadModel model = options.loadModel();
        long loadStartNs = System.nanoTime();
        long measureStartNs = loadStartNs + options.warmup().toNanos();
        long measureEndNs = measureStartNs + options.duration().toNanos();
        RunRecorder recorder = new RunRecorder(measureStartNs, measureEndNs, model.mode() == LoadMode.OPEN);
        LatencyLogFile log = LatencyLogFile.create(dir.resolve(RunFiles.HLOG), recorder.measureStartEpochMs());
        RunWindow runWindow = new RunWindow(loadStartNs, measureEndNs, RunWindow.DEFAULT_DRAIN_TIMEOUT.toNanos());
        try (IntervalReporter reporter = reporter(recorder, log, engine);
             Run run = engine.start(model, recorder, runWindow)) {
            long leadNs = ServerWindow.threadReadLeadNs(connected.serverReadNs());
            profilers.prepare();
            String failure = warmUp(run, reporter, loadStartNs, measureStartNs - leadNs);
            MeasuredWindow window = null;
            RunProfile profile = null;
            if (failure == null) {
                // Outside the window: every server thread, and which of the client's threads do its IO.
                ProcStat serverBefore = serverStat();
                List<Long> ioTids = ThreadStats.read(ProcessHandle.current().pid()).tidsNamed(Engine.IO_THREAD_PREFIX);
                failure = watch(measureStartNs, run);
                if (failure == null) {
                    Measured measured = measure(run, recorder, reporter, measureStartNs, measureEndNs, serverBefore,
                            ioTids, profilers);
                    window = measured.window();
                    failure = measured.failure();
                    profile = measured.profile();
                }
            }
            if (window == null) {
                profile = profilers.unfinished(NO_WINDOW);
            }
            if (failure != null) {
                run.stop();
            }
            run.await(RunWindow.DEFAULT_DRAIN_TIMEOUT.plusSeconds(5));
            reporter.finish();
            if (failure == null && recorder.messages() == 0) {
                failure = noIntactEcho(engine, "completed in the measured window");
            }
            return new Loaded(window, new Drained(recorder, reporter.uncorrected(), reporter.corrected()), failure,
                    profile);
        }
    }

    /** @return why the run cannot go on, or null once the warm-up has run until {@code untilNs} */
    private String warmUp(Run run, IntervalReporter reporter, long loadStartNs, long untilNs)
            throws InterruptedException {
        for (long tickNs = loadStartNs + SECOND_NS; tickNs <= untilNs; tickNs += SECOND_NS) {
            String failure = watch(tickNs, run);
            if (failure != null) {
                return failure;
            }
            reporter.warmupTick((tickNs - loadStartNs) / 1e9);
        }
        return watch(untilNs, run);
    }

    /** The measured window, why it ended early, if it did, and what the profilers found over it. */
    private record Measured(MeasuredWindow window, String failure, RunProfile profile) {
    }

    /**
     * The measured window. Its edges read one file per process and per client IO thread, so what the client
     * reads there does not grow with the server's threads; every server thread is read just before the window
     * ({@code serverBefore}) and just after it. The profilers start just after the CPU readings of the start edge and
     * stop just after those of the end edge, so that a slow one (jcmd is a JVM) never moves an edge: what starting
     * one costs the server (its JVM loading JFR) is in the window, what stopping it costs is not.
     */
    private Measured measure(Run run, RunRecorder recorder, IntervalReporter reporter, long measureStartNs,
                             long measureEndNs, ProcStat serverBefore, List<Long> ioTids, Profilers profilers)
            throws IOException, InterruptedException {
        long self = ProcessHandle.current().pid();
        ProcessTimes clientStart = ProcessTimes.self();
        ProcessTimes serverStart = serverTimes();
        CpuTimes cpusAtStart = CpuTimes.read();
        ThreadStats ioStart = ThreadStats.read(self, ioTids);
        long spinStartNs = run.spinNs();
        profilers.start();
        String failure = null;
        for (long tickNs = measureStartNs + SECOND_NS; failure == null; tickNs += SECOND_NS) {
            long untilNs = Math.min(tickNs, measureEndNs);
            failure = watch(untilNs, run);
            reporter.measuredTick((Math.min(untilNs, System.nanoTime()) - measureStartNs) / 1e9);
            if (untilNs == measureEndNs) {
                break;
            }
        }
        double measuredS = (Math.min(System.nanoTime(), measureEndNs) - measureStartNs) / 1e9;
        int openAtEnd = run.openConnections();
        CpuWindow client = new CpuWindow(clientStart, ProcessTimes.self());
        ProcessTimes serverEnd = serverTimes();
        CpuTimes cpusAtEnd = CpuTimes.read();
        RunProfile profile = profilers.stop();
        ThreadWindow io = ThreadStats.read(self, ioTids).orLastReadings(ioTids, recorder.ioThreadsAtStop())
                .since(ioStart);
        double spinS = (run.spinNs() - spinStartNs) / 1e9;
        ProcStat serverAfter = serverStat();
        boolean serverSeen = serverStart != null && serverEnd != null && serverBefore != null && serverAfter != null;
        return new Measured(new MeasuredWindow(measuredS, openAtEnd,
                serverSeen ? new CpuWindow(serverStart, serverEnd) : null,
                serverSeen ? new ProcWindow(serverBefore, serverAfter) : null, client, io, ioTids.size(),
                cpusAtStart, cpusAtEnd, spinS), failure, profile);
    }

    /** @return the server's CPU times, or null without a server pid or once the server has exited */
    private ProcessTimes serverTimes() throws IOException {
        return server.times();
    }

    /** @return a snapshot of the server, or null without a server pid or once the server has exited */
    private ProcStat serverStat() throws IOException {
        return server.snapshot();
    }

    /** @return why the run cannot go on if a stop was requested or the server process has exited, else null */
    private String reasonToEnd() {
        if (stop.requested()) {
            return "stopped by " + stop.cause().map(StopCause::description).orElse("request");
        }
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
            String gone = reasonToEnd();
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

    /**
     * Why a run without an intact echo failed: the server answered with wrong bytes, or did not answer at all.
     *
     * @param what when no echo came, e.g. {@code completed in the measured window}
     */
    private static String noIntactEcho(Engine engine, String what) {
        long wrong = engine.errors().get(ErrorKind.MISMATCH);
        return wrong > 0 ? "no intact echo " + what + ": the server answered with wrong bytes (" + wrong
                + (wrong == 1 ? " mismatch)" : " mismatches)")
                : "no echo " + what + ": the server accepted connections but did not answer";
    }

    private IntervalReporter reporter(RunRecorder recorder, LatencyLogFile log, Engine engine) {
        long errorsBefore = engine.errors().total();
        return new IntervalReporter(recorder, log, progress, () -> engine.errors().total() - errorsBefore);
    }
}
