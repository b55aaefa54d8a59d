package io.iobench.client;

import io.iobench.results.LoadMode;
import io.iobench.results.RunProfile;
import io.iobench.results.RunResult;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The human summary of a run on stdout, in the spirit of wrk's: what ran, throughput, latency, costs, flags, and
 * last where its files are ({@link LoadOptions#resultLine}).
 */
final class RunSummary {

    private RunSummary() {
    }

    static void print(PrintStream out, RunResult r, long clamped, double spinS, Path dir) {
        RunResult.Point p = r.point();
        String load = p.mode() == LoadMode.OPEN ? "open loop at " + p.rateTargetMsgsPerS() + " msgs/s"
                : "closed loop, pipeline " + p.pipeline();
        out.println(String.format(Locale.ROOT, "%s  %s  %d connections%s  %d B  %s  %.1fs measured after %.1fs warm-up",
                p.model(), p.target(), p.connections(),
                p.idleConnections() > 0 ? " + " + p.idleConnections() + " idle" : "", p.size(), load,
                r.timing().measuredS(), r.timing().warmupS()));
        out.println(String.format(Locale.ROOT, "  throughput  %,.1f msgs/s  %.3f MiB/s  (%,d messages)",
                r.throughput().msgsPerS(), r.throughput().mibPerS(), r.throughput().messages()));
        out.println("  latency ms       p50       p90       p99     p99.9    p99.99       max");
        out.println(latencyRow("uncorrected", r.latencyUs().uncorrected()));
        if (r.latencyUs().corrected() != null) {
            out.println(latencyRow("corrected", r.latencyUs().corrected()));
        }
        RunResult.Latency primary = r.latencyUs().corrected() != null ? r.latencyUs().corrected()
                : r.latencyUs().uncorrected();
        if (primary.lowerBoundSamples() > 0) {
            out.println(String.format(Locale.ROOT, "  given up    %,d messages unanswered or skipped, recorded at the"
                    + " time they had waited: lower bounds", primary.lowerBoundSamples()));
        }
        RunResult.Errors e = r.errors();
        out.println(String.format(Locale.ROOT,
                "  errors      connect %d  refused %d  reset %d  io %d  mismatch %d  timeout %d  backlog_overflow %d",
                e.connect(), e.refused(), e.reset(), e.io(), e.mismatch(), e.timeout(), e.backlogOverflow()));
        if (r.server() != null) {
            RunResult.Server s = r.server();
            out.println(String.format(Locale.ROOT,
                    "  server      %.2f cores  %s us/msg  idle %s cores  %d threads  %.1f MiB rss  %s KiB/conn"
                            + "  %s ctx switches/msg  %s us/msg runqueue wait%s",
                    s.cpu().cpuCores(), text(s.cpu().cpuUsPerMsg()), text(s.idleCpuCores()), s.size().threads(),
                    s.size().rssMib(), text(s.memory().memoryPerConnectionKib()), text(s.contextSwitches().perMsg()),
                    text(s.runqueueWait().runqueueWaitUsPerMsg()),
                    steal(s.cpuStealPct())));
        }
        RunResult.Client c = r.client();
        out.println(String.format(Locale.ROOT,
                "  client      %.2f cores of %d  %s us/msg  io %s  (%.2f s polling for pacing)"
                        + "  IO threads waited %s s for a CPU%s",
                c.cpu().cpuCores(), c.coresAvailable(), text(c.cpu().cpuUsPerMsg()), c.io(), spinS,
                text(c.runqueueWaitS()),
                steal(c.cpuStealPct())));
        List<String> flags = new ArrayList<>();
        if (r.flags().clientBound()) {
            flags.add("client_bound (the client may have been the limit)");
        }
        if (r.flags().rateMissed()) {
            flags.add("rate_missed (under 95% of the target rate)");
        }
        if (r.flags().latencyIncomplete()) {
            flags.add("latency_incomplete (the latencies miss messages slower than the window: see the README)");
        }
        RunResult.Stalls stalls = r.flags().stalls();
        if (r.flags().stalled()) {
            flags.add(String.format(Locale.ROOT, "stalled (%d of %d connections went up to %.3f s without an echo:"
                    + " the server stopped answering)", stalls.stalledConnections(), p.connections(), stalls.stalledS()));
        }
        if (r.flags().clientStalled()) {
            flags.add(String.format(Locale.ROOT, "client_stalled (the client's IO thread did not run for %,.0f ms:"
                    + " the latency it measured then is its own)", stalls.clientStalledMaxGapMs()));
        }
        if (r.flags().corrupt()) {
            flags.add(String.format(Locale.ROOT, "corrupt (%,d echoes came back with wrong bytes: the figures are"
                    + " not valid)", e.mismatch()));
        }
        if (clamped > 0) {
            flags.add(clamped + " latencies beyond 60 s recorded as 60 s");
        }
        if (r.flags().failed()) {
            flags.add("FAILED: " + r.flags().reason());
        }
        out.println("  flags       " + (flags.isEmpty() ? "none" : String.join("; ", flags)));
        profile(out, r.profile());
        out.println(LoadOptions.resultLine(dir));
    }

    /** What the profilers found, a line each: the system calls per message, the pauses; nothing when none ran. */
    private static void profile(PrintStream out, RunProfile profile) {
        if (profile == null || !profile.anyRan()) {
            return;
        }
        RunProfile.Syscalls syscalls = profile.syscalls();
        if (syscalls != null && syscalls.perMessage() != null) {
            List<String> calls = new ArrayList<>();
            syscalls.perMessage().forEach((call, each) -> {
                if (each > 0) {
                    calls.add(call + " " + String.format(Locale.ROOT, "%.3f", each));
                }
            });
            out.println(String.format(Locale.ROOT, "  syscalls    %.3f per message (%s)  profiled: not comparable with"
                    + " an unprofiled run", syscalls.totalPerMessage(), String.join(", ", calls)));
        }
        if (profile.pauses() != null) {
            double longestMs = profile.pauses().stream().mapToDouble(RunProfile.Pause::durationMs).max().orElse(0);
            out.println(String.format(Locale.ROOT, "  pauses      %d of %.0f ms or longer, the longest %.3f ms",
                    profile.pauses().size(), profile.pauseThresholdMs(), longestMs));
        }
    }

    private static String latencyRow(String name, RunResult.Latency l) {
        return String.format(Locale.ROOT, "  %-12s %9.3f %9.3f %9.3f %9.3f %9.3f %9.3f", name, l.p50() / 1e3,
                l.p90() / 1e3, l.p99() / 1e3, l.p999() / 1e3, l.p9999() / 1e3, l.max() / 1e3);
    }

    /** What the hypervisor took from a side's CPUs, when it took anything: it explains a slow or noisy run. */
    private static String steal(Double percent) {
        return percent == null || percent == 0 ? ""
                : String.format(Locale.ROOT, "  %.2f%% of its CPUs' time stolen", percent);
    }

    private static String text(Double value) {
        return value == null ? "-" : String.format(Locale.ROOT, "%.3f", value);
    }
}
