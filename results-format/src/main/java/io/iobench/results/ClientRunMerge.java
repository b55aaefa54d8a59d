package io.iobench.results;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.HdrHistogram.Histogram;

/**
 * Several clients, one run: the run directories of clients on several hosts that loaded one server over the same
 * window, merged into the run they made together. What adds up is added: messages, msgs/s (each client's over its
 * own window), errors, connections, the clients' CPU; latency comes from their interval logs' histograms added
 * ({@link Histogram#add}), never from averaging their percentiles, and the merged {@code latency.hlog} keeps every
 * interval, ordered by start time on the sweep's clock. What cannot be added takes the worst client: the longest
 * connect and settle, the first-echo percentiles of the client with the slowest, the busiest IO threads, the
 * lowest Little ratio, the longest stalls. Every flag a client raised stays raised, and each client's own figures
 * are kept beside the merge ({@link RunResult.ClientShare}).
 *
 * <p>The server's figures are not the clients' to give: the merge has none, and whoever measured the server where
 * it ran adds them ({@link RunResult#withServer}).
 */
public final class ClientRunMerge {

    /**
     * One client's run as fetched from its host.
     *
     * @param host          the host as the sweep named it, {@code [user@]host}
     * @param dir           its run directory, under the merged run's directory
     * @param clockOffsetMs its host's clock minus the sweep's, ms; null when not measured (taken as 0)
     */
    public record ClientRun(String host, Path dir, Double clockOffsetMs) {

        public ClientRun {
            Objects.requireNonNull(host, "host");
            Objects.requireNonNull(dir, "dir");
        }
    }

    private ClientRunMerge() {
    }

    /**
     * Reads each client's result and interval log, writes the merged {@code latency.hlog} and percentile
     * distributions into {@code mergedDir}, and returns the merged result (without server figures). A client
     * without a readable result makes the merged run failed, naming its host.
     */
    public static RunResult merge(List<ClientRun> clients, Path mergedDir) throws IOException {
        if (clients.isEmpty()) {
            throw new IllegalArgumentException("no client to merge");
        }
        Files.createDirectories(mergedDir);
        List<RunResult> results = new ArrayList<>();
        List<LatencyLogFile.Intervals> logs = new ArrayList<>();
        List<Long> offsetsMs = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (ClientRun client : clients) {
            RunResult result = RunResultFile.read(client.dir().resolve(RunFiles.RESULT_JSON));
            results.add(result);
            if (result.flags().failed()) {
                failures.add(client.host() + ": " + result.flags().reason());
            }
            Path hlog = client.dir().resolve(RunFiles.HLOG);
            if (Files.exists(hlog)) {
                logs.add(LatencyLogFile.read(hlog));
                offsetsMs.add(client.clockOffsetMs() == null ? 0 : Math.round(client.clockOffsetMs()));
            }
        }
        RunResult first = results.getFirst();
        boolean open = first.point().mode() == LoadMode.OPEN;
        Histogram uncorrected = LatencyHistograms.histogram();
        Histogram corrected = LatencyHistograms.histogram();
        for (LatencyLogFile.Intervals log : logs) {
            uncorrected.add(log.total(LatencyLogFile.UNCORRECTED));
            corrected.add(log.total(LatencyLogFile.CORRECTED));
        }
        RunResult.Files files = null;
        if (!logs.isEmpty()) {
            LatencyLogFile.merge(logs, offsetsMs, mergedDir.resolve(RunFiles.HLOG));
            files = RunResult.Files.standard(first.point().mode());
            HgrmFile.write(mergedDir.resolve(files.uncorrectedHgrm()), uncorrected);
            if (open) {
                HgrmFile.write(mergedDir.resolve(files.correctedHgrm()), corrected);
            }
        }
        RunResult merged = RunResult.of(point(results), timing(results), throughput(results),
                latency(results, uncorrected, open ? corrected : null), connect(results), errors(results), null,
                client(results), flags(results, failures), first.environment(), files);
        return merged.withClients(shares(clients, results, mergedDir));
    }

    private static RunResult.Point point(List<RunResult> results) {
        RunResult.Point first = results.getFirst().point();
        int connections = results.stream().mapToInt(r -> r.point().connections()).sum();
        int idle = results.stream().mapToInt(r -> r.point().idleConnections()).sum();
        Long rate = first.rateTargetMsgsPerS() == null ? null
                : results.stream().mapToLong(r -> r.point().rateTargetMsgsPerS()).sum();
        return new RunResult.Point(first.model(), first.target(), connections, idle, first.size(), first.mode(),
                first.pipeline(), rate, first.threads());
    }

    private static RunResult.Timing timing(List<RunResult> results) {
        RunResult.Timing first = results.getFirst().timing();
        double measuredS = results.stream().mapToDouble(r -> r.timing().measuredS()).max().orElse(0);
        String startedAt = results.stream().map(r -> r.timing().startedAt()).filter(Objects::nonNull).sorted()
                .findFirst().orElse(first.startedAt());
        return new RunResult.Timing(first.warmupS(), first.durationS(), measuredS, startedAt);
    }

    private static RunResult.Throughput throughput(List<RunResult> results) {
        List<RunResult.Throughput> all = results.stream().map(RunResult::throughput).filter(Objects::nonNull).toList();
        if (all.isEmpty()) {
            return null;
        }
        return new RunResult.Throughput(all.stream().mapToLong(RunResult.Throughput::messages).sum(),
                Rounding.round(sum(all, RunResult.Throughput::msgsPerS), 1),
                Rounding.round(sum(all, RunResult.Throughput::mibPerS), 3));
    }

    private static RunResult.LatencyUs latency(List<RunResult> results, Histogram uncorrected, Histogram corrected) {
        List<RunResult.LatencyUs> all = results.stream().map(RunResult::latencyUs).filter(Objects::nonNull).toList();
        if (all.isEmpty()) {
            return null;
        }
        long uncorrectedBounds = all.stream().mapToLong(l -> l.uncorrected().lowerBoundSamples()).sum();
        long correctedBounds = all.stream().filter(l -> l.corrected() != null)
                .mapToLong(l -> l.corrected().lowerBoundSamples()).sum();
        Double little = all.stream().map(RunResult.LatencyUs::littleRatio).filter(Objects::nonNull)
                .min(Double::compare).orElse(null);
        return new RunResult.LatencyUs(RunResult.Latency.of(uncorrected, uncorrectedBounds),
                corrected == null ? null : RunResult.Latency.of(corrected, correctedBounds), little);
    }

    private static RunResult.Connect connect(List<RunResult> results) {
        List<RunResult.Connect> all = results.stream().map(RunResult::connect).filter(Objects::nonNull).toList();
        if (all.isEmpty()) {
            return null;
        }
        RunResult.FirstEcho slowest = all.stream().map(RunResult.Connect::firstEchoUs).filter(Objects::nonNull)
                .max((a, b) -> Long.compare(a.p99(), b.p99())).orElse(null);
        Double settleMs = all.stream().map(RunResult.Connect::settleMs).filter(Objects::nonNull)
                .max(Double::compare).orElse(null);
        Boolean settled = all.stream().allMatch(c -> c.settled() == null) ? null
                : all.stream().allMatch(c -> Boolean.TRUE.equals(c.settled()));
        return new RunResult.Connect(all.stream().mapToInt(RunResult.Connect::connected).sum(),
                all.stream().mapToInt(RunResult.Connect::failed).sum(),
                all.stream().mapToDouble(RunResult.Connect::durationMs).max().orElse(0), slowest, settleMs, settled);
    }

    private static RunResult.Errors errors(List<RunResult> results) {
        List<RunResult.Errors> all = results.stream().map(RunResult::errors).filter(Objects::nonNull).toList();
        if (all.isEmpty()) {
            return null;
        }
        return new RunResult.Errors(all.stream().mapToLong(RunResult.Errors::connect).sum(),
                all.stream().mapToLong(RunResult.Errors::io).sum(), all.stream().mapToLong(RunResult.Errors::reset).sum(),
                all.stream().mapToLong(RunResult.Errors::refused).sum(),
                all.stream().mapToLong(RunResult.Errors::mismatch).sum(),
                all.stream().mapToLong(RunResult.Errors::timeout).sum(),
                all.stream().mapToLong(RunResult.Errors::backlogOverflow).sum());
    }

    /** The clients as one: their CPU added over the window, their CPUs added, the busiest IO threads and steal. */
    private static RunResult.Client client(List<RunResult> results) {
        List<RunResult.Client> all = results.stream().map(RunResult::client).filter(Objects::nonNull).toList();
        if (all.isEmpty()) {
            return null;
        }
        double wallS = results.stream().mapToDouble(r -> r.timing().measuredS()).max().orElse(0);
        long messages = results.stream().map(RunResult::throughput).filter(Objects::nonNull)
                .mapToLong(RunResult.Throughput::messages).sum();
        String io = all.stream().map(RunResult.Client::io).filter(Objects::nonNull).distinct()
                .reduce((a, b) -> a + "+" + b).orElse(null);
        return new RunResult.Client(RunResult.CpuUse.of(sum(all, c -> c.cpu().cpuUserS()),
                sum(all, c -> c.cpu().cpuSysS()), wallS, messages),
                all.stream().mapToInt(RunResult.Client::coresAvailable).sum(), io, maxOf(all, RunResult.Client::cpuStealPct),
                all.stream().allMatch(c -> c.runqueueWaitS() == null) ? null
                        : Rounding.round(all.stream().map(RunResult.Client::runqueueWaitS).filter(Objects::nonNull)
                                .mapToDouble(Double::doubleValue).sum(), 4),
                maxOf(all, RunResult.Client::ioBusy));
    }

    private static RunResult.RunFlags flags(List<RunResult> results, List<String> failures) {
        Set<RunResult.RunFlags.Flag> raised = EnumSet.noneOf(RunResult.RunFlags.Flag.class);
        results.forEach(r -> raised.addAll(r.flags().raised()));
        List<RunResult.Stalls> stalls = results.stream().map(r -> r.flags().stalls()).toList();
        RunResult.Stalls worst = new RunResult.Stalls(maxOf(stalls, RunResult.Stalls::stalledS),
                stalls.stream().allMatch(s -> s.stalledConnections() == null) ? null
                        : stalls.stream().map(RunResult.Stalls::stalledConnections).filter(Objects::nonNull)
                                .mapToInt(Integer::intValue).sum(),
                maxOf(stalls, RunResult.Stalls::clientStalledMaxGapMs));
        return RunResult.RunFlags.of(raised, worst, failures.isEmpty() ? null : String.join("; ", failures));
    }

    private static List<RunResult.ClientShare> shares(List<ClientRun> clients, List<RunResult> results,
                                                      Path mergedDir) {
        List<RunResult.ClientShare> shares = new ArrayList<>();
        for (int i = 0; i < clients.size(); i++) {
            ClientRun client = clients.get(i);
            RunResult result = results.get(i);
            RunResult.Throughput throughput = result.throughput();
            RunResult.LatencyUs latency = result.latencyUs();
            RunResult.Latency primary = latency == null ? null
                    : latency.corrected() != null ? latency.corrected() : latency.uncorrected();
            RunResult.Environment environment = result.environment();
            shares.add(new RunResult.ClientShare(client.host(), environment == null ? null : environment.hostname(),
                    environment == null ? null : environment.kernel(),
                    mergedDir.toAbsolutePath().relativize(client.dir().toAbsolutePath()).toString(),
                    result.point().connections(), throughput == null ? 0 : throughput.messages(),
                    throughput == null ? 0 : throughput.msgsPerS(),
                    result.errors() == null ? 0 : result.errors().total(), primary == null ? 0 : primary.p50(),
                    primary == null ? 0 : primary.p99(), result.client() == null ? 0 : result.client().cpu().cpuCores(),
                    result.client() == null ? null : result.client().ioBusy(),
                    result.flags().raised().stream().map(RunResult.RunFlags.Flag::fieldName).toList(),
                    result.flags().reason(), client.clockOffsetMs(),
                    environment == null ? null : environment.cpuModel(), environment == null ? null : environment.cores(),
                    environment == null ? null : environment.jdk(), result.client() == null ? null
                            : result.client().route()));
        }
        return shares;
    }

    private static <T> double sum(List<T> values, ToDoubleFunction<T> figure) {
        return values.stream().mapToDouble(figure).sum();
    }

    private static <T> Double maxOf(List<T> values, Function<T, Double> figure) {
        return values.stream().map(figure).filter(Objects::nonNull).max(Double::compare).orElse(null);
    }
}
