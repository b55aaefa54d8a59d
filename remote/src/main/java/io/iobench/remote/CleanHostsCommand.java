package io.iobench.remote;

import io.iobench.options.CommandShell;
import io.iobench.options.Flags;
import io.iobench.options.Quantities;
import io.iobench.options.UsageException;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * {@code iobench clean-hosts}: removes iobench's work directory from each host, and only that directory (the
 * one {@link Deployment#requireSafeWorkDir} accepts).
 *
 * <pre>
 * iobench clean-hosts --hosts [user@]HOST[,HOST...] [--ssh-config FILE] [--work-dir DIR] [--debug]
 * </pre>
 *
 * Prints one line per host: what was removed on stdout, what failed on stderr. Exit codes: 0 all removed, 1 a host
 * failed, 2 a mistake in the arguments.
 */
public final class CleanHostsCommand {

    static final String USAGE = "usage: iobench clean-hosts --hosts [user@]HOST[,HOST...] [--ssh-config FILE]"
            + " [--work-dir DIR] [--debug]";

    private static final Set<String> VALUED = Set.of("hosts", "ssh-config", "work-dir");
    private static final CommandShell SHELL = CommandShell.of("clean-hosts", USAGE);
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private CleanHostsCommand() {
    }

    /** Runs {@code iobench clean-hosts} and exits with its code. */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Cleans the hosts the arguments name; returns the process exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return SHELL.run(args, out, err, arguments -> {
            Flags flags = Flags.parse(arguments, VALUED, Set.of());
            List<SshTarget> hosts = Quantities.parseList("--hosts", flags.required("hosts")).stream()
                    .map(SshTarget::parse).toList();
            String workDir = flags.stringValue("work-dir", Deployment.DEFAULT_WORK_DIR);
            try {
                Deployment.requireSafeWorkDir(workDir);
            } catch (IllegalArgumentException e) {
                throw new UsageException("--work-dir: " + e.getMessage());
            }
            SshOptions options = flags.value("ssh-config").map(Path::of)
                    .map(SshOptions.defaults()::withConfig).orElse(SshOptions.defaults());
            int exit = CommandShell.OK;
            try (Ssh ssh = Ssh.open(options)) {
                for (SshTarget host : hosts) {
                    try {
                        Ssh.requireSuccess(host, "rm -rf " + workDir,
                                ssh.run(host, "rm -rf -- " + ShellQuote.quote(workDir), null, TIMEOUT));
                        out.println("host " + host + ": removed " + workDir);
                    } catch (RemoteException e) {
                        err.println(e.getMessage());
                        exit = CommandShell.FAILED;
                    }
                }
            }
            return exit;
        });
    }
}
