package io.iobench.results;

import java.util.List;

/**
 * What no measurement produces, found in a {@link RunResult} as read: a negative count, rate, time, size or
 * percentile, fewer than one connection, a figure that is NaN or infinite, percentiles of one histogram that
 * decrease, more lower-bound samples than samples. A file holding one was damaged or hand-edited; drawn, it would
 * be a point off every axis or a bar below zero. Each problem names its field as the file spells it, so the warning
 * points at the line to look at: {@code throughput.msgs_per_s is -78533, must be >= 0}.
 *
 * <p>Null is never a problem here: the schema says where a figure is null by design (memory per connection under
 * 100 connections, latency of a run that produced none, everything measured of a failed run), and the field's type
 * says it can be. Two figures are checked less than their names suggest, on purpose:
 * {@code server.memory_per_connection_kib} is a difference of resident memory, negative when the server's memory
 * shrank while the connections opened (a collector returning pages), so only finiteness is checked; and
 * {@code server.busiest_thread_busy} and {@code client.io_busy}, 0 to 1 in principle, are schedstat's nanoseconds
 * over a window timed by another clock and may end a little above 1, so only their sign is.
 */
final class RunResultValidator {

    private static final String[] PERCENTILES = {"p50", "p90", "p99", "p999", "p9999", "max"};
    private static final String[] FIRST_ECHO = {"p50", "p99", "max"};
    private static final double PERCENT = 100;

    private RunResultValidator() {
    }

    /** @return one line per impossible value, in the order of the file; empty for a sound result */
    static List<String> problems(RunResult run) {
        FieldCheck check = new FieldCheck();
        point(run.point(), check);
        if (run.timing() != null) {
            check.atLeast("warmup_s", run.timing().warmupS(), 0);
            check.atLeast("duration_s", run.timing().durationS(), 0);
            check.atLeast("measured_s", run.timing().measuredS(), 0);
        }
        if (run.throughput() != null) {
            check.atLeast("throughput.messages", run.throughput().messages(), 0);
            check.atLeast("throughput.msgs_per_s", run.throughput().msgsPerS(), 0);
            check.atLeast("throughput.mib_per_s", run.throughput().mibPerS(), 0);
        }
        if (run.latencyUs() != null) {
            latency("latency_us.uncorrected", run.latencyUs().uncorrected(), check);
            latency("latency_us.corrected", run.latencyUs().corrected(), check);
            check.atLeast("latency_us.little_ratio", run.latencyUs().littleRatio(), 0);
        }
        connect(run.connect(), check);
        errors(run.errors(), check);
        server(run.server(), check);
        client(run.client(), check);
        RunResult.Stalls stalls = run.flags().stalls();
        if (stalls != null) {
            check.atLeast("flags.stalled_s", stalls.stalledS(), 0);
            check.atLeast("flags.stalled_connections", stalls.stalledConnections(), 0);
            check.atLeast("flags.client_stalled_max_gap_ms", stalls.clientStalledMaxGapMs(), 0);
        }
        if (run.environment() != null) {
            check.atLeast("environment.cores", run.environment().cores(), 0);
            tuning("environment.tuning", run.environment().tuning(), check);
        }
        profile(run.profile(), check);
        return check.problems();
    }

    /** Frequencies, a backlog, buffer sizes and busy-poll times: none is negative on any kernel. */
    private static void tuning(String field, HostTuning tuning, FieldCheck check) {
        if (tuning == null) {
            return;
        }
        check.atLeast(field + ".cpufreq_min_khz", tuning.cpufreqMinKhz(), 0);
        check.atLeast(field + ".cpufreq_max_khz", tuning.cpufreqMaxKhz(), 0);
        check.atLeast(field + ".somaxconn", tuning.somaxconn(), 0);
        bytes(field + ".tcp_rmem_bytes", tuning.tcpRmemBytes(), check);
        bytes(field + ".tcp_wmem_bytes", tuning.tcpWmemBytes(), check);
        check.atLeast(field + ".busy_poll_us", tuning.busyPollUs(), 0);
        check.atLeast(field + ".busy_read_us", tuning.busyReadUs(), 0);
    }

    private static void bytes(String field, List<Long> values, FieldCheck check) {
        if (values != null) {
            for (int i = 0; i < values.size(); i++) {
                check.atLeast(field + "[" + i + "]", values.get(i), 0);
            }
        }
    }

    private static void profile(RunProfile profile, FieldCheck check) {
        if (profile == null) {
            return;
        }
        RunProfile.Syscalls syscalls = profile.syscalls();
        if (syscalls != null) {
            check.atLeast("profile.syscalls.window_s", syscalls.windowS(), 0);
            check.atLeast("profile.syscalls.total", syscalls.total(), 0);
            syscalls.calls().forEach((call, count) -> check.atLeast("profile.syscalls.calls." + call, count, 0));
            check.atLeast("profile.syscalls.total_per_message", syscalls.totalPerMessage(), 0);
            if (syscalls.perMessage() != null) {
                syscalls.perMessage().forEach((call, each) ->
                        check.atLeast("profile.syscalls.per_message." + call, each, 0));
            }
        }
        check.atLeast("profile.pause_threshold_ms", profile.pauseThresholdMs(), 0);
        if (profile.pauses() != null) {
            for (int i = 0; i < profile.pauses().size(); i++) {
                check.atLeast("profile.pauses[" + i + "].duration_ms", profile.pauses().get(i).durationMs(), 0);
            }
        }
    }

    private static void point(RunResult.Point point, FieldCheck check) {
        // Every chart and table places a run by its connections: without one there is nowhere to put it.
        check.atLeast("connections", point.connections(), 1);
        check.atLeast("idle_connections", point.idleConnections(), 0);
        check.atLeast("size", point.size(), 0);
        check.atLeast("pipeline", point.pipeline(), 1);
        check.atLeast("rate_target_msgs_per_s", point.rateTargetMsgsPerS(), 1);
        check.atLeast("threads", point.threads(), 0);
    }

    private static void latency(String field, RunResult.Latency latency, FieldCheck check) {
        if (latency == null) {
            return;
        }
        long[] percentiles = {latency.p50(), latency.p90(), latency.p99(), latency.p999(), latency.p9999(),
                latency.max()};
        check.atLeast(field + ".count", latency.count(), 0);
        check.atLeast(field + ".mean", latency.mean(), 0);
        for (int i = 0; i < PERCENTILES.length; i++) {
            check.atLeast(field + "." + PERCENTILES[i], percentiles[i], 0);
        }
        check.atLeast(field + ".lower_bound_samples", latency.lowerBoundSamples(), 0);
        check.ascending(field, PERCENTILES, percentiles);
        check.atMost(field + ".lower_bound_samples", latency.lowerBoundSamples(), "count", latency.count());
    }

    private static void connect(RunResult.Connect connect, FieldCheck check) {
        if (connect == null) {
            return;
        }
        check.atLeast("connect.connected", connect.connected(), 0);
        check.atLeast("connect.failed", connect.failed(), 0);
        check.atLeast("connect.duration_ms", connect.durationMs(), 0);
        RunResult.FirstEcho firstEcho = connect.firstEchoUs();
        if (firstEcho != null) {
            long[] percentiles = {firstEcho.p50(), firstEcho.p99(), firstEcho.max()};
            for (int i = 0; i < FIRST_ECHO.length; i++) {
                check.atLeast("connect.first_echo_us." + FIRST_ECHO[i], percentiles[i], 0);
            }
            check.ascending("connect.first_echo_us", FIRST_ECHO, percentiles);
            check.atLeast("connect.first_echo_us.unanswered", firstEcho.unanswered(), 0);
        }
        check.atLeast("connect.settle_ms", connect.settleMs(), 0);
    }

    private static void errors(RunResult.Errors errors, FieldCheck check) {
        if (errors == null) {
            return;
        }
        check.atLeast("errors.connect", errors.connect(), 0);
        check.atLeast("errors.io", errors.io(), 0);
        check.atLeast("errors.reset", errors.reset(), 0);
        check.atLeast("errors.refused", errors.refused(), 0);
        check.atLeast("errors.mismatch", errors.mismatch(), 0);
        check.atLeast("errors.timeout", errors.timeout(), 0);
        check.atLeast("errors.backlog_overflow", errors.backlogOverflow(), 0);
    }

    private static void server(RunResult.Server server, FieldCheck check) {
        if (server == null) {
            return;
        }
        check.atLeast("server.pid", server.pid(), 0);
        cpu("server", server.cpu(), check);
        check.atLeast("server.idle_cpu_cores", server.idleCpuCores(), 0);
        if (server.contextSwitches() != null) {
            check.atLeast("server.ctx_switches_voluntary", server.contextSwitches().voluntary(), 0);
            check.atLeast("server.ctx_switches_involuntary", server.contextSwitches().involuntary(), 0);
            check.atLeast("server.ctx_switches_per_msg", server.contextSwitches().perMsg(), 0);
        }
        if (server.size() != null) {
            check.atLeast("server.threads", server.size().threads(), 0);
            check.atLeast("server.rss_mib", server.size().rssMib(), 0);
            check.atLeast("server.rss_peak_mib", server.size().rssPeakMib(), 0);
            check.atLeast("server.fds", server.size().fds(), 0);
        }
        if (server.memory() != null) {
            check.atLeast("server.rss_before_connect_mib", server.memory().rssBeforeConnectMib(), 0);
            check.finite("server.memory_per_connection_kib", server.memory().memoryPerConnectionKib());
        }
        check.within("server.cpu_steal_pct", server.cpuStealPct(), 0, PERCENT);
        if (server.runqueueWait() != null) {
            check.atLeast("server.runqueue_wait_s", server.runqueueWait().runqueueWaitS(), 0);
            check.atLeast("server.runqueue_wait_us_per_msg", server.runqueueWait().runqueueWaitUsPerMsg(), 0);
        }
        check.atLeast("server.busiest_thread_busy", server.busiestThreadBusy(), 0);
        check.atLeast("server.threads_exited", server.threadsExited(), 0);
    }

    private static void client(RunResult.Client client, FieldCheck check) {
        if (client == null) {
            return;
        }
        cpu("client", client.cpu(), check);
        check.atLeast("client.cores_available", client.coresAvailable(), 0);
        check.within("client.cpu_steal_pct", client.cpuStealPct(), 0, PERCENT);
        check.atLeast("client.runqueue_wait_s", client.runqueueWaitS(), 0);
        check.atLeast("client.io_busy", client.ioBusy(), 0);
    }

    private static void cpu(String side, RunResult.CpuUse cpu, FieldCheck check) {
        if (cpu == null) {
            return;
        }
        check.atLeast(side + ".cpu_user_s", cpu.cpuUserS(), 0);
        check.atLeast(side + ".cpu_sys_s", cpu.cpuSysS(), 0);
        check.atLeast(side + ".cpu_cores", cpu.cpuCores(), 0);
        check.atLeast(side + ".cpu_us_per_msg", cpu.cpuUsPerMsg(), 0);
    }
}
