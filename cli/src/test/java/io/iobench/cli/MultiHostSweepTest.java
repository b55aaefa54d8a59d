package io.iobench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.iobench.remote.NetnsHosts;
import io.iobench.results.LatencyLogFile;
import io.iobench.results.LatencyHistograms;
import io.iobench.results.RunFiles;
import io.iobench.results.RunResult;
import io.iobench.results.StoredRun;
import io.iobench.results.StoredSweep;
import io.iobench.results.SweepManifest;
import io.iobench.results.SweepReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code iobench sweep} on several hosts, through the script as a user types it: the hosts are network namespaces
 * on this machine, joined by veth pairs on 198.18.20.0/24, each running a real sshd, reached with a throw-away key.
 * Host 1 runs the server, hosts 2 and 3 the clients.
 */
class MultiHostSweepTest {

    private static final int SUBNET = 20;

    @TempDir
    static Path shared;

    private static NetnsHosts hosts;

    @TempDir
    Path tmp;

    @BeforeAll
    static void buildHosts() throws Exception {
        hosts = NetnsHosts.create(3, SUBNET, shared.resolve("hosts"));
    }

    @AfterAll
    static void removeHosts() {
        if (hosts != null) {
            hosts.close();
        }
    }

    @Test
    @Timeout(240)
    void twoHostSweepMeasuresTheServerOnItsHostAndLeavesNoProcessBehind() throws Exception {
        Path out = tmp.resolve("sweep");
        IobenchScript.Outcome outcome = IobenchScript.run(tmp, 220, "sweep",
                "--server-host", hosts.target(1).toString(), "--client-hosts", hosts.target(2).toString(),
                "--ssh-config", hosts.sshConfig().toString(), "--work-dir", tmp.resolve("work").toString(),
                "--models", "selector", "--connections", "10", "--warmup", "200ms", "--duration", "1s",
                "--idle-window", "1s", "--out", out.toString());
        assertThat(outcome.exitCode()).as(outcome.stderr()).isZero();

        StoredSweep sweep = SweepReader.read(out);
        assertThat(sweep.manifest().orElseThrow().status()).isEqualTo(SweepManifest.Status.COMPLETE);
        // Client and server share this machine's two cores here, so the noise gate may re-run a client_bound run.
        assertThat(sweep.runs()).isNotEmpty();
        RunResult result = sweep.runs().getFirst().result();
        assertThat(result.flags().failed()).as(result.flags().reason()).isFalse();
        assertThat(result.point().target()).startsWith(hosts.address(1) + ":");
        assertThat(result.point().connections()).isEqualTo(10);
        assertThat(result.server()).isNotNull();
        assertThat(result.server().cpu().cpuUserS() + result.server().cpu().cpuSysS()).isPositive();
        assertThat(result.server().idleCpuCores()).isNotNull();
        assertThat(result.clients()).singleElement().satisfies(client -> {
            assertThat(client.host()).isEqualTo(hosts.target(2).toString());
            assertThat(client.connections()).isEqualTo(10);
            assertThat(client.messages()).isEqualTo(result.throughput().messages());
        });
        assertThat(out.resolve("report.html")).content().contains(hosts.target(2).toString());
        assertNoIobenchProcess(1, 2);
    }

    @Test
    @Timeout(240)
    void theProbeProfilesTheServerOnItsHostAndItsFilesComeBackWithTheRun() throws Exception {
        Path out = tmp.resolve("sweep");
        IobenchScript.Outcome outcome = IobenchScript.run(tmp, 220, "sweep",
                "--server-host", hosts.target(1).toString(), "--client-hosts", hosts.target(2).toString(),
                "--ssh-config", hosts.sshConfig().toString(), "--work-dir", tmp.resolve("work").toString(),
                "--models", "selector", "--connections", "1", "--warmup", "500ms", "--duration", "1s",
                "--idle-window", "0s", "--no-rerun", "--prof", "syscalls,gc", "--out", out.toString());
        assertThat(outcome.exitCode()).as(outcome.stderr()).isZero();

        StoredRun run = SweepReader.read(out).runs().getFirst();
        RunResult result = run.result();
        assertThat(result.flags().failed()).as(result.flags().reason()).isFalse();
        assertThat(result.profile().asked()).containsExactly("syscalls", "gc");
        assertThat(result.profile().profilers()).as("%s", result.profile().profilers())
                .allSatisfy(profiler -> assertThat(profiler.ran()).isTrue());
        // Counted on the server's host by the probe, divided by the clients' merged messages here.
        assertThat(result.profile().syscalls().perMessage()).isNotNull();
        assertThat(result.profile().syscalls().perMessage().get("epoll_wait")).isBetween(0.3, 3.0);
        assertThat(run.dir().resolve(RunFiles.PERF_STAT)).exists();
        assertThat(run.dir().resolve(RunFiles.GC_LOG)).exists();
        assertThat(out.resolve("report.md")).content().contains("### System calls per message");
        assertNoIobenchProcess(1, 2);
    }

    @Test
    @Timeout(240)
    void twoClientsMergeIntoOneRunWhoseHistogramIsTheirSum() throws Exception {
        Path file = tmp.resolve("hosts.ini");
        Files.writeString(file, """
                [server]
                host = %s
                cpus = 0
                work-dir = %s

                [client]
                host = %s
                cpus = 1
                work-dir = %s

                [client]
                host = %s
                cpus = 1
                work-dir = %s
                """.formatted(hosts.target(1), tmp.resolve("w1"), hosts.target(2), tmp.resolve("w2"),
                hosts.target(3), tmp.resolve("w3")));
        Path out = tmp.resolve("sweep");
        IobenchScript.Outcome outcome = IobenchScript.run(tmp, 220, "sweep", "--hosts", file.toString(),
                "--ssh-config", hosts.sshConfig().toString(), "--models", "selector", "--connections", "9",
                "--warmup", "200ms", "--duration", "1s", "--idle-window", "0s", "--no-report",
                "--out", out.toString());
        assertThat(outcome.exitCode()).as(outcome.stderr()).isZero();

        StoredRun run = SweepReader.read(out).runs().getFirst();
        RunResult result = run.result();
        assertThat(result.flags().failed()).as(result.flags().reason()).isFalse();
        assertThat(result.clients()).hasSize(2);
        assertThat(result.clients()).extracting(RunResult.ClientShare::connections).containsExactly(5, 4);
        Histogram added = LatencyHistograms.histogram();
        long messages = 0;
        for (RunResult.ClientShare client : result.clients()) {
            Path dir = run.dir().resolve(client.dir());
            added.add(LatencyLogFile.read(dir.resolve(RunFiles.HLOG)).total(LatencyLogFile.UNCORRECTED));
            messages += client.messages();
        }
        assertThat(result.throughput().messages()).isEqualTo(messages);
        assertThat(result.latencyUs().uncorrected().count()).isEqualTo(added.getTotalCount());
        assertThat(result.latencyUs().uncorrected().p99()).isEqualTo(added.getValueAtPercentile(99));
        assertThat(result.environment().pinning()).isNotNull();
        assertNoIobenchProcess(1, 2, 3);
    }

    @Test
    @Timeout(60)
    void anUnreachableHostIsOneLineNamingIt() throws Exception {
        String nowhere = "root@198.18." + SUBNET + ".9";
        IobenchScript.Outcome outcome = IobenchScript.run(tmp, 50, "sweep", "--server-host", nowhere,
                "--client-hosts", hosts.target(2).toString(), "--ssh-config", hosts.sshConfig().toString(),
                "--models", "selector", "--connections", "1", "--out", tmp.resolve("sweep").toString());
        assertThat(outcome.exitCode()).isEqualTo(1);
        assertThat(outcome.stderr().strip().lines().toList()).last().asString().contains(nowhere)
                .contains("unreachable");
    }

    @Test
    @Timeout(60)
    void aRefusedKeyIsOneLineNamingTheHost() throws Exception {
        Path key = tmp.resolve("stranger");
        run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", key.toString());
        Path config = tmp.resolve("ssh_config");
        Files.writeString(config, Files.readString(hosts.sshConfig()).replaceAll("(?m)^(\\s*)IdentityFile .*$",
                "$1IdentityFile " + key));
        IobenchScript.Outcome outcome = IobenchScript.run(tmp, 50, "sweep", "--server-host",
                hosts.target(1).toString(), "--client-hosts", hosts.target(2).toString(), "--ssh-config",
                config.toString(), "--models", "selector", "--connections", "1", "--out",
                tmp.resolve("sweep").toString());
        assertThat(outcome.exitCode()).isEqualTo(1);
        assertThat(outcome.stderr().strip().lines().toList()).last().asString()
                .contains(hosts.target(1).toString()).contains("refused the key");
    }

    @Test
    @Timeout(240)
    void aServerKilledOnItsHostFailsThatRunAndTheSweepGoesOn() throws Exception {
        Path out = tmp.resolve("sweep");
        Process sweep = start("sweep", "--server-host", hosts.target(1).toString(), "--client-hosts",
                hosts.target(2).toString(), "--ssh-config", hosts.sshConfig().toString(), "--work-dir",
                tmp.resolve("work").toString(), "--models", "selector", "--connections", "4", "--repeat", "2",
                "--no-rerun", "--warmup", "0s", "--duration", "4s", "--idle-window", "0s", "--no-report",
                "--out", out.toString());
        long server = awaitProcess(1, "io.iobench.server.ServerLauncher", 120);
        // The probe starts once the server is READY, the client once the probe is; then the window runs.
        awaitProcess(2, "io.iobench.client", 60);
        Thread.sleep(2500);
        run("kill", "-KILL", Long.toString(server));
        assertThat(sweep.waitFor(180, TimeUnit.SECONDS)).isTrue();
        assertThat(sweep.exitValue()).as(Files.readString(tmp.resolve("err.txt"))).isZero();

        List<StoredRun> runs = SweepReader.read(out).runs();
        assertThat(runs).hasSize(2);
        assertThat(runs.getFirst().result().flags().failed()).isTrue();
        assertThat(runs.getFirst().result().flags().reason()).contains("host " + hosts.target(1))
                .contains("server died");
        assertThat(runs.get(1).result().flags().failed()).as(runs.get(1).result().flags().reason()).isFalse();
        assertNoIobenchProcess(1, 2);
    }

    @Test
    @Timeout(180)
    void ctrlCStopsEveryRemoteProcess() throws Exception {
        Process sweep = start("sweep", "--server-host", hosts.target(1).toString(), "--client-hosts",
                hosts.target(2).toString(), "--ssh-config", hosts.sshConfig().toString(), "--work-dir",
                tmp.resolve("work").toString(), "--models", "selector", "--connections", "4", "--warmup", "0s",
                "--duration", "60s", "--idle-window", "0s", "--no-report", "--out", tmp.resolve("sweep").toString());
        awaitProcess(1, "io.iobench.server.ServerLauncher", 120);
        awaitProcess(2, "io.iobench.client", 60);
        // bash execs java: the script's pid is the sweep's JVM, which Ctrl-C's SIGINT reaches.
        run("kill", "-INT", Long.toString(sweep.pid()));
        assertThat(sweep.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(sweep.exitValue()).isEqualTo(130);
        assertNoIobenchProcess(1, 2);
    }

    private Process start(String... args) throws IOException {
        return IobenchScript.start(tmp.resolve("out.txt"), tmp.resolve("err.txt"), args);
    }

    /** Waits, bounded, for an iobench JVM whose command line holds {@code text} in host {@code i}; its pid. */
    private static long awaitProcess(int host, String text, int seconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            for (long pid : iobenchProcesses(host)) {
                if (commandLine(pid).contains(text)) {
                    return pid;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no process with " + text + " in host " + host + " within " + seconds + " s");
    }

    /** Bounded: remote processes stop once their sessions close, which takes a moment after the sweep exits. */
    private static void assertNoIobenchProcess(int... hostNumbers) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        List<String> left = new ArrayList<>();
        do {
            left.clear();
            for (int host : hostNumbers) {
                for (long pid : iobenchProcesses(host)) {
                    left.add("host " + host + " pid " + pid + ": " + commandLine(pid));
                }
            }
            if (left.isEmpty()) {
                return;
            }
            Thread.sleep(200);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("iobench processes left: " + left);
    }

    private static List<Long> iobenchProcesses(int host) throws IOException {
        return hosts.processesBesidesSshd(host).stream().filter(pid -> commandLine(pid).contains("io.iobench"))
                .toList();
    }

    private static String commandLine(long pid) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc/" + pid + "/cmdline")), StandardCharsets.UTF_8)
                    .replace('\0', ' ');
        } catch (IOException e) {
            return ""; // gone
        }
    }

    private static void run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(String.join(" ", command) + ": " + output).isZero();
    }
}
