package io.iobench.sweep;

import io.iobench.options.UsageException;
import io.iobench.remote.SshOptions;
import io.iobench.remote.SshTarget;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code --hosts FILE}: the hosts of a sweep on several hosts, in sections like an Ansible inventory's, one
 * {@code [server]} and one {@code [client]} per client host:
 *
 * <pre>
 * # the server's host: pinned to CPUs 0-3, listening on the address the clients reach it at
 * [server]
 * host = bench@server-1
 * cpus = 0-3
 * bind = 10.1.0.1
 *
 * [client]
 * host = bench@client-1
 * cpus = 0-7
 *
 * [client]
 * host = bench@client-2
 * work-dir = /scratch/iobench
 * </pre>
 *
 * Keys: {@code host} ({@code [user@]HOST}, required), {@code cpus} (a {@code taskset -c} list; all cores when left
 * out), {@code work-dir} ({@code --work-dir}'s when left out), and for the server {@code bind} (the address it
 * listens on) and {@code address} (the one clients connect to, when not the bound one: behind NAT). Anything else
 * is a usage error naming its line.
 */
final class HostsFile {

    private static final Set<String> CLIENT_KEYS = Set.of("host", "cpus", "work-dir");
    private static final Set<String> SERVER_KEYS = Set.of("host", "cpus", "work-dir", "bind", "address");

    private HostsFile() {
    }

    static SweepHosts read(Path file, String defaultWorkDir, SshOptions ssh) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UsageException("cannot read hosts file " + file + ": " + e.getMessage());
        }
        return parse(lines, file.toString(), defaultWorkDir, ssh);
    }

    static SweepHosts parse(List<String> lines, String name, String defaultWorkDir, SshOptions ssh) {
        SweepHost server = null;
        List<SweepHost> clients = new ArrayList<>();
        String section = null;
        int sectionLine = 0;
        Map<String, String> keys = new LinkedHashMap<>();
        for (int i = 0; i <= lines.size(); i++) {
            String line = i < lines.size() ? lines.get(i).strip() : "[end]";
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("[") && line.endsWith("]")) {
                if (section != null) {
                    SweepHost host = host(section, keys, name, sectionLine, defaultWorkDir);
                    if (section.equals("client")) {
                        clients.add(host);
                    } else if (server != null) {
                        throw bad(name, sectionLine, "a second [server]; a sweep has one server host");
                    } else {
                        server = host;
                    }
                }
                section = line.substring(1, line.length() - 1).strip();
                sectionLine = i + 1;
                keys = new LinkedHashMap<>();
                if (i < lines.size() && !section.equals("server") && !section.equals("client")) {
                    throw bad(name, i + 1, "unknown section [" + section + "]; write [server] or [client]");
                }
                continue;
            }
            int equals = line.indexOf('=');
            if (section == null || equals < 0) {
                throw bad(name, i + 1, section == null ? "a setting before any [server] or [client] section"
                        : "'" + line + "' is not KEY = VALUE");
            }
            String key = line.substring(0, equals).strip();
            if (keys.put(key, line.substring(equals + 1).strip()) != null) {
                throw bad(name, i + 1, key + " given twice in one section");
            }
            Set<String> allowed = section.equals("server") ? SERVER_KEYS : CLIENT_KEYS;
            if (!allowed.contains(key)) {
                throw bad(name, i + 1, "unknown key '" + key + "' in [" + section + "]; known: "
                        + String.join(", ", allowed.stream().sorted().toList()));
            }
        }
        if (server == null) {
            throw new UsageException("hosts file " + name + " has no [server] section");
        }
        if (clients.isEmpty()) {
            throw new UsageException("hosts file " + name + " has no [client] section");
        }
        return new SweepHosts(server, clients, ssh);
    }

    private static SweepHost host(String section, Map<String, String> keys, String name, int line,
                                  String defaultWorkDir) {
        String host = keys.get("host");
        if (host == null || host.isEmpty()) {
            throw bad(name, line, "[" + section + "] without host = [user@]HOST");
        }
        return new SweepHost(SshTarget.parse(host), value(keys, "cpus"), value(keys, "bind"), value(keys, "address"),
                keys.getOrDefault("work-dir", defaultWorkDir));
    }

    private static Optional<String> value(Map<String, String> keys, String key) {
        return Optional.ofNullable(keys.get(key)).filter(v -> !v.isEmpty());
    }

    private static UsageException bad(String name, int line, String why) {
        return new UsageException("hosts file " + name + " line " + line + ": " + why);
    }
}
