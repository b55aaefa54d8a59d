package io.iobench.results;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.HdrHistogram.Histogram;

/**
 * One load run, as {@code result.json} holds it (schema {@value #SCHEMA}). This is a public format read by the
 * sweep, the report and other tools: names are snake_case in the file, units are in the names, a value that does
 * not apply is null, and a field is never renamed. Every field's meaning is the {@code @param} text below, which
 * {@code SCHEMA.md} shows as one table. {@link RunResultFile} writes and reads it.
 *
 * <p>Build one with {@link #of} from its parts, each a small record of its own, or with {@link #failed} for a run
 * that produced nothing; mark a finished one failed with {@link #withFailure}.
 *
 * @param schema      always {@value #SCHEMA}
 * @param point       what was run
 * @param timing      how long it ran
 * @param throughput  echoes completed in the measured window; null when the run produced none to count
 * @param latencyUs   latency percentiles, microseconds; null when the run produced none
 * @param connect     how connecting went; null when the client never connected
 * @param errors      errors by kind, over the whole run; null when the client never ran
 * @param server      the server process's costs; null without {@code --server-pid} or when the server died
 * @param client      the load client's own costs; null when the client never ran
 * @param flags       what to distrust about this run
 * @param environment host, JDKs and pinning; null when the client never ran
 * @param files       the other files of the run, relative to its directory; null when the client wrote none
 * @param clients     when several clients on several hosts carried the load together ({@link ClientRunMerge}):
 *                    each one's own figures, in the order they were started; the figures above are then theirs
 *                    merged. Null for a run of one client
 * @param profile     what the profilers asked for with {@code --prof} found over the measured window, and which of
 *                    them ran; null when none was asked for (and in files written before profilers existed)
 */
public record RunResult(String schema, @JsonUnwrapped Point point, @JsonUnwrapped Timing timing,
                        Throughput throughput, LatencyUs latencyUs, Connect connect, Errors errors, Server server,
                        Client client, RunFlags flags, Environment environment, Files files,
                        List<ClientShare> clients, RunProfile profile) {

    /** The name and version of this format; a reader warns on another and reads what matches. */
    public static final String SCHEMA = "iobench-run/1";

    public RunResult {
        Objects.requireNonNull(point, "point");
        flags = flags != null ? flags : RunFlags.NONE;
        clients = clients == null ? null : List.copyOf(clients);
    }

    /** A run without a profile: every writer's form before {@code --prof}. */
    public RunResult(String schema, Point point, Timing timing, Throughput throughput, LatencyUs latencyUs,
                     Connect connect, Errors errors, Server server, Client client, RunFlags flags,
                     Environment environment, Files files, List<ClientShare> clients) {
        this(schema, point, timing, throughput, latencyUs, connect, errors, server, client, flags, environment, files,
                clients, null);
    }

    /** This run with what its profilers found; null for none asked. */
    public RunResult withProfile(RunProfile found) {
        return new RunResult(schema, point, timing, throughput, latencyUs, connect, errors, server, client, flags,
                environment, files, clients, found);
    }

    /** Whether a profiler ran over this run's window: its figures then include the profiler's cost. */
    @JsonIgnore
    public boolean profiled() {
        return profile != null && profile.anyRan();
    }

    /** A run that measured: every part present that the run produced. */
    public static RunResult of(Point point, Timing timing, Throughput throughput, LatencyUs latencyUs,
                               Connect connect, Errors errors, Server server, Client client, RunFlags flags,
                               Environment environment, Files files) {
        return new RunResult(SCHEMA, point, timing, throughput, latencyUs, connect, errors, server, client, flags,
                environment, files, null);
    }

    /**
     * A run that left nothing to read (its client died, hung or wrote an unreadable file): the point, when it
     * started, and why it failed. Every measured part is null.
     *
     * @param startedAt when the run started, ISO-8601 UTC
     */
    public static RunResult failed(Point point, double warmupS, double durationS, String startedAt, String reason) {
        return new RunResult(SCHEMA, point, new Timing(warmupS, durationS, 0, startedAt), null, null, null, null,
                null, null, RunFlags.failedBecause(reason), null, null, null);
    }

    /** This run marked failed for {@code reason}, after any reason it already had. */
    public RunResult withFailure(String reason) {
        return new RunResult(schema, point, timing, throughput, latencyUs, connect, errors, server, client,
                flags.withFailure(reason), environment, files, clients, profile);
    }

    /**
     * This run with the server's figures measured elsewhere (by a probe on the server's host) and the flags that
     * depend on them: the clients' flags are kept, and a client at its limit ({@code client_bound}, raised by a
     * client that could not see the server) becomes {@code both_saturated} when the server was at its limit too.
     *
     * @param serverSaturated whether the server's cores or its busiest thread were at 90% or more
     */
    public RunResult withServer(Server measured, boolean serverSaturated) {
        return withServer(measured, serverSaturated, environment);
    }

    /** As {@link #withServer(Server, boolean)}, with the environment the server's host gives ({@code ProbeResult}). */
    public RunResult withServer(Server measured, boolean serverSaturated, Environment onServerHost) {
        RunFlags judged = flags.clientBound() && serverSaturated ? flags.serverSaturatedToo() : flags;
        return new RunResult(schema, point, timing, throughput, latencyUs, connect, errors, measured, client, judged,
                onServerHost, files, clients, profile);
    }

    /** This run as the merge of the clients in {@code shares}. */
    RunResult withClients(List<ClientShare> shares) {
        return new RunResult(schema, point, timing, throughput, latencyUs, connect, errors, server, client, flags,
                environment, files, shares, profile);
    }

    /**
     * One client's part in a run that several clients carried together: its own figures beside the merged ones, so
     * that a client at its limit, or one that carried less than its share, stays visible.
     *
     * @param host          the host it ran on, as the sweep named it ({@code [user@]host})
     * @param hostname      that host's own name for itself
     * @param kernel        that host's kernel release
     * @param dir           its own run directory, relative to the merged run's
     * @param connections   connections it carried (active)
     * @param messages      echoes it completed in the measured window
     * @param msgsPerS      its messages / its measured seconds
     * @param errors        its errors, all kinds summed
     * @param p50Us         its median latency (corrected in an open loop, uncorrected in a closed one), µs
     * @param p99Us         its 99th percentile, the same latency, µs
     * @param cpuCores      cores its process kept busy over the window
     * @param ioBusy        the share of the window its IO threads were busy, 0 to 1; null where not kept
     * @param flags         the flags it raised by itself, by their names in this file
     * @param failure       why it failed, or null
     * @param clockOffsetMs its host's clock minus the sweep's, ms, as measured when the clients were released
     *                      together; null when not measured
     * @param cpuModel      that host's CPU model
     * @param cores         that host's logical CPUs
     * @param jdk           the JDK the client ran on there
     * @param route         the address and interface its connections left that host from; null where not
     *                      recorded
     */
    public record ClientShare(String host, String hostname, String kernel, String dir, int connections,
                              long messages, double msgsPerS, long errors, long p50Us, long p99Us, double cpuCores,
                              Double ioBusy, List<String> flags, String failure, Double clockOffsetMs,
                              String cpuModel, Integer cores, String jdk, Route route) {

        public ClientShare {
            flags = List.copyOf(flags);
        }
    }

    /**
     * What was run: the sweep's point and the load offered.
     *
     * @param model              the label given with {@code --model} (the sweep passes the IO model), or "unknown"
     * @param target             host:port the load went to; null when the run never started
     * @param connections        connections carrying load (requested)
     * @param idleConnections    extra connections opened and never used (requested)
     * @param size               message size, bytes
     * @param mode               {@code closed} (a pipeline of messages in flight per connection) or {@code open}
     *                           (a target rate over all connections)
     * @param pipeline           closed loop: messages in flight per connection; null in an open loop
     * @param rateTargetMsgsPerS open loop: the requested rate, messages/s over all connections; null in a closed
     *                           loop
     * @param threads            the server's IO or worker threads, as it said it ran them: event loops, pool
     *                           workers, 1 for a single-threaded model, 0 for a thread per connection; null when the
     *                           client was not told ({@code iobench load} without {@code --server-threads})
     */
    public record Point(String model, String target, int connections, int idleConnections, int size, LoadMode mode,
                        Integer pipeline, Long rateTargetMsgsPerS, Integer threads) {

        public Point {
            // Files from before the mode was written name only their rate.
            mode = mode != null ? mode : rateTargetMsgsPerS != null ? LoadMode.OPEN : LoadMode.CLOSED;
        }

        /** A closed loop keeping {@code pipeline} messages in flight on each connection. */
        public static Point closedLoop(String model, String target, int connections, int idleConnections, int size,
                                       int pipeline) {
            return new Point(model, target, connections, idleConnections, size, LoadMode.CLOSED, pipeline, null,
                    null);
        }

        /** An open loop offering {@code rateMsgsPerS} over all connections. */
        public static Point openLoop(String model, String target, int connections, int idleConnections, int size,
                                     long rateMsgsPerS) {
            return new Point(model, target, connections, idleConnections, size, LoadMode.OPEN, null, rateMsgsPerS,
                    null);
        }

        /** This point run with {@code ioThreads} server threads; null when not known. */
        public Point withThreads(Integer ioThreads) {
            return new Point(model, target, connections, idleConnections, size, mode, pipeline, rateTargetMsgsPerS,
                    ioThreads);
        }
    }

    /**
     * How long the run ran.
     *
     * @param warmupS   configured warm-up, seconds: load offered and not recorded
     * @param durationS configured measured window, seconds
     * @param measuredS wall seconds of the measured window actually run (shorter when the run failed)
     * @param startedAt when the run started, ISO-8601 UTC
     */
    public record Timing(double warmupS, double durationS, double measuredS, String startedAt) {
    }

    /**
     * @param messages echoes completed (and intact) inside the measured window
     * @param msgsPerS messages / measured_s
     * @param mibPerS  echoed payload bytes per second, one way, MiB/s (messages * size / 2^20 / measured_s)
     */
    public record Throughput(long messages, double msgsPerS, double mibPerS) {

        /** What {@code messages} echoes of {@code sizeBytes} over {@code measuredS} seconds come to. */
        public static Throughput of(long messages, int sizeBytes, double measuredS) {
            double msgsPerS = measuredS > 0 ? messages / measuredS : 0;
            return new Throughput(messages, Rounding.round(msgsPerS, 1),
                    Rounding.round(msgsPerS * sizeBytes / (1024.0 * 1024.0), 3));
        }
    }

    /**
     * @param uncorrected latency from the actual send time (the first byte written) to the echo's last byte read
     * @param corrected   latency from the intended send time (open loop, corrected for coordinated omission);
     *                    null in a closed loop
     * @param littleRatio closed loop: the recorded mean latency over the mean Little's law requires of the open
     *                    connections at the measured throughput (connections x pipeline / msgs per second);
     *                    complete runs are within 2% of 1, and under 0.9 raises latency_incomplete; null in an
     *                    open loop or when nothing was measured
     */
    public record LatencyUs(Latency uncorrected, Latency corrected, Double littleRatio) {
    }

    /**
     * Percentiles of one latency histogram, microseconds (HdrHistogram, 3 significant digits: each percentile is
     * the highest value equivalent to the recorded one at that precision).
     *
     * @param count messages recorded: those intended to be sent inside the measured window and echoed intact, and
     *              those given up that were waiting in it (lower_bound_samples)
     * @param mean  mean latency, µs
     * @param p50   median, µs
     * @param p90   90th percentile, µs
     * @param p99   99th percentile, µs
     * @param p999  99.9th percentile, µs
     * @param p9999 99.99th percentile, µs
     * @param max   largest latency recorded, µs
     * @param lowerBoundSamples messages given up and recorded at a lower bound of their latency rather than left
     *              out: skipped because their connection had the most messages outstanding it may (recorded up to
     *              the echo that freed a slot), or unanswered at the drain time-out or when their connection failed
     *              (up to then), sent inside the window or still waiting in it. With any, the percentiles above them
     *              are lower bounds too
     */
    public record Latency(long count, double mean, long p50, long p90, long p99, long p999, long p9999, long max,
                          long lowerBoundSamples) {

        /**
         * The percentiles of a microsecond histogram, read from the histogram itself, never averaged.
         *
         * @param lowerBounds how many of its values are lower bounds
         */
        public static Latency of(Histogram us, long lowerBounds) {
            return new Latency(us.getTotalCount(), Rounding.round(us.getMean(), 1), us.getValueAtPercentile(50),
                    us.getValueAtPercentile(90), us.getValueAtPercentile(99), us.getValueAtPercentile(99.9),
                    us.getValueAtPercentile(99.99), us.getMaxValue(), lowerBounds);
        }
    }

    /**
     * @param connected   connections established (active and idle)
     * @param failed      connects that failed (refused, timed out or otherwise: see errors)
     * @param durationMs  wall time to open all connections, milliseconds
     * @param firstEchoUs per connection, the time from its first send to its first intact echo, microseconds;
     *                    shows a server that leaves new connections waiting (a saturated thread pool); null when
     *                    no connection got an echo
     * @param settleMs    wall time from the last connect until every connection had echoed once (an active one
     *                    its first message, an idle one a single byte) and the server held a descriptor for each,
     *                    or until the connect time-out gave up waiting, milliseconds; the memory per connection
     *                    and the idle window are measured after it, so that they see connections the server has
     *                    accepted and registered; null in files written before it existed
     * @param settled     whether that completed within the connect time-out; false when the server left some
     *                    connection unserved (a thread pool smaller than its connections) or closed it, so the
     *                    figures measured after it describe fewer connections than the point says; null in files
     *                    written before it existed
     */
    public record Connect(int connected, int failed, double durationMs, FirstEcho firstEchoUs, Double settleMs,
                          Boolean settled) {
    }

    /**
     * Percentiles over connections of the time from a connection's first send to its first intact echo. A
     * connection that got none within the connect time-out counts at its wait until then, a lower bound, so a
     * server that leaves connections unserved shows here rather than only its lucky connections.
     *
     * @param p50        median over connections, µs
     * @param p99        99th percentile over connections, µs
     * @param max        the slowest connection, µs
     * @param unanswered connections that got no first echo and count at their lower bound; null in older files
     */
    public record FirstEcho(long p50, long p99, long max, Long unanswered) {

        /**
         * The percentiles of a histogram of first echoes, µs, {@code unanswered} of them lower bounds; null when it
         * is empty.
         */
        public static FirstEcho of(Histogram us, long unanswered) {
            return us.getTotalCount() == 0 ? null : new FirstEcho(us.getValueAtPercentile(50),
                    us.getValueAtPercentile(99), us.getMaxValue(), unanswered);
        }
    }

    /**
     * Errors over the whole run, counts.
     *
     * @param connect         connects that failed other than by refusal (timed out, unreachable, out of ports)
     * @param io              other failures of established connections, including the server closing one
     * @param reset           connections reset by the server
     * @param refused         connects refused
     * @param mismatch        echoes that differed from the message sent (one per message)
     * @param timeout         messages unanswered when the drain time-out after the window expired
     * @param backlogOverflow open-loop sends skipped because the connection had the maximum outstanding
     */
    public record Errors(long connect, long io, long reset, long refused, long mismatch, long timeout,
                         long backlogOverflow) {

        /** A run without errors. */
        public static final Errors NONE = new Errors(0, 0, 0, 0, 0, 0, 0);

        /** All kinds summed. */
        public long total() {
            return connect + io + reset + refused + mismatch + timeout + backlogOverflow;
        }
    }

    /**
     * CPU a process used over the measured window, from /proc/PID/stat.
     *
     * @param cpuUserS    user CPU, seconds
     * @param cpuSysS     system CPU, seconds
     * @param cpuCores    (user + sys) / wall seconds of the window: cores kept busy
     * @param cpuUsPerMsg CPU microseconds per echoed message; null when no message was echoed
     */
    public record CpuUse(double cpuUserS, double cpuSysS, double cpuCores, Double cpuUsPerMsg) {

        /** No CPU measured: a client that failed before its window. */
        public static final CpuUse NONE = new CpuUse(0, 0, 0, null);

        /** What {@code userS + sysS} over {@code wallS} seconds and {@code messages} echoes come to. */
        public static CpuUse of(double userS, double sysS, double wallS, long messages) {
            return new CpuUse(Rounding.round(userS, 3), Rounding.round(sysS, 3),
                    Rounding.round(wallS > 0 ? (userS + sysS) / wallS : 0, 4),
                    Rounding.perMessage((userS + sysS) * 1e6, messages));
        }
    }

    /**
     * Context switches over the measured window, summed over the process's threads (/proc/PID/task/*&#47;status).
     *
     * @param voluntary   voluntary context switches, summed over the threads: a thread blocked or yielded
     * @param involuntary involuntary (preempted) context switches, summed over the threads
     * @param perMsg      both kinds per echoed message; null when no message was echoed
     */
    public record ContextSwitches(long voluntary, long involuntary, Double perMsg) {

        public static ContextSwitches of(long voluntary, long involuntary, long messages) {
            return new ContextSwitches(voluntary, involuntary, Rounding.perMessage(voluntary + involuntary, messages));
        }
    }

    /**
     * The server process at the end of the measured window.
     *
     * @param threads    threads at the end of the window
     * @param rssMib     resident memory at the end of the window, MiB
     * @param rssPeakMib peak resident memory (VmHWM), MiB
     * @param fds        open descriptors at the end of the window
     */
    public record ProcessSize(int threads, double rssMib, double rssPeakMib, int fds) {
    }

    /**
     * What connections cost the server in memory.
     *
     * @param rssBeforeConnectMib    resident memory before the client connected, MiB
     * @param memoryPerConnectionKib growth of resident memory from before connecting to after every (active and
     *                               idle) connection was open, per connection, KiB; null under 100 connections,
     *                               where the growth is the server's class loading and compilation, not the
     *                               connections' cost
     */
    public record ConnectionMemory(double rssBeforeConnectMib, Double memoryPerConnectionKib) {
    }

    /**
     * Time the server's threads spent runnable but waiting for a CPU, over the measured window
     * (/proc/PID/task/TID/schedstat). The kernel adds a wait when the thread gets the CPU, so a thread still
     * waiting when the window closes adds nothing: a lower bound.
     *
     * @param runqueueWaitS        seconds the server's threads spent runnable but waiting for a CPU, summed over
     *                             threads; a lower bound (a thread still waiting when the window closes adds
     *                             nothing); null where the kernel does not keep it
     * @param runqueueWaitUsPerMsg that wait per echoed message, µs: how long a message's thread waited for a CPU on
     *                             average; null when no message was echoed or the wait is not kept
     */
    public record RunqueueWait(Double runqueueWaitS, Double runqueueWaitUsPerMsg) {

        /** Not kept by this kernel. */
        public static final RunqueueWait UNKNOWN = new RunqueueWait(null, null);

        /** @param waitS seconds waited, or null where the kernel does not keep it */
        public static RunqueueWait of(Double waitS, long messages) {
            return waitS == null ? UNKNOWN
                    : new RunqueueWait(Rounding.round(waitS, 4), Rounding.perMessage(waitS * 1e6, messages));
        }
    }

    /**
     * The server process over the measured window (unless said otherwise), from /proc.
     *
     * @param pid             the server's process id
     * @param cpu             its CPU
     * @param idleCpuCores    cores used while all connections were open and silent (the idle window); null when
     *                        there was no idle window. Busy polling shows here.
     * @param contextSwitches its context switches
     * @param size            its threads, memory and descriptors
     * @param memory          what connections cost it in memory
     * @param cpuStealPct     the share of the time of the server's CPUs (its affinity) that the hypervisor gave to
     *                        other guests, percent, from /proc/stat: on a VM, a noisy run shows here and nowhere
     *                        else; null where /proc/stat was not read
     * @param runqueueWait    how long its threads waited for a CPU
     * @param busiestThreadBusy the share of the window its busiest thread was running or waiting to run, 0 to 1:
     *                        near 1, a single-threaded server (or one hot event loop) was at its limit, whatever
     *                        the process's cores say; null where the kernel does not keep schedstat
     * @param threadsExited   threads that ended in the window: their context switches and waits after the
     *                        window began are missing from the figures above (a lower bound); null when not read
     */
    public record Server(long pid, @JsonUnwrapped CpuUse cpu, Double idleCpuCores,
                         @JsonUnwrapped(prefix = "ctx_switches_") ContextSwitches contextSwitches,
                         @JsonUnwrapped ProcessSize size, @JsonUnwrapped ConnectionMemory memory, Double cpuStealPct,
                         @JsonUnwrapped RunqueueWait runqueueWait, Double busiestThreadBusy, Integer threadsExited) {
    }

    /**
     * The load client's own process over the measured window.
     *
     * @param cpu            its CPU
     * @param coresAvailable CPUs the client may run on (its affinity)
     * @param io             how its IO threads talked to the kernel: {@code io_uring} or {@code selector}, or, in a
     *                       run merged from clients that differed, theirs joined by {@code +}; null in results
     *                       written before the client had a choice
     * @param cpuStealPct    the share of the time of the client's CPUs that the hypervisor gave to other guests,
     *                       percent; null where /proc/stat was not read
     * @param runqueueWaitS  seconds the client's IO threads spent runnable but waiting for a CPU, summed: time
     *                       they were held up behind the client's own compiler or reporter threads or another
     *                       process; null where the kernel does not keep it
     * @param ioBusy         the share of the window the client's IO threads were running or waiting to run, never
     *                       idle in epoll_wait or io_uring_enter, 0 to 1, the pacing polling of an open loop left
     *                       out: at 0.9 or more the client was at its limit; null where the kernel does not keep
     *                       schedstat
     * @param route          the address and interface the client's connections left its host from; null in results
     *                       written before it was recorded
     */
    public record Client(@JsonUnwrapped CpuUse cpu, int coresAvailable, String io, Double cpuStealPct,
                         Double runqueueWaitS, Double ioBusy, Route route) {

        /** A client whose route was not recorded. */
        public Client(CpuUse cpu, int coresAvailable, String io, Double cpuStealPct, Double runqueueWaitS,
                      Double ioBusy) {
            this(cpu, coresAvailable, io, cpuStealPct, runqueueWaitS, ioBusy, null);
        }
    }

    /**
     * Where a client's connections left its host from: on a host with several NICs, which one carried the load.
     *
     * @param sourceAddress the local address the kernel routes to the target from; null where not known
     * @param interfaceName the network interface holding that address ({@code lo} on loopback); null where not
     *                      known
     */
    public record Route(String sourceAddress, String interfaceName) {
    }

    /**
     * What to distrust about a run: the flags a report shows beside its figures.
     *
     * @param clientBound       the client's IO threads were busy (client.io_busy) at least 90% of the window while
     *                          the server was not saturated (its cores under 90% of its CPUs and its busiest thread
     *                          under 90% busy): the client, not the server, was the limit
     * @param rateMissed        open loop: fewer than 95% of the target rate's messages were echoed
     * @param latencyIncomplete closed loop: the recorded latencies' mean is under 0.9 of what Little's law
     *                          requires of the open connections at the measured throughput (latency_us.little_ratio
     *                          under 0.9). Messages that waited longer than the window left no sample: the
     *                          percentiles describe only the connections that were served.
     * @param bothSaturated     the client's IO threads and the server were both at their limit: the point measured
     *                          the pair. The server's CPU per message is still its own; its throughput is the
     *                          pair's. On a loopback host with a core a side this is the expected state at load.
     * @param failed            the run did not complete (no connection, the server died, no echo at all)
     * @param reason            one line saying why it failed, or null
     * @param stalled           some connection had a message sent and went without an echo for a tenth of the
     *                          measured window or longer inside it, the client's own stalls left out
     *                          (stalled_connections, stalled_s): the server stopped answering it, and the throughput
     *                          and percentiles hide that (a closed loop sends nothing while it waits); the
     *                          messages still unanswered when the run gave up are latency lower bounds
     * @param clientStalled     the client's IO threads did not run for a tenth of the measured window or longer at
     *                          a stretch (client_stalled_max_gap_ms): the process was stopped or its CPU taken, and
     *                          the latency it measured then was its own, not the server's
     * @param corrupt           some echo differed from the message sent (errors.mismatch above 0): the server did not
     *                          echo, so its figures measure something else; a report shows the run as invalid, as it
     *                          shows a failed one
     * @param stalls            how long connections and the client went without running or being answered
     */
    public record RunFlags(boolean clientBound, boolean rateMissed, boolean latencyIncomplete, boolean bothSaturated,
                           boolean failed, String reason, boolean stalled, boolean clientStalled, boolean corrupt,
                           @JsonUnwrapped Stalls stalls) {

        /** A flag a completed run's figures carry. */
        public enum Flag {
            CLIENT_BOUND("client_bound", Weight.SUSPECT), RATE_MISSED("rate_missed", Weight.SUSPECT),
            LATENCY_INCOMPLETE("latency_incomplete", Weight.SUSPECT), BOTH_SATURATED("both_saturated", Weight.NOTE),
            STALLED("stalled", Weight.SUSPECT), CLIENT_STALLED("client_stalled", Weight.SUSPECT),
            CORRUPT("corrupt", Weight.INVALID);

            /** What a raised flag does to the run's figures. */
            public enum Weight {
                /** Says how to read them (both sides at their limit). */
                NOTE,
                /** Makes them suspect: measured, but not the server's alone, or not all its connections'. */
                SUSPECT,
                /** Makes them invalid: what was measured was not an echo server (wrong bytes came back). */
                INVALID
            }

            private final String fieldName;
            private final Weight weight;

            Flag(String fieldName, Weight weight) {
                this.fieldName = fieldName;
                this.weight = weight;
            }

            /** The flag's name in the file, e.g. {@code client_bound}. */
            public String fieldName() {
                return fieldName;
            }

            /**
             * Whether the flag makes the run's figures suspect (not the server's alone, or not all its connections')
             * or invalid, rather than saying how to read them (both sides at their limit).
             */
            public boolean suspect() {
                return weight != Weight.NOTE;
            }

            /** Whether the flag makes the run's figures invalid: the run is shown as a failed one is. */
            public boolean invalid() {
                return weight == Weight.INVALID;
            }
        }

        /** Nothing raised, nothing failed. */
        public static final RunFlags NONE = new RunFlags(false, false, false, false, false, null, false, false, false,
                Stalls.UNKNOWN);

        public RunFlags {
            stalls = stalls != null ? stalls : Stalls.UNKNOWN;
        }

        /** The flags raised on a completed run; failed when {@code failure} is not null. */
        public static RunFlags of(Set<Flag> raised, String failure) {
            return of(raised, Stalls.UNKNOWN, failure);
        }

        /** The flags raised on a completed run, with its stalls as measured; failed when {@code failure} is not null. */
        public static RunFlags of(Set<Flag> raised, Stalls stalls, String failure) {
            return new RunFlags(raised.contains(Flag.CLIENT_BOUND), raised.contains(Flag.RATE_MISSED),
                    raised.contains(Flag.LATENCY_INCOMPLETE), raised.contains(Flag.BOTH_SATURATED), failure != null,
                    failure, raised.contains(Flag.STALLED), raised.contains(Flag.CLIENT_STALLED),
                    raised.contains(Flag.CORRUPT), stalls);
        }

        static RunFlags failedBecause(String reason) {
            return new RunFlags(false, false, false, false, true, reason, false, false, false, Stalls.UNKNOWN);
        }

        /** These flags once the server is known to have been at its limit too: client_bound becomes both_saturated. */
        RunFlags serverSaturatedToo() {
            return new RunFlags(false, rateMissed, latencyIncomplete, bothSaturated || clientBound, failed, reason,
                    stalled, clientStalled, corrupt, stalls);
        }

        RunFlags withFailure(String more) {
            String reasons = reason == null || reason.isBlank() ? more : reason + "; " + more;
            return new RunFlags(clientBound, rateMissed, latencyIncomplete, bothSaturated, true, reasons, stalled,
                    clientStalled, corrupt, stalls);
        }

        /** The raised flags, in the order of the file. */
        @JsonIgnore
        public Set<Flag> raised() {
            Set<Flag> raised = EnumSet.noneOf(Flag.class);
            if (clientBound) {
                raised.add(Flag.CLIENT_BOUND);
            }
            if (rateMissed) {
                raised.add(Flag.RATE_MISSED);
            }
            if (latencyIncomplete) {
                raised.add(Flag.LATENCY_INCOMPLETE);
            }
            if (bothSaturated) {
                raised.add(Flag.BOTH_SATURATED);
            }
            if (stalled) {
                raised.add(Flag.STALLED);
            }
            if (clientStalled) {
                raised.add(Flag.CLIENT_STALLED);
            }
            if (corrupt) {
                raised.add(Flag.CORRUPT);
            }
            return raised;
        }

        /** Whether a raised flag makes the figures invalid ({@code corrupt}): shown as a failed run is. */
        @JsonIgnore
        public boolean invalid() {
            return raised().stream().anyMatch(Flag::invalid);
        }
    }

    /**
     * How long the run went unanswered, or without running, at a stretch inside the measured window: the measures
     * behind {@code stalled} and {@code client_stalled}, recorded whether or not a flag was raised.
     *
     * @param stalledS              the longest time a stalled connection went without an echo with a message sent,
     *                              inside the measured window and the client's own stalls left out, seconds; 0 when
     *                              no connection stalled; null when nothing was measured (or in files written before
     *                              it existed)
     * @param stalledConnections    connections that went without an echo for a tenth of the measured window or
     *                              longer inside it; null when nothing was measured
     * @param clientStalledMaxGapMs the longest time an IO thread of the client did not run inside the measured window,
     *                              milliseconds: how much later than it asked to be woken it came back from a wait
     *                              (it never waits longer than 40 ms), or how long one turn of its loop took;
     *                              stretches under 10 ms count as 0; null when nothing was measured
     */
    public record Stalls(Double stalledS, Integer stalledConnections, Double clientStalledMaxGapMs) {

        /** Not measured: the run failed before its window, or the file is older than these fields. */
        public static final Stalls UNKNOWN = new Stalls(null, null, null);
    }

    /**
     * Where the run ran. Results from different machines, kernels or JDKs do not compare.
     *
     * @param kernel           kernel release
     * @param cpuModel         CPU model name
     * @param cores            logical CPUs of the host
     * @param jdk              the client's JDK, version and vendor
     * @param clientJvmOptions the client JVM's options
     * @param serverJvmOptions the server JVM's options; null without a server pid or when the server is not java
     * @param serverCommand    the server's command line; null without a server pid. A sweep's manifest shows
     *                         {@code --model <model>} in it, each run's result the model it ran
     * @param pinning          CPUs each side may run on
     * @param hostname         the host's name
     * @param tuning           how the host was tuned for the network (sysctls, CPU frequency, huge pages, SMT,
     *                         mitigations, hypervisor); on several hosts the server's. Null in files older than it
     */
    public record Environment(String kernel, String cpuModel, int cores, String jdk, List<String> clientJvmOptions,
                              List<String> serverJvmOptions, String serverCommand, Pinning pinning,
                              String hostname, HostTuning tuning) {

        /** This environment with {@code command} as the server's command line. */
        public Environment withServerCommand(String command) {
            return new Environment(kernel, cpuModel, cores, jdk, clientJvmOptions, serverJvmOptions, command, pinning,
                    hostname, tuning);
        }
    }

    /**
     * The CPUs each process was allowed to run on, as it found them: a sweep pins with taskset, {@code iobench load}
     * alone pins nothing, and a user may have pinned either side by hand.
     *
     * @param serverCpus   the server's CPU affinity list (e.g. "0"); null without a server pid
     * @param clientCpus   the client's CPU affinity list (e.g. "1")
     * @param serverPinned whether the server's affinity left out some of the host's CPUs; null without a server pid
     *                     or in files older than this field
     * @param clientPinned whether the client's affinity left out some of the host's CPUs; null in older files
     */
    public record Pinning(String serverCpus, String clientCpus, Boolean serverPinned, Boolean clientPinned) {

        /**
         * @param serverCores how many CPUs the server may use; null without a server pid
         * @param clientCores how many CPUs the client may use
         * @param hostCores   the host's CPUs
         */
        public static Pinning of(String serverCpus, Integer serverCores, String clientCpus, int clientCores,
                                 int hostCores) {
            return new Pinning(serverCpus, clientCpus, serverCores == null ? null : serverCores < hostCores,
                    clientCores < hostCores);
        }
    }

    /**
     * @param uncorrectedHgrm percentile distribution of uncorrected latency, milliseconds
     * @param correctedHgrm   the same for corrected latency; null in a closed loop
     * @param hlog            the interval log, one histogram per second and tag, microseconds
     */
    public record Files(String uncorrectedHgrm, String correctedHgrm, String hlog) {

        /** The names {@code iobench load} gives them; the corrected distribution only in an open loop. */
        public static Files standard(LoadMode mode) {
            return new Files(RunFiles.UNCORRECTED_HGRM, mode == LoadMode.OPEN ? RunFiles.CORRECTED_HGRM : null,
                    RunFiles.HLOG);
        }
    }
}
