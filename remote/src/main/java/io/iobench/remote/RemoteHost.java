package io.iobench.remote;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The check a sweep makes of each host before using it: one ssh call that finds a JDK 25 or newer with the
 * scripts' own {@code jdk.sh} (sent on stdin to {@code bash -s}), {@code taskset}, the kernel, the CPUs and the
 * host name. What is missing becomes one line saying so, rather than a failure halfway through a sweep.
 */
public final class RemoteHost {

    /** The feature version of the JDK a host needs. */
    static final int JDK_FEATURE = 25;

    /** Runs after jdk.sh's functions; prints one {@code key=value} line per fact, empty when missing. */
    private static final String FACTS = """
            if java_home=$(find_jdk %d 2>/dev/null); then echo "java_home=$java_home"; else echo "java_home="; fi
            echo "taskset=$(command -v taskset || true)"
            echo "kernel=$(uname -r)"
            echo "cores=$(nproc 2>/dev/null || true)"
            echo "hostname=$(hostname 2>/dev/null || cat /proc/sys/kernel/hostname)"
            """.formatted(JDK_FEATURE);

    private RemoteHost() {
    }

    /** Checks one host in one ssh call; throws with the one-line diagnosis of what it lacks. */
    public static HostFacts check(Ssh ssh, SshTarget target, Duration timeout) throws RemoteException {
        byte[] script = (jdkScript() + "\n" + FACTS).getBytes(StandardCharsets.UTF_8);
        Ssh.Completed c = ssh.run(target, "bash -s", script, timeout);
        if (c.exit() == 127) {
            throw new RemoteException(target, "no bash");
        }
        Ssh.requireSuccess(target, "the host check", c);
        return facts(target, c.stdout());
    }

    /** The facts in the check's output, or the first thing missing. */
    static HostFacts facts(SshTarget target, String stdout) throws RemoteException {
        Map<String, String> values = new HashMap<>();
        stdout.lines().forEach(line -> {
            int eq = line.indexOf('=');
            if (eq > 0) {
                values.put(line.substring(0, eq), line.substring(eq + 1).strip());
            }
        });
        String javaHome = values.getOrDefault("java_home", "");
        if (javaHome.isEmpty()) {
            throw new RemoteException(target, "no JDK " + JDK_FEATURE
                    + " or newer (looked in JAVA_HOME and /usr/lib/jvm)");
        }
        if (values.getOrDefault("taskset", "").isEmpty()) {
            throw new RemoteException(target, "no taskset (install util-linux)");
        }
        int cores;
        try {
            cores = Integer.parseInt(values.getOrDefault("cores", ""));
        } catch (NumberFormatException e) {
            throw new RemoteException(target, "no nproc (install coreutils)");
        }
        return new HostFacts(target, javaHome, values.getOrDefault("hostname", ""),
                values.getOrDefault("kernel", ""), cores);
    }

    /** scripts/jdk.sh, which the build puts on the class path. */
    private static String jdkScript() {
        try (InputStream in = RemoteHost.class.getResourceAsStream("/jdk.sh")) {
            if (in == null) {
                throw new IllegalStateException("jdk.sh is not on the class path: the remote module's build copies it");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
