package io.iobench.sweep;

import io.iobench.client.LoadOptions;
import io.iobench.client.probe.ProbeOptions;
import io.iobench.options.GoSignal;
import io.iobench.options.JvmOptions;
import io.iobench.remote.Deployment;
import io.iobench.remote.HostFacts;
import io.iobench.remote.RemoteHost;
import io.iobench.remote.RemoteProcess;
import io.iobench.remote.ShellQuote;
import io.iobench.remote.Ssh;
import io.iobench.results.ClientRunMerge;
import io.iobench.results.ProbeResult;
import io.iobench.results.ProbeResultFile;
import io.iobench.results.Rounding;
import io.iobench.results.RunProfile;
import io.iobench.results.RunFiles;
import io.iobench.results.RunResult;
import io.iobench.results.RunResultFile;
import io.iobench.server.LauncherOptions;
import io.iobench.server.ServerLauncher;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/**
 * Measures each repetition on other hosts over ssh: the model's server in a fresh JVM on the server's host, pinned
 * there, bound to the address named for it; beside it an {@code iobench probe} that measures the server's /proc
 * figures on that host; and one {@code iobench load} per client host, each pinned on its host. The clients connect,
 * settle and print ARMED; once every one has, a line GO goes to the probe and every client at once, so all their
 * windows cover the same wall time, and each client's answer ({@code GO clock_ms=...}) gives its host's clock
 * offset. Then the clients' run directories are fetched and merged ({@link ClientRunMerge}) with the probe's
 * server figures into one run.
 *
 * <p>Every remote process holds its ssh session's stdin and stops when it closes ({@code --exit-on-stdin-eof}),
 * so closing the sessions stops them all, however the sweep ends; the server is also sent SIGTERM by pid. A host
 * that cannot be reached, a client that dies, a server that dies: the repetition becomes a failed run naming the
 * host and the reason, and the sweep goes on.
 */
final class RemoteProcesses implements Measurement {

    /** How long one short ssh call (a check, a kill, a fetch) may take. */
    static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);
    /** How long copying iobench's jars to one host may take. */
    static final Duration DEPLOY_TIMEOUT = Duration.ofMinutes(5);
    /** How long the probe may take to read its first snapshot and say PROBE-READY. */
    static final Duration PROBE_READY_TIMEOUT = Duration.ofSeconds(30);
    /** The probe's line once it holds its first snapshot and waits for GO. */
    static final String PROBE_READY = "PROBE-READY";
    /** What the probe writes on its host, in the repetition's directory there. */
    static final String PROBE_JSON = "probe.json";
    /** Where each client's own run goes in the merged run's directory. */
    static final String CLIENTS_DIR = "clients";

    private final SweepPlan plan;
    private final SweepHosts hosts;
    private final Ssh ssh;
    private final Map<String, Installed> installed;
    private final String sweepTag;
    private final PrintStream log;
    private final Clock clock;
    private final List<RemoteProcess> running = new CopyOnWriteArrayList<>();
    private volatile RemoteServer currentServer;
    private volatile boolean interrupted;

    /** iobench on one host: what the host has, and the class path deployed there. */
    private record Installed(HostFacts facts, String classPath) {
    }

    /** The server of the repetition in progress: its host and pid there, to be signalled. */
    private record RemoteServer(SweepHost host, long pid) {
    }

    private RemoteProcesses(SweepPlan plan, SweepHosts hosts, Ssh ssh, Map<String, Installed> installed,
                            String sweepTag, PrintStream log, Clock clock) {
        this.plan = plan;
        this.hosts = hosts;
        this.ssh = ssh;
        this.installed = installed;
        this.sweepTag = sweepTag;
        this.log = log;
        this.clock = clock;
    }

    /**
     * Checks every host (reachable, key accepted, JDK 25, taskset) and deploys iobench's jars to each, once per
     * sweep; a host that fails ends the sweep before it starts, with one line naming the host and what failed.
     *
     * @param sweepTag names this sweep's directory on the hosts, under their work directory's {@code runs/}
     */
    static RemoteProcesses prepare(SweepPlan plan, SweepHosts hosts, String sweepTag, PrintStream log, Clock clock)
            throws IOException {
        Ssh ssh = Ssh.open(hosts.ssh());
        try {
            Map<String, Installed> installed = new LinkedHashMap<>();
            List<Path> classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                    .filter(e -> !e.isEmpty()).map(Path::of).filter(Files::exists).toList();
            for (SweepHost host : hosts.distinct()) {
                HostFacts facts = RemoteHost.check(ssh, host.ssh(), CALL_TIMEOUT);
                String remoteClassPath = Deployment.install(ssh, host.ssh(), host.workDir(), classPath,
                        DEPLOY_TIMEOUT);
                installed.put(key(host), new Installed(facts, remoteClassPath));
                log.printf("host %s: %s, kernel %s, %d cores, JDK %s; iobench in %s%n", host, facts.hostname(),
                        facts.kernel(), facts.cores(), facts.javaHome(), host.workDir());
            }
            return new RemoteProcesses(plan, hosts, ssh, installed, sweepTag, log, clock);
        } catch (IOException | RuntimeException e) {
            ssh.close();
            throw e;
        }
    }

    private static String key(SweepHost host) {
        return host.ssh() + "|" + host.workDir();
    }

    @Override
    public void interrupt() {
        interrupted = true;
        stopRemote();
    }

    @Override
    public void killChildren() {
        stopRemote();
        ssh.close();
    }

    /** Closes every session (each remote process then reads the end of its stdin and stops) and signals the server. */
    private void stopRemote() {
        for (RemoteProcess process : running) {
            process.close();
        }
        RemoteServer server = currentServer;
        if (server != null) {
            signal(server, "TERM");
        }
    }

    @Override
    public RunResult measure(SweepPoint point, int repetition, Path scratch) throws IOException {
        String startedAt = clock.instant().toString();
        Repetition run = new Repetition(point, repetition, scratch);
        List<String> problems = new ArrayList<>();
        RunResult merged = null;
        try {
            problems.addAll(run.measure());
            if (run.fetched()) {
                merged = run.merge(problems);
            }
        } catch (HostFault | IOException e) {
            problems.add(e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            interrupted = true;
        } finally {
            run.cleanUp();
        }
        Path file = scratch.resolve(RunFiles.RESULT_JSON);
        if (problems.isEmpty() && merged != null) {
            RunResultFile.write(merged, file);
            return merged;
        }
        String reason = problems.isEmpty() ? "no client result was fetched" : String.join("; ", problems);
        RunResult failed = merged != null ? merged.withFailure(reason)
                : RunResult.failed(plan.resultPoint(point), seconds(plan.warmup()), seconds(plan.duration()),
                        startedAt, reason);
        RunResultFile.write(failed, file);
        return failed;
    }

    /** Something went wrong on a host: the message names it and what failed, in one line. */
    private static final class HostFault extends Exception {
        HostFault(SweepHost host, String what, RemoteOutput output) {
            super("host " + host + ": " + what + (output == null || output.lastLine().isEmpty() ? ""
                    : "; last output: " + output.lastLine()));
        }
    }

    /** One repetition on the hosts, step by step; each step throws a {@link HostFault} naming its host. */
    private final class Repetition {

        private final SweepPoint point;
        private final int repetition;
        private final Path scratch;
        private final List<SweepHost> clientHosts;
        private final List<LoadSplit> shares;
        private final List<Path> clientDirs = new ArrayList<>();
        private final List<Double> clockOffsetsMs = new ArrayList<>();
        private final List<RemoteOutput> outputs = new ArrayList<>();
        private boolean fetched;
        private ProbeResult probe;

        Repetition(SweepPoint point, int repetition, Path scratch) {
            this.point = point;
            this.repetition = repetition;
            this.scratch = scratch;
            this.shares = LoadSplit.of(point, hosts.clients().size());
            this.clientHosts = hosts.clients().subList(0, shares.size());
        }

        /** The repetition's directory on {@code host}, under its work directory. */
        String remoteDir(SweepHost host) {
            return host.workDir() + "/runs/" + sweepTag + "/" + scratch.getFileName();
        }

        /** Runs the repetition; returns what went wrong that still left results to fetch. */
        List<String> measure() throws HostFault, IOException, InterruptedException {
            SweepHost serverHost = hosts.server();
            InetAddress bind = bindAddress(serverHost);
            LauncherOptions launcher = LauncherOptions.of(point.model())
                    .withThreads(FreshProcesses.launcherThreads(point)).boundTo(bind).exitingOnStdinEof();
            RemoteOutput serverOut = output(RemoteOutput.logged(scratch.resolve(RunFiles.SERVER_LOG)));
            RemoteProcess server = start(serverHost, javaCommand(serverHost, serverHost.cpus(),
                    plan.serverJvmOptions(point.model(), Path.of(remoteDir(serverHost), RunFiles.GC_LOG)),
                    ServerLauncher.class.getName(), launcher.toArguments()),
                    serverOut);
            ReadyLine ready = serverOut.await(line -> ReadyLine.parse(line.text()), ServerLaunch.READY_TIMEOUT,
                    server::isAlive).orElseThrow(() -> new HostFault(serverHost, server.isAlive()
                            ? "server '" + point.model() + "' printed no READY line within "
                            + ServerLaunch.READY_TIMEOUT.toSeconds() + " s"
                            : "server '" + point.model() + "' exited before it was ready", serverOut));
            currentServer = new RemoteServer(serverHost, ready.pid());
            InetSocketAddress target = new InetSocketAddress(clientTarget(serverHost, bind), ready.port());

            RemoteOutput probeOut = output(RemoteOutput.logged(scratch.resolve("probe.log")));
            ProbeOptions probeOptions = new ProbeOptions(ready.pid(), plan.idleWindow(repetition), plan.warmup(),
                    plan.duration(), point.connections() + point.idleConnections(),
                    Path.of(remoteDir(serverHost) + "/" + PROBE_JSON), true).withProfilers(plan.profilers());
            RemoteProcess probeProcess = start(serverHost, javaCommand(serverHost, Optional.empty(), List.of(),
                    ProbeOptions.mainClass(), probeOptions.toArguments()), probeOut);
            if (!probeOut.await(line -> line.text().startsWith(PROBE_READY) ? Optional.of(line) : Optional.empty(),
                    PROBE_READY_TIMEOUT, probeProcess::isAlive).isPresent()) {
                throw new HostFault(serverHost, "the probe did not start", probeOut);
            }

            List<RemoteProcess> clients = new ArrayList<>();
            List<RemoteOutput> clientOuts = new ArrayList<>();
            for (int i = 0; i < clientHosts.size(); i++) {
                SweepHost host = clientHosts.get(i);
                Path local = scratch.resolve(CLIENTS_DIR).resolve((i + 1) + "-" + host.ssh().toString()
                        .replace(':', '_'));
                clientDirs.add(local);
                LoadOptions options = plan.remoteClientOptions(point, repetition, target, ready.ioThreads(),
                        shares.get(i), Path.of(remoteDir(host) + "/" + local.getFileName()));
                RemoteOutput out = output(RemoteOutput.echoed(local.resolve(RunFiles.CLIENT_LOG), log,
                        LoadProcess.ECHO_INDENT + "[" + host + "] "));
                clientOuts.add(out);
                clients.add(start(host, javaCommand(host, host.cpus(), plan.clientJvmOptions(),
                        LoadOptions.mainClass(), options.toArguments()), out));
            }
            Duration armTimeout = plan.runTimeout(point).minus(plan.warmup()).minus(plan.duration());
            for (int i = 0; i < clients.size(); i++) {
                if (!clientOuts.get(i).awaitLine(GoSignal.ARMED, armTimeout, clients.get(i)::isAlive)) {
                    throw new HostFault(clientHosts.get(i), "the client did not connect and settle ("
                            + (clients.get(i).isAlive() ? "no ARMED within " + armTimeout.toSeconds() + " s"
                            : "it exited") + ")", clientOuts.get(i));
                }
            }

            // Released together: the probe first, since its window must hold the clients'.
            List<Double> sentMs = new ArrayList<>();
            probeProcess.send(GoSignal.GO);
            for (RemoteProcess client : clients) {
                sentMs.add(RemoteOutput.nowMs());
                client.send(GoSignal.GO);
            }
            for (int i = 0; i < clients.size(); i++) {
                double sent = sentMs.get(i);
                clockOffsetsMs.add(clientOuts.get(i).await(line -> goClockMs(line.text())
                                .map(remoteMs -> Rounding.round(remoteMs - (sent + line.arrivedMs()) / 2, 1)),
                        CALL_TIMEOUT,
                        clients.get(i)::isAlive).orElse(null));
            }

            List<String> problems = new ArrayList<>();
            long deadlineNs = System.nanoTime() + plan.runTimeout(point).toNanos();
            for (int i = 0; i < clients.size(); i++) {
                Duration left = Duration.ofNanos(Math.max(0, deadlineNs - System.nanoTime()));
                int exit = clients.get(i).waitFor(left);
                if (exit == -1) {
                    problems.add("host " + clientHosts.get(i) + ": client did not finish within "
                            + plan.runTimeout(point).toSeconds() + " s");
                } else if (exit == 255) {
                    problems.add("host " + clientHosts.get(i) + ": lost the ssh session to it during the run"
                            + lastLine(clientOuts.get(i)));
                } else if (exit != 0 && exit != 1 && !interrupted) {
                    problems.add("host " + clientHosts.get(i) + ": client exited with code " + exit
                            + lastLine(clientOuts.get(i)));
                }
            }
            if (probeProcess.waitFor(CALL_TIMEOUT) == -1) {
                problems.add("host " + serverHost + ": the probe did not finish");
            }
            problems.addAll(stop(server, serverOut));
            if (!interrupted) {
                fetch(problems);
            }
            return problems;
        }

        private List<String> stop(RemoteProcess server, RemoteOutput serverOut) throws InterruptedException {
            SweepHost host = hosts.server();
            if (!server.isAlive()) {
                currentServer = null; // its pid may be another process's by now: never signal it
                return List.of("host " + host + ": server died during the run (exit code "
                        + server.waitFor(Duration.ZERO) + ")" + lastLine(serverOut));
            }
            signal(currentServer, "TERM");
            int exit = server.waitFor(Duration.ofMillis(ServerProcess.STOP_TIMEOUT_MS));
            if (exit == -1) {
                signal(currentServer, "KILL");
                return List.of("host " + host + ": server did not exit within " + ServerProcess.STOP_TIMEOUT_MS / 1000
                        + " s of SIGTERM and was killed" + lastLine(serverOut));
            }
            currentServer = null;
            return exit == 0 ? List.of() : List.of("host " + host + ": server exited with code " + exit
                    + " on SIGTERM" + lastLine(serverOut));
        }

        /** Brings back each client's run directory and the probe's figures. */
        private void fetch(List<String> problems) {
            boolean all = true;
            for (int i = 0; i < clientHosts.size(); i++) {
                SweepHost host = clientHosts.get(i);
                try {
                    ssh.download(host.ssh(), remoteDir(host) + "/" + clientDirs.get(i).getFileName(),
                            clientDirs.get(i), CALL_TIMEOUT);
                    all &= Files.exists(clientDirs.get(i).resolve(RunFiles.RESULT_JSON));
                } catch (IOException e) {
                    problems.add(e.getMessage());
                    all = false;
                }
            }
            fetched = all;
            SweepHost server = hosts.server();
            try {
                Ssh.Completed cat = ssh.run(server.ssh(), "cat " + ShellQuote.quote(remoteDir(server) + "/"
                        + PROBE_JSON), null, CALL_TIMEOUT);
                if (cat.exit() != 0) {
                    problems.add("host " + server + ": the probe wrote no result");
                    return;
                }
                Path file = scratch.resolve(PROBE_JSON);
                Files.writeString(file, cat.stdout(), StandardCharsets.UTF_8);
                probe = ProbeResultFile.read(file);
            } catch (IOException e) {
                problems.add(e.getMessage());
                return;
            }
            fetchProfileFiles(server);
        }

        /**
         * Brings the files the probe's profilers left beside its result (perf's CSV, the flight recording, the GC
         * log) into the run's directory, where the result names them. A file that cannot be fetched is one line in
         * the log, not a failed run: what the profilers found is in the probe's result already.
         */
        private void fetchProfileFiles(SweepHost server) {
            List<String> files = probe.profile() == null ? List.of() : probe.profile().profilers().stream()
                    .map(RunProfile.ProfilerRun::file).filter(Objects::nonNull).toList();
            if (files.isEmpty()) {
                return;
            }
            Path staged = scratch.resolve(".server-host");
            try {
                ssh.download(server.ssh(), remoteDir(server), staged, CALL_TIMEOUT);
                for (String name : files) {
                    if (Files.exists(staged.resolve(name))) {
                        Files.move(staged.resolve(name), scratch.resolve(name), StandardCopyOption.REPLACE_EXISTING);
                    } else {
                        log.println("host " + server + ": the probe's profiler file " + name + " is missing");
                    }
                }
            } catch (IOException e) {
                log.println("host " + server + ": the probe's profiler files were not fetched: " + e.getMessage());
            } finally {
                removeStaged(staged);
            }
        }

        private void removeStaged(Path staged) {
            if (Files.exists(staged)) {
                try (Stream<Path> left = Files.walk(staged)) {
                    for (Path path : left.sorted(Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(path);
                    }
                } catch (IOException e) {
                    log.println("could not remove " + staged + ": " + e.getMessage());
                }
            }
        }

        boolean fetched() {
            return fetched;
        }

        /** The clients' runs merged, with the server's figures as its host's probe measured them. */
        RunResult merge(List<String> problems) throws IOException {
            List<ClientRunMerge.ClientRun> runs = new ArrayList<>();
            for (int i = 0; i < clientDirs.size(); i++) {
                runs.add(new ClientRunMerge.ClientRun(clientHosts.get(i).toString(), clientDirs.get(i),
                        clockOffsetsMs.get(i)));
            }
            RunResult merged = ClientRunMerge.merge(runs, scratch);
            if (probe == null) {
                return merged;
            }
            if (probe.failure() != null) {
                problems.add("host " + hosts.server() + ": probe: " + probe.failure());
            }
            long messages = merged.throughput() == null ? 0 : merged.throughput().messages();
            return merged.withServer(probe.server(messages), probe.saturated(), probe.environment(merged.environment()))
                    .withProfile(probe.profile() == null ? null : probe.profile().withMessages(messages));
        }

        /** Closes every session of the repetition and removes its directory on each host. */
        void cleanUp() {
            for (RemoteProcess process : running) {
                process.close();
            }
            running.clear();
            RemoteServer server = currentServer;
            if (server != null) {
                signal(server, "KILL");
                currentServer = null;
            }
            for (RemoteOutput output : outputs) {
                try {
                    output.close();
                } catch (IOException e) {
                    // A log that cannot be closed loses nothing the result needs.
                }
            }
            for (SweepHost host : hosts.distinct()) {
                try {
                    ssh.run(host.ssh(), "rm -rf " + ShellQuote.quote(remoteDir(host)), null, CALL_TIMEOUT);
                } catch (IOException e) {
                    log.println("  " + e.getMessage() + " (its run directory there stays until clean-hosts)");
                }
            }
        }

        private RemoteOutput output(RemoteOutput output) {
            outputs.add(output);
            return output;
        }

        private RemoteProcess start(SweepHost host, String javaCommand, RemoteOutput output) throws IOException {
            String command = "mkdir -p " + ShellQuote.quote(remoteDir(host)) + " && " + javaCommand;
            RemoteProcess process = ssh.start(host.ssh(), command, output);
            running.add(process);
            if (interrupted) {
                process.close();
            }
            return process;
        }
    }

    /** {@code exec [taskset -c CPUS] JAVA OPTIONS -cp CP MAIN ARGS}, quoted for the remote shell. */
    private String javaCommand(SweepHost host, Optional<String> cpus, List<String> jvmOptions, String mainClass,
                               List<String> args) {
        Installed on = installed.get(key(host));
        List<String> words = new ArrayList<>();
        // Every core of the host when none are named: pinned all the same, so results record the same way.
        words.addAll(List.of("taskset", "-c", cpus.orElse(on.facts().cores() == 1 ? "0"
                : "0-" + (on.facts().cores() - 1))));
        words.add(on.facts().javaBinary());
        words.addAll(JvmOptions.required());
        words.addAll(jvmOptions);
        words.addAll(List.of("-cp", on.classPath(), mainClass));
        words.addAll(args);
        return "exec " + ShellQuote.command(words);
    }

    /** The address the server binds: the one named for it, else what its host's name resolves to here. */
    private static InetAddress bindAddress(SweepHost host) throws HostFault {
        String name = host.bind().orElse(host.ssh().host());
        try {
            return InetAddress.getByName(name);
        } catch (UnknownHostException e) {
            throw new HostFault(host, "cannot resolve '" + name + "' to an address to bind; name one with bind ="
                    + " in a hosts file", null);
        }
    }

    private static InetAddress clientTarget(SweepHost host, InetAddress bind) throws HostFault {
        if (host.address().isEmpty()) {
            return bind;
        }
        try {
            return InetAddress.getByName(host.address().get());
        } catch (UnknownHostException e) {
            throw new HostFault(host, "cannot resolve address '" + host.address().get() + "'", null);
        }
    }

    /** Sends a signal to the server by its pid on its host; a host that cannot be reached is said in the log. */
    private void signal(RemoteServer server, String signal) {
        try {
            ssh.run(server.host().ssh(), "kill -" + signal + " " + server.pid() + " 2>/dev/null || true", null,
                    Duration.ofSeconds(10));
        } catch (IOException e) {
            log.println("  " + e.getMessage());
        }
    }

    /** The host's clock at release, epoch ms, from a client's {@code GO clock_ms=...} line. */
    static Optional<Double> goClockMs(String line) {
        String prefix = GoSignal.GO + " clock_ms=";
        if (!line.startsWith(prefix)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Double.parseDouble(line.substring(prefix.length()).strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static String lastLine(RemoteOutput output) {
        String last = output.lastLine();
        return last.isEmpty() ? "" : "; last output: " + last;
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }
}
