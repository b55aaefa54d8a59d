package io.iobench.remote;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The engine of every remote call: the system {@code ssh}, so the user's own {@code ~/.ssh/config}, keys and agent
 * apply (or the config given with {@code -F}), and no password is ever handled here. Calls to one host share one
 * connection through a control master whose socket lives in a private directory this object owns.
 *
 * <pre>
 * try (Ssh ssh = Ssh.open(SshOptions.defaults())) {
 *     Ssh.Completed c = ssh.run(SshTarget.parse("root@host"), "uname -r", null, Duration.ofSeconds(30));
 * }
 * </pre>
 *
 * Every call is {@code ssh -T -o BatchMode=yes -o ControlMaster=auto -o ControlPath=DIR/%C -o ControlPersist=60s
 * -o ConnectTimeout=S -o ServerAliveInterval=5 -o ServerAliveCountMax=3 [-F config] -- DESTINATION COMMAND}; the
 * command is one string the remote shell reads, so its arguments must be quoted with {@link ShellQuote}. A host
 * that drops off the network mid-run is given up within about 15 s of silence, not the kernel's TCP time-out.
 */
public final class Ssh implements AutoCloseable {

    /** ssh's own exit code when it, rather than the remote command, failed. */
    static final int SSH_FAILED = 255;
    /** How long the output of a finished ssh may take to end: a background master may hold the pipe. */
    private static final Duration OUTPUT_GRACE = Duration.ofSeconds(2);
    private static final Duration EXIT_MASTER_TIMEOUT = Duration.ofSeconds(5);

    private final String executable;
    private final SshOptions options;
    private final Path controlDir;
    private final Set<SshTarget> used = ConcurrentHashMap.newKeySet();

    private Ssh(String executable, SshOptions options, Path controlDir) {
        this.executable = executable;
        this.options = options;
        this.controlDir = controlDir;
    }

    /** Finds ssh and creates the private (0700) directory of the control sockets under {@code java.io.tmpdir}. */
    public static Ssh open(SshOptions options) throws IOException {
        // Short: a control socket's path must fit in 108 bytes with ssh's own suffix.
        Path dir = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "ibssh",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        return new Ssh(findSsh(), options, dir);
    }

    private static String findSsh() throws IOException {
        String path = System.getenv().getOrDefault("PATH", "");
        return Stream.concat(Stream.of(path.split(File.pathSeparator)).filter(d -> !d.isEmpty()),
                        Stream.of("/usr/bin"))
                .map(d -> Path.of(d, "ssh")).filter(Files::isExecutable).findFirst().map(Path::toString)
                .orElseThrow(() -> new IOException("no ssh on PATH or in /usr/bin (install openssh-client)"));
    }

    /** What a command did: its exit code, stdout and stderr as text. */
    public record Completed(int exit, String stdout, String stderr) {
    }

    /**
     * Runs a command to completion.
     *
     * @param stdin   bytes for the command's stdin, or null for none (it sees end of file at once)
     * @throws RemoteException when ssh itself fails (exit 255: the host unreachable, the key refused...) or the
     *                         timeout passes; a non-zero exit of the remote command is returned, not thrown
     */
    public Completed run(SshTarget target, String remoteCommand, byte[] stdin, Duration timeout)
            throws RemoteException {
        return exec(target, remoteCommand, stdin, Redirect.PIPE, Redirect.PIPE, timeout);
    }

    /**
     * Starts a long-running remote command without a tty; its stdout and stderr lines go to {@code lines}, called
     * on a reader thread, and {@link RemoteProcess#send} writes to its stdin.
     */
    public RemoteProcess start(SshTarget target, String remoteCommand, Consumer<String> lines) throws IOException {
        Process process = new ProcessBuilder(commandLine(target, remoteCommand)).redirectErrorStream(true).start();
        return new RemoteProcess(target, process, lines);
    }

    /**
     * Copies a local file to {@code remotePath} (relative to the remote home, or absolute; no {@code ~}) so that
     * it appears whole or not at all: {@code cat > path.tmp && mv path.tmp path}, the bytes on stdin.
     */
    public void upload(SshTarget target, Path localFile, String remotePath, Duration timeout)
            throws RemoteException {
        String tmp = ShellQuote.quote(remotePath + ".tmp");
        String command = "cat > " + tmp + " && mv -f " + tmp + " " + ShellQuote.quote(remotePath);
        requireSuccess(target, "upload to " + remotePath,
                exec(target, command, null, Redirect.from(localFile.toFile()), Redirect.PIPE, timeout));
    }

    /**
     * Copies the contents of a remote directory into {@code localDir} (created when missing): the remote
     * {@code tar -C remoteDir -cf - .} is kept in a local file and unpacked by the system tar.
     */
    public void download(SshTarget target, String remoteDir, Path localDir, Duration timeout)
            throws RemoteException {
        Path archive = controlDir.resolve("download-" + System.nanoTime() + ".tar");
        try {
            String command = "tar -C " + ShellQuote.quote(remoteDir) + " -cf - .";
            requireSuccess(target, "download of " + remoteDir,
                    exec(target, command, null, Redirect.PIPE, Redirect.to(archive.toFile()), timeout));
            Files.createDirectories(localDir);
            Process tar = new ProcessBuilder("tar", "-C", localDir.toString(), "-xf", archive.toString())
                    .redirectErrorStream(true).start();
            StreamDrain out = StreamDrain.of(tar.getInputStream());
            if (!tar.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                tar.destroyForcibly();
                throw new RemoteException(target, "download of " + remoteDir + ": local tar timed out");
            }
            if (tar.exitValue() != 0) {
                throw new RemoteException(target, "download of " + remoteDir + ": local tar failed ("
                        + out.text(OUTPUT_GRACE).strip() + ")");
            }
        } catch (IOException e) {
            throw e instanceof RemoteException r ? r
                    : new RemoteException(target, "download of " + remoteDir + " into " + localDir + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RemoteException(target, "download of " + remoteDir + " interrupted");
        } finally {
            archive.toFile().delete();
        }
    }

    /** Ends the control master of every host used ({@code ssh -O exit}), then deletes the control directory. */
    @Override
    public void close() {
        for (SshTarget target : used) {
            List<String> exit = new ArrayList<>(List.of(executable, "-o", "ControlPath=" + controlDir + "/%C"));
            options.configFile().ifPresent(f -> exit.addAll(List.of("-F", f.toString())));
            exit.addAll(List.of("-O", "exit", "--", target.destination()));
            try {
                Process p = new ProcessBuilder(exit).redirectErrorStream(true).redirectOutput(Redirect.DISCARD)
                        .start();
                if (!p.waitFor(EXIT_MASTER_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                    p.destroyForcibly();
                }
            } catch (IOException e) {
                // No master left to end: nothing to do.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        try (Stream<Path> files = Files.walk(controlDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // Already gone.
        }
    }

    /** The ssh command line of one call. */
    List<String> commandLine(SshTarget target, String remoteCommand) {
        used.add(target);
        List<String> line = new ArrayList<>(List.of(executable, "-T", "-o", "BatchMode=yes",
                "-o", "ControlMaster=auto", "-o", "ControlPath=" + controlDir + "/%C", "-o", "ControlPersist=60s",
                "-o", "ConnectTimeout=" + options.connectTimeoutSeconds(), "-o", "ServerAliveInterval=5",
                "-o", "ServerAliveCountMax=3"));
        options.configFile().ifPresent(f -> line.addAll(List.of("-F", f.toString())));
        line.addAll(List.of("--", target.destination(), remoteCommand));
        return line;
    }

    private Completed exec(SshTarget target, String command, byte[] stdinBytes, Redirect stdin, Redirect stdout,
                           Duration timeout) throws RemoteException {
        try {
            Process p = new ProcessBuilder(commandLine(target, command)).redirectInput(stdin).redirectOutput(stdout)
                    .start();
            StreamDrain out = stdout == Redirect.PIPE ? StreamDrain.of(p.getInputStream()) : null;
            StreamDrain err = StreamDrain.of(p.getErrorStream());
            if (stdin == Redirect.PIPE) {
                feed(p.getOutputStream(), stdinBytes);
            }
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new RemoteException(target, "timed out after " + timeout.toSeconds() + " s running "
                        + abbreviate(command));
            }
            Completed done = new Completed(p.exitValue(), out == null ? "" : out.text(OUTPUT_GRACE),
                    err.text(OUTPUT_GRACE));
            if (done.exit() == SSH_FAILED) {
                throw RemoteException.sshFailed(target, done.stderr());
            }
            return done;
        } catch (RemoteException e) {
            throw e;
        } catch (IOException e) {
            throw new RemoteException(target, "could not start ssh: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RemoteException(target, "interrupted running " + abbreviate(command));
        }
    }

    /** Writes stdin on a thread of its own, so a command that writes before it reads cannot deadlock us. */
    private static void feed(OutputStream stdin, byte[] bytes) {
        Thread.ofVirtual().start(() -> {
            try (stdin) {
                if (bytes != null) {
                    stdin.write(bytes);
                }
            } catch (IOException e) {
                // The command stopped reading (or exited); its exit code tells the rest.
            }
        });
    }

    /** Throws when the remote command exited non-zero, naming what was being done and its last stderr line. */
    static void requireSuccess(SshTarget target, String what, Completed c) throws RemoteException {
        if (c.exit() != 0) {
            List<String> lines = c.stderr().lines().filter(l -> !l.isBlank()).toList();
            throw new RemoteException(target, what + " failed with exit " + c.exit()
                    + (lines.isEmpty() ? "" : " (" + lines.getLast().strip() + ")"));
        }
    }

    /** A command as a message shows it: the first line, at most 60 characters. */
    static String abbreviate(String command) {
        String first = command.lines().findFirst().orElse("").strip();
        return first.length() <= 60 && !command.strip().contains("\n") ? first : first.substring(0,
                Math.min(first.length(), 57)) + "...";
    }
}
