package io.iobench.client.result;

import java.util.List;

/**
 * One load run, as written to {@code result.json} (schema {@value #SCHEMA}). This is a public format read by the
 * sweep, the report and other tools: field names are fixed (snake_case in JSON), units are in the names, and a
 * value that does not apply is null. The README's "What a run records" documents every field.
 *
 * @param schema              always {@value #SCHEMA}
 * @param model               the label given with {@code --model} (the sweep passes the IO model), or "unknown"
 * @param target              host:port the load went to
 * @param connections         connections carrying load (requested)
 * @param idleConnections     extra connections opened and never used (requested)
 * @param size                message size, bytes
 * @param mode                "closed" or "open"
 * @param pipeline            closed loop: messages in flight per connection; null in an open loop
 * @param rateTargetMsgsPerS  open loop: the requested rate, messages/s over all connections; null in a closed loop
 * @param warmupS             configured warm-up, seconds
 * @param durationS           configured measured window, seconds
 * @param measuredS           wall seconds of the measured window actually run (shorter when the run failed)
 * @param startedAt           when the run started, ISO-8601 UTC
 * @param throughput          echoes completed in the measured window
 * @param latencyUs           latency percentiles, microseconds
 * @param connect             how connecting went
 * @param errors              errors by kind, over the whole run
 * @param server              the server process's costs; null without {@code --server-pid}
 * @param client              the load client's own costs
 * @param flags               what to distrust about this run
 * @param environment         host, JDKs and pinning
 * @param files               the other files of the run, relative to its directory
 */
public record RunResult(String schema, String model, String target, int connections, int idleConnections, int size,
                        String mode, Integer pipeline, Long rateTargetMsgsPerS, double warmupS, double durationS,
                        double measuredS, String startedAt, Throughput throughput, LatencyUs latencyUs,
                        Connect connect, Errors errors, Server server, Client client, RunFlags flags,
                        Environment environment, Files files) {

    public static final String SCHEMA = "iobench-run/1";

    /**
     * @param messages echoes completed (and intact) inside the measured window
     * @param msgsPerS messages / measured_s
     * @param mibPerS  echoed payload bytes per second, one way, MiB/s (messages * size / 2^20 / measured_s)
     */
    public record Throughput(long messages, double msgsPerS, double mibPerS) {
    }

    /**
     * @param uncorrected latency from the actual send time (the first byte written) to the echo's last byte read
     * @param corrected   latency from the intended send time (open loop, corrected for coordinated omission);
     *                    null in a closed loop
     */
    public record LatencyUs(Latency uncorrected, Latency corrected) {
    }

    /**
     * Percentiles of one latency histogram, microseconds (HdrHistogram, 3 significant digits: each percentile is
     * the highest value equivalent to the recorded one at that precision).
     *
     * @param count messages recorded: those intended to be sent inside the measured window and echoed intact
     * @param mean  mean latency, µs
     * @param p50   median, µs
     * @param p90   90th percentile, µs
     * @param p99   99th percentile, µs
     * @param p999  99.9th percentile, µs
     * @param p9999 99.99th percentile, µs
     * @param max   largest latency recorded, µs
     */
    public record Latency(long count, double mean, long p50, long p90, long p99, long p999, long p9999, long max) {
    }

    /**
     * @param connected   connections established (active and idle)
     * @param failed      connects that failed (refused, timed out or otherwise: see {@link Errors})
     * @param durationMs  wall time to open all connections, milliseconds
     * @param firstEchoUs per connection, the time from its first send to its first intact echo, microseconds;
     *                    shows a server that leaves new connections waiting (a saturated thread pool); null when
     *                    no connection got an echo
     */
    public record Connect(int connected, int failed, double durationMs, FirstEcho firstEchoUs) {
    }

    /**
     * Percentiles over connections of the time from a connection's first send to its first intact echo.
     *
     * @param p50 median over connections, µs
     * @param p99 99th percentile over connections, µs
     * @param max the slowest connection, µs
     */
    public record FirstEcho(long p50, long p99, long max) {
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
    }

    /**
     * The server process over the measured window (unless said otherwise), from /proc.
     *
     * @param pid                    the server's process id
     * @param cpuUserS               user CPU, seconds
     * @param cpuSysS                system CPU, seconds
     * @param cpuCores               (user + sys) / wall seconds of the window: cores kept busy
     * @param cpuUsPerMsg            CPU microseconds per echoed message; null when no message was echoed
     * @param idleCpuCores           cores used while all connections were open and silent (the idle window);
     *                               null when there was no idle window. Busy polling shows here.
     * @param ctxSwitchesVoluntary   voluntary context switches, summed over the server's threads
     * @param ctxSwitchesInvoluntary involuntary (preempted) context switches, likewise
     * @param ctxSwitchesPerMsg      both kinds per echoed message; null when no message was echoed
     * @param threads                threads at the end of the window
     * @param rssMib                 resident memory at the end of the window, MiB
     * @param rssPeakMib             peak resident memory (VmHWM), MiB
     * @param fds                    open descriptors at the end of the window
     * @param rssBeforeConnectMib    resident memory before the client connected, MiB
     * @param memoryPerConnectionKib growth of resident memory from before connecting to after every (active and
     *                               idle) connection was open, per connection, KiB; null when none connected
     * @param cpuStealPct            the share of the time of the server's CPUs (its affinity) that the hypervisor
     *                               gave to other guests, percent; null where /proc/stat was not read
     * @param runqueueWaitS          seconds the server's threads spent runnable but waiting for a CPU, summed over
     *                               threads (/proc/PID/task/TID/schedstat); null where the kernel does not keep it
     * @param runqueueWaitUsPerMsg   that wait per echoed message, µs: how long a message's thread waited for a CPU
     *                               on average; null when no message was echoed or the wait is not kept
     */
    public record Server(long pid, double cpuUserS, double cpuSysS, double cpuCores, Double cpuUsPerMsg,
                         Double idleCpuCores, long ctxSwitchesVoluntary, long ctxSwitchesInvoluntary,
                         Double ctxSwitchesPerMsg, int threads, double rssMib, double rssPeakMib, int fds,
                         double rssBeforeConnectMib, Double memoryPerConnectionKib, Double cpuStealPct,
                         Double runqueueWaitS, Double runqueueWaitUsPerMsg) {
    }

    /**
     * The load client's own process over the measured window.
     *
     * @param cpuUserS       user CPU, seconds
     * @param cpuSysS        system CPU, seconds
     * @param cpuCores       (user + sys) / wall seconds of the window
     * @param cpuUsPerMsg    CPU microseconds per echoed message; null when no message was echoed
     * @param coresAvailable CPUs the client may run on (its affinity)
     * @param io             how its IO threads talked to the kernel: {@code io_uring} or {@code selector}; null in
     *                       results written before the client had a choice
     * @param cpuStealPct    the share of the time of the client's CPUs that the hypervisor gave to other guests,
     *                       percent; null where /proc/stat was not read
     * @param runqueueWaitS  seconds the client's IO threads spent runnable but waiting for a CPU, summed: time
     *                       they were held up behind the client's own compiler or reporter threads or another
     *                       process; null where the kernel does not keep it
     */
    public record Client(double cpuUserS, double cpuSysS, double cpuCores, Double cpuUsPerMsg, int coresAvailable,
                         String io, Double cpuStealPct, Double runqueueWaitS) {
    }

    /**
     * @param clientBound the client's work kept at least 90% of its available cores busy while the server did not
     *                    keep 90% of its own busy: the client, not the server, may have been the limit. Work
     *                    excludes the short polling before timed open-loop sends, which only buys pacing precision.
     * @param rateMissed  open loop: fewer than 95% of the target rate's messages were echoed
     * @param latencyIncomplete closed loop: the recorded latencies' mean is under half of what Little's law
     *                    requires of the open connections at the measured throughput (connections x pipeline /
     *                    msgs per second). Messages that waited longer than the window left no sample: the
     *                    percentiles describe only the connections that were served.
     * @param failed      the run did not complete (no connection, the server died, no echo at all)
     * @param reason      one line saying why it failed, or null
     */
    public record RunFlags(boolean clientBound, boolean rateMissed, boolean latencyIncomplete, boolean failed,
                           String reason) {
    }

    /**
     * @param kernel           kernel release
     * @param cpuModel         CPU model name
     * @param cores            logical CPUs of the host
     * @param jdk              the client's JDK, version and vendor
     * @param clientJvmOptions the client JVM's options
     * @param serverJvmOptions the server JVM's options; null without a server pid or when the server is not java
     * @param serverCommand    the server's command line; null without a server pid
     * @param pinning          CPUs each side may run on
     * @param hostname         the host's name
     */
    public record Environment(String kernel, String cpuModel, int cores, String jdk, List<String> clientJvmOptions,
                              List<String> serverJvmOptions, String serverCommand, Pinning pinning,
                              String hostname) {
    }

    /**
     * @param serverCpus the server's CPU affinity list (e.g. "0"); null without a server pid
     * @param clientCpus the client's CPU affinity list (e.g. "1")
     */
    public record Pinning(String serverCpus, String clientCpus) {
    }

    /**
     * @param uncorrectedHgrm percentile distribution of uncorrected latency, milliseconds
     * @param correctedHgrm   the same for corrected latency; null in a closed loop
     * @param hlog            the interval log, one histogram per second and tag, microseconds
     */
    public record Files(String uncorrectedHgrm, String correctedHgrm, String hlog) {
    }
}
