package io.iobench.remote;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * {@link NetnsHosts} and an {@link Ssh} configured for them, for all the tests of one class:
 *
 * <pre>
 * &#64;RegisterExtension
 * static final NetnsHostsExtension NET = new NetnsHostsExtension(2, 10, Duration.ofSeconds(3));
 * ... NET.ssh().run(NET.hosts().target(1), "true", null, timeout) ...
 * </pre>
 *
 * The hosts' files live in a temporary directory, {@link #dir()}, deleted after the class with everything else.
 */
public final class NetnsHostsExtension implements BeforeAllCallback, AfterAllCallback {

    private final int count;
    private final int subnet;
    private final Duration connectTimeout;
    private Path dir;
    private NetnsHosts hosts;
    private Ssh ssh;

    /** {@code count} hosts on {@code 198.18.subnet.0/24}, reached with the given ssh connect timeout. */
    public NetnsHostsExtension(int count, int subnet, Duration connectTimeout) {
        this.count = count;
        this.subnet = subnet;
        this.connectTimeout = connectTimeout;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        dir = Files.createTempDirectory("netns-hosts");
        hosts = NetnsHosts.create(count, subnet, dir.resolve("hosts"));
        ssh = Ssh.open(options(hosts.sshConfig()));
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        if (ssh != null) {
            ssh.close();
        }
        if (hosts != null) {
            hosts.close();
        }
        if (dir != null) {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** The ssh options these hosts are reached with, for the given ssh_config. */
    public SshOptions options(Path sshConfig) {
        return SshOptions.defaults().withConfig(sshConfig).withConnectTimeout(connectTimeout);
    }

    /** The hosts, built before the class's first test. */
    public NetnsHosts hosts() {
        return hosts;
    }

    /** An engine for the hosts, shared by the class's tests; tests that need a fresh one open their own. */
    public Ssh ssh() {
        return ssh;
    }

    /** A scratch directory of the test class; namespaces share the filesystem, so hosts see it too. */
    public Path dir() {
        return dir;
    }
}
