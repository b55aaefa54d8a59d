package io.iobench.remote;

import org.junit.jupiter.api.Assumptions;

import java.io.File;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * Hosts for tests: network namespaces on subnet {@code 198.18.S.0/24} (a benchmarking range, RFC 2544), each with
 * a real {@code sshd} that takes a throw-away key, joined to a bridge in the root namespace at {@code .254}.
 * Namespaces share the filesystem and the PID space with the test, so what a remote command writes the test can
 * read, and its processes the test can see.
 *
 * <pre>
 * try (NetnsHosts hosts = NetnsHosts.create(2, 10, tempDir);
 *      Ssh ssh = Ssh.open(SshOptions.defaults().withConfig(hosts.sshConfig()))) {
 *     ssh.run(hosts.target(1), "true", null, Duration.ofSeconds(10));
 * }
 * </pre>
 *
 * Needs root, {@code ip}, {@code /usr/sbin/sshd} and {@code ssh-keygen}; without them the test is skipped with one
 * line saying what is missing. {@link #close()} removes everything, and runs at JVM exit too.
 */
public final class NetnsHosts implements AutoCloseable {

    private static final String SSHD = "/usr/sbin/sshd";
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration POLL = Duration.ofMillis(100);

    private final int count;
    private final int subnet;
    private final Path dir;
    /** Unique to this JVM, so two test runs on one machine never touch each other's links. */
    private final String token = Long.toString(ProcessHandle.current().pid(), 36);
    private final List<Process> sshds = new ArrayList<>();
    private final List<String> namespaces = new ArrayList<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Thread shutdownHook = new Thread(this::close, "netns-hosts-cleanup");
    private boolean bridgeCreated;

    private NetnsHosts(int count, int subnet, Path dir) {
        this.count = count;
        this.subnet = subnet;
        this.dir = dir;
    }

    /**
     * Builds {@code count} hosts {@code 198.18.subnet.1..count}, each with an sshd listening only on its address,
     * port 22, and waits (at most 10 s each) until each accepts {@code ssh true}.
     */
    public static NetnsHosts create(int count, int subnet, Path dir) throws IOException, InterruptedException {
        if (count < 1 || count > 250 || subnet < 0 || subnet > 255) {
            throw new IllegalArgumentException("count 1..250 and subnet 0..255, got " + count + " and " + subnet);
        }
        requireTools();
        NetnsHosts hosts = new NetnsHosts(count, subnet, dir.toAbsolutePath());
        Runtime.getRuntime().addShutdownHook(hosts.shutdownHook);
        try {
            hosts.build();
            return hosts;
        } catch (IOException | InterruptedException | RuntimeException | Error e) {
            hosts.close();
            throw e;
        }
    }

    /**
     * Test hosts for a run by hand, such as the committed two-host reference run ({@code scripts/netns-hosts}):
     * {@code NetnsHosts COUNT SUBNET DIR} builds them, prints each host's ssh target and the ssh config to pass with
     * {@code --ssh-config}, and removes them all when its stdin ends or it is stopped.
     */
    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: NetnsHosts COUNT SUBNET DIR   (hosts 198.18.SUBNET.1..COUNT, removed at the"
                    + " end of stdin)");
            System.exit(2);
        }
        try (NetnsHosts hosts = create(Integer.parseInt(args[0]), Integer.parseInt(args[1]), Path.of(args[2]))) {
            for (int i = 1; i <= hosts.count; i++) {
                System.out.println("host " + i + ": " + hosts.target(i) + " (namespace " + hosts.namespace(i) + ")");
            }
            System.out.println("ssh config: " + hosts.sshConfig());
            System.out.println("READY; end stdin (Ctrl-D) to remove them");
            System.out.flush();
            while (System.in.read() >= 0) {
                // Hosts stay up until stdin ends.
            }
        } catch (org.opentest4j.TestAbortedException e) {
            System.err.println("netns hosts: " + e.getMessage());
            System.exit(1);
        }
    }

    private static void requireTools() throws IOException, InterruptedException {
        Assumptions.assumeTrue(run(List.of("id", "-u")).strip().equals("0"), "netns hosts need root; skipped");
        for (String tool : List.of("ip", "ssh", "ssh-keygen")) {
            Assumptions.assumeTrue(onPath(tool), "netns hosts need " + tool + " on PATH; skipped");
        }
        Assumptions.assumeTrue(Files.isExecutable(Path.of(SSHD)), "netns hosts need " + SSHD + "; skipped");
    }

    private void build() throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Files.createDirectories(Path.of("/run/sshd")); // sshd's privilege separation directory
        keygen(dir.resolve("host_key"));
        keygen(dir.resolve("client_key"));
        Files.copy(dir.resolve("client_key.pub"), dir.resolve("authorized_keys"));
        writeClientConfig();

        String bridge = bridge();
        bridgeCreated = true;
        ip("link", "add", bridge, "type", "bridge");
        ip("addr", "add", subnetPrefix() + "254/24", "dev", bridge);
        ip("link", "set", bridge, "up");
        for (int i = 1; i <= count; i++) {
            String ns = namespace(i);
            Finished add = finish(List.of("ip", "netns", "add", ns), COMMAND_TIMEOUT);
            if (add.exit() != 0) {
                close();
                Assumptions.abort("ip netns add failed (" + add.output().strip() + "); netns hosts skipped");
            }
            namespaces.add(ns);
            ip("link", "add", veth(i), "type", "veth", "peer", "name", "eth0", "netns", ns);
            ip("link", "set", veth(i), "master", bridge);
            ip("link", "set", veth(i), "up");
            inNamespace(i, "ip", "link", "set", "lo", "up");
            inNamespace(i, "ip", "addr", "add", address(i) + "/24", "dev", "eth0");
            inNamespace(i, "ip", "link", "set", "eth0", "up");
            sshds.add(startSshd(i));
        }
        for (int i = 1; i <= count; i++) {
            awaitSshd(i);
        }
    }

    /** The ssh target of host {@code i} (from 1): {@code root@198.18.subnet.i}. */
    public SshTarget target(int i) {
        return new SshTarget(Optional.of("root"), address(i));
    }

    /** The address of host {@code i}: {@code 198.18.subnet.i}. */
    public String address(int i) {
        return subnetPrefix() + i;
    }

    /** An ssh_config (for {@code -F}) with the client key, the hosts' keys trusted and user root. */
    public Path sshConfig() {
        return dir.resolve("ssh_config");
    }

    /** The network namespace of host {@code i}. */
    public String namespace(int i) {
        return "ibt-" + token + "-" + subnet + "-" + i;
    }

    /**
     * The pids in namespace {@code i} that are not sshd: neither its listener nor the {@code sshd} processes that
     * serve each connection (an ssh control master keeps one open after its commands end).
     */
    public List<Long> processesBesidesSshd(int i) {
        try {
            return pids(i).stream().filter(pid -> ProcessHandle.of(pid).flatMap(h -> h.info().command())
                    .map(c -> !Path.of(c).getFileName().toString().startsWith("sshd")).orElse(false)).toList();
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException("ip netns pids " + namespace(i) + ": " + e.getMessage(), e);
        }
    }

    /** Simulates a host that drops off the network: its veth goes down, so packets to it go nowhere. */
    public void unplug(int i) {
        try {
            ip("link", "set", veth(i), "down");
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException("unplug " + namespace(i) + ": " + e.getMessage(), e);
        }
    }

    /** Kills every process in the namespaces, deletes them, their veths and the bridge; safe to call twice. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // This is the hook running.
        }
        sshds.forEach(Process::destroyForcibly);
        for (int i = 1; i <= namespaces.size(); i++) {
            killAll(i);
            quietly("ip", "link", "del", veth(i));
            quietly("ip", "netns", "del", namespace(i));
        }
        if (bridgeCreated) {
            quietly("ip", "link", "del", bridge());
        }
    }

    private void killAll(int i) {
        try {
            for (int attempt = 0; attempt < 20; attempt++) {
                List<Long> left = pids(i);
                if (left.isEmpty()) {
                    return;
                }
                left.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
                Thread.sleep(POLL);
            }
        } catch (IOException e) {
            // The namespace is gone already.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private List<Long> pids(int i) throws IOException, InterruptedException {
        return run(List.of("ip", "netns", "pids", namespace(i))).lines().map(String::strip)
                .filter(l -> !l.isEmpty()).map(Long::parseLong).toList();
    }

    private Process startSshd(int i) throws IOException {
        Path config = dir.resolve("sshd_" + i + ".conf");
        Files.writeString(config, String.join("\n",
                "ListenAddress " + address(i) + ":22",
                "HostKey " + dir.resolve("host_key"),
                "PidFile " + dir.resolve("sshd_" + i + ".pid"),
                "AuthorizedKeysFile " + dir.resolve("authorized_keys"),
                "PermitRootLogin prohibit-password",
                "PasswordAuthentication no",
                "KbdInteractiveAuthentication no",
                "UsePAM no",
                "StrictModes no",
                "UseDNS no",
                ""));
        return new ProcessBuilder("ip", "netns", "exec", namespace(i), SSHD, "-D", "-e", "-f", config.toString())
                .redirectErrorStream(true).redirectOutput(Redirect.appendTo(dir.resolve("sshd_" + i + ".log").toFile()))
                .start();
    }

    private void awaitSshd(int i) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        String last = "";
        for (int attempt = 0; attempt < 100 && System.nanoTime() < deadline; attempt++) {
            if (!sshds.get(i - 1).isAlive()) {
                break;
            }
            Finished ssh = finish(List.of("ssh", "-F", sshConfig().toString(), "-o", "BatchMode=yes",
                    "-o", "ConnectTimeout=2", "-o", "ControlMaster=no", "-o", "ControlPath=none", address(i), "true"),
                    Duration.ofSeconds(5));
            if (ssh.exit() == 0) {
                return;
            }
            last = ssh.output().strip();
            Thread.sleep(POLL);
        }
        String log = Files.readString(dir.resolve("sshd_" + i + ".log")).strip();
        throw new IOException("sshd in " + namespace(i) + " did not accept ssh true (" + last + "); sshd said: " + log);
    }

    private void writeClientConfig() throws IOException {
        List<String> known = new ArrayList<>();
        String hostKey = Files.readString(dir.resolve("host_key.pub")).strip();
        for (int i = 1; i <= count; i++) {
            known.add(address(i) + " " + hostKey);
        }
        Files.write(dir.resolve("known_hosts"), known);
        Files.writeString(sshConfig(), String.join("\n",
                "Host *",
                "  User root",
                "  IdentityFile " + dir.resolve("client_key"),
                "  IdentitiesOnly yes",
                "  UserKnownHostsFile " + dir.resolve("known_hosts"),
                "  GlobalKnownHostsFile /dev/null",
                "  StrictHostKeyChecking yes",
                "  PasswordAuthentication no",
                "  LogLevel ERROR",
                ""));
    }

    /** A fresh ed25519 key pair, {@code key} and {@code key.pub}, without a passphrase. */
    static void keygen(Path key) throws IOException, InterruptedException {
        run(List.of("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "iobench-test", "-f", key.toString()));
    }

    private String subnetPrefix() {
        return "198.18." + subnet + ".";
    }

    /** At most 15 characters, as Linux allows an interface name: ib + 5 + b + 3. */
    private String bridge() {
        return "ib" + token + "b" + subnet;
    }

    /** The root namespace's end of host i's veth pair: ib + 5 + v + 3 + - + 3 is 15 characters. */
    private String veth(int i) {
        return "ib" + token + "v" + subnet + "-" + i;
    }

    private void inNamespace(int i, String... command) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>(List.of("ip", "netns", "exec", namespace(i)));
        line.addAll(List.of(command));
        run(line);
    }

    private static void ip(String... arguments) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>(List.of("ip"));
        line.addAll(List.of(arguments));
        run(line);
    }

    private static void quietly(String... command) {
        try {
            finish(List.of(command), COMMAND_TIMEOUT);
        } catch (IOException e) {
            // Nothing to remove.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Runs a local command to its end (bounded); its stdout, or an IOException with what it said. */
    private static String run(List<String> command) throws IOException, InterruptedException {
        Finished f = finish(command, COMMAND_TIMEOUT);
        if (f.exit() != 0) {
            throw new IOException(String.join(" ", command) + ": exit " + f.exit() + " (" + f.output().strip() + ")");
        }
        return f.output();
    }

    /** How a local command ended: its exit code (-1 when it was killed at the timeout) and its output. */
    private record Finished(int exit, String output) {
    }

    /** The output goes to a file, not a pipe, so a command that hangs cannot hang the wait for it. */
    private static Finished finish(List<String> command, Duration timeout) throws IOException, InterruptedException {
        Path output = Files.createTempFile("netns-hosts", ".out");
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile())
                    .redirectInput(Redirect.from(new File("/dev/null"))).start();
            int exit = -1;
            if (p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                exit = p.exitValue();
            } else {
                p.destroyForcibly().waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            }
            return new Finished(exit, Files.readString(output));
        } finally {
            Files.deleteIfExists(output);
        }
    }

    private static boolean onPath(String tool) {
        return Stream.of(System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(File.pathSeparator))
                .map(d -> Path.of(d, tool)).anyMatch(Files::isExecutable)
                || Files.isExecutable(Path.of("/usr/sbin", tool)) || Files.isExecutable(Path.of("/sbin", tool));
    }
}
