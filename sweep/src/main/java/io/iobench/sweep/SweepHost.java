package io.iobench.sweep;

import io.iobench.remote.SshTarget;
import io.iobench.options.UsageException;
import io.iobench.remote.Deployment;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One host of a sweep on several hosts, and how the sweep uses it.
 *
 * @param ssh     how to reach it: {@code [user@]host}, as the user's ssh config knows it
 * @param cpus    the {@code taskset -c} list its iobench process is pinned to; empty for all its cores
 * @param bind    the server host only: the address the server listens on; empty for the address {@code ssh}'s host
 *                resolves to here, never 0.0.0.0 unless named
 * @param address the server host only: the address clients connect to; empty for {@code bind}'s
 * @param workDir where iobench's files go on it, relative to the remote user's home or absolute
 */
public record SweepHost(SshTarget ssh, Optional<String> cpus, Optional<String> bind, Optional<String> address,
                        String workDir) {

    private static final Pattern CPU_LIST = Pattern.compile("\\d+(-\\d+)?(,\\d+(-\\d+)?)*");

    public SweepHost {
        if (cpus.isPresent() && !CPU_LIST.matcher(cpus.get()).matches()) {
            throw new UsageException("host " + ssh + ": cpus '" + cpus.get() + "' is not a taskset -c list such as"
                    + " 0-3 or 0,2");
        }
        try {
            Deployment.requireSafeWorkDir(workDir);
        } catch (IllegalArgumentException e) {
            throw new UsageException("host " + ssh + ": " + e.getMessage());
        }
    }

    /** A host by its ssh name alone: every core, the default work directory. */
    public static SweepHost named(SshTarget ssh, String workDir) {
        return new SweepHost(ssh, Optional.empty(), Optional.empty(), Optional.empty(), workDir);
    }

    @Override
    public String toString() {
        return ssh.toString();
    }
}
