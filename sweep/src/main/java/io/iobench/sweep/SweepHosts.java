package io.iobench.sweep;

import io.iobench.options.Flags;
import io.iobench.options.Quantities;
import io.iobench.options.UsageException;
import io.iobench.remote.Deployment;
import io.iobench.remote.SshOptions;
import io.iobench.remote.SshTarget;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where a sweep on several hosts runs: the server's host and its clients' hosts, from
 * {@code --server-host [user@]HOST --client-hosts [user@]HOST[,...]} or from a {@link HostsFile} given with
 * {@code --hosts FILE}, and how ssh reaches them ({@code --ssh-config FILE}, as {@code ssh -F}).
 *
 * @param server  the server's host
 * @param clients the clients' hosts, one load client on each
 * @param ssh     how every ssh call is made
 */
public record SweepHosts(SweepHost server, List<SweepHost> clients, SshOptions ssh) {

    public SweepHosts {
        clients = List.copyOf(clients);
        if (clients.isEmpty()) {
            throw new UsageException("a sweep on several hosts needs at least one client host");
        }
    }

    /** The flags that name hosts; without any of them the sweep runs on this host alone. */
    static final List<String> FLAGS = List.of("server-host", "client-hosts", "hosts", "ssh-config", "work-dir");

    /** The hosts the flags name, or empty for a sweep on this host alone. */
    static Optional<SweepHosts> from(Flags flags) {
        SshOptions ssh = flags.value("ssh-config").map(SweepHosts::config).map(SshOptions.defaults()::withConfig)
                .orElse(SshOptions.defaults());
        String workDir = flags.stringValue("work-dir", Deployment.DEFAULT_WORK_DIR);
        if (flags.has("hosts")) {
            if (flags.has("server-host") || flags.has("client-hosts")) {
                throw new UsageException("--hosts names the server and client hosts; leave out --server-host and"
                        + " --client-hosts");
            }
            return Optional.of(HostsFile.read(config(flags.required("hosts")), workDir, ssh));
        }
        if (!flags.has("server-host") && !flags.has("client-hosts")) {
            if (flags.has("ssh-config") || flags.has("work-dir")) {
                throw new UsageException("--ssh-config and --work-dir apply to a sweep on several hosts; name them"
                        + " with --server-host and --client-hosts");
            }
            return Optional.empty();
        }
        if (!flags.has("server-host") || !flags.has("client-hosts")) {
            throw new UsageException("--server-host and --client-hosts go together");
        }
        SweepHost server = SweepHost.named(SshTarget.parse(flags.required("server-host")), workDir);
        List<SweepHost> clients = new ArrayList<>();
        for (String host : Quantities.parseList("--client-hosts", flags.required("client-hosts"))) {
            clients.add(SweepHost.named(SshTarget.parse(host), workDir));
        }
        return Optional.of(new SweepHosts(server, clients, ssh));
    }

    private static Path config(String file) {
        Path path = Path.of(file);
        if (!Files.isReadable(path)) {
            throw new UsageException("cannot read " + file);
        }
        return path;
    }

    /** Every distinct host, the server's first: what is checked and deployed to once per sweep. */
    List<SweepHost> distinct() {
        List<SweepHost> all = new ArrayList<>();
        all.add(server);
        for (SweepHost client : clients) {
            if (all.stream().noneMatch(h -> h.ssh().equals(client.ssh()) && h.workDir().equals(client.workDir()))) {
                all.add(client);
            }
        }
        return all;
    }

    @Override
    public String toString() {
        return "server " + server + ", clients " + String.join(",", clients.stream().map(SweepHost::toString)
                .toList());
    }
}
