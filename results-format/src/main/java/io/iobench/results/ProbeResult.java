package io.iobench.results;

import java.util.List;
import java.util.Objects;

/**
 * What {@code iobench probe} measured of a server on its own host, for clients on other hosts that cannot read its
 * /proc (schema {@value #SCHEMA}). The probe follows the clients' schedule (released by the same GO, then the idle
 * window, the warm-up and the measured window) and keeps the server's raw figures, before any is divided by
 * messages: the messages are the clients', and only their merge knows them. {@link #server(long)} turns the figures
 * into the {@code server} part of a {@code result.json} as the client would have, and {@link #saturated()} says
 * whether the server was at its limit, by the client's own rule ({@link ServerWindowFigures}). A public format,
 * by the same rules as {@code result.json}: snake_case names, units in the names, null for what does not apply;
 * {@link ProbeResultFile} writes and reads it.
 *
 * @param schema  always {@value #SCHEMA}
 * @param pid     the server's process id
 * @param process what the server process is
 * @param host    the host the probe and the server ran on
 * @param window  when the measured window ran on this host's clock; null when the probe failed before it
 * @param server  the server's figures over the measured window; null when the probe failed
 * @param failure why the probe failed, or null
 * @param profile what the profilers the probe was given ({@code --prof}) found over the measured window, their
 *                system calls not yet divided by messages (only the clients' merge knows them); null when none was
 *                asked for
 */
public record ProbeResult(String schema, long pid, ServerProcess process, Host host, Window window,
                          ServerWindowFigures server, String failure, RunProfile profile) {

    /** The name and version of this format. */
    public static final String SCHEMA = "iobench-probe/1";

    public ProbeResult {
        Objects.requireNonNull(process, "process");
        Objects.requireNonNull(host, "host");
    }

    /** A probe without a profile, as every probe wrote before {@code --prof}. */
    public ProbeResult(String schema, long pid, ServerProcess process, Host host, Window window,
                       ServerWindowFigures server, String failure) {
        this(schema, pid, process, host, window, server, failure, null);
    }

    /** This probe with what its profilers found; null for none asked. */
    public ProbeResult withProfile(RunProfile found) {
        return new ProbeResult(schema, pid, process, host, window, server, failure, found);
    }

    /** A probe that measured the whole window. */
    public static ProbeResult measured(long pid, ServerProcess process, Host host, Window window,
                                       ServerWindowFigures server) {
        return new ProbeResult(SCHEMA, pid, process, host, Objects.requireNonNull(window, "window"),
                Objects.requireNonNull(server, "server"), null);
    }

    /**
     * A probe that did not measure the whole window, and why.
     *
     * @param window the window as far as it ran; null when the probe failed before it
     */
    public static ProbeResult failed(long pid, ServerProcess process, Host host, Window window, String failure) {
        return new ProbeResult(SCHEMA, pid, process, host, window, null, Objects.requireNonNull(failure, "failure"));
    }

    /** @return whether the probe failed: {@link #failure()} says why */
    public boolean failed() {
        return failure != null;
    }

    /**
     * @param messages echoes the clients completed in the measured window, all of them together
     * @return the server's part of the clients' merged result; null when the probe failed
     */
    public RunResult.Server server(long messages) {
        return server == null ? null : server.server(messages);
    }

    /** @return whether the server was at its limit, the client's rule; false when the probe failed */
    public boolean saturated() {
        return server != null && server.saturated();
    }

    /**
     * The environment of a run whose server this probe measured and whose load came from other hosts: the server
     * host's kernel, CPU, cores, JDK, name and tuning, the server's JVM options, command line and CPUs, beside the
     * clients' JVM options and CPUs as {@code clients} (the first client's environment) records them. Each client
     * host's own name and kernel are in the run's {@code clients}.
     */
    public RunResult.Environment environment(RunResult.Environment clients) {
        Integer serverCores = server == null ? null : server.coresAllowed();
        RunResult.Pinning clientPinning = clients == null ? null : clients.pinning();
        RunResult.Pinning pinning = new RunResult.Pinning(process.cpusAllowed(),
                clientPinning == null ? null : clientPinning.clientCpus(),
                serverCores == null ? null : serverCores < host.cores(),
                clientPinning == null ? null : clientPinning.clientPinned());
        return new RunResult.Environment(host.kernel(), host.cpuModel(), host.cores(), host.jdk(),
                clients == null ? null : clients.clientJvmOptions(), process.jvmOptions(), process.commandLine(),
                pinning, host.hostname(), host.tuning());
    }

    /**
     * What the server process is, read at the probe's start.
     *
     * @param cpusAllowed the CPUs it may run on, as the kernel lists them, e.g. {@code 0-3} (Cpus_allowed_list)
     * @param jvmOptions  its JVM options, class path left out; null when it is not a {@code java} process
     * @param commandLine its whole command line, joined with spaces
     */
    public record ServerProcess(String cpusAllowed, List<String> jvmOptions, String commandLine) {

        public ServerProcess {
            jvmOptions = jvmOptions == null ? null : List.copyOf(jvmOptions);
        }
    }

    /**
     * The host the probe ran on, the server's: results from different machines or JDKs do not compare.
     *
     * @param hostname the host's name
     * @param kernel   kernel release ({@code uname -r})
     * @param cpuModel the first CPU's model name from /proc/cpuinfo
     * @param cores    logical CPUs online on the host
     * @param jdk      the probe's JDK, version and vendor
     * @param tuning   how the host was tuned for the network; null in files older than it
     */
    public record Host(String hostname, String kernel, String cpuModel, int cores, String jdk, HostTuning tuning) {
    }

    /**
     * The measured window on the probe host's wall clock: set beside the clients' windows, it shows how well
     * the start barrier lined them up.
     *
     * @param startEpochMs when it began, milliseconds since the epoch
     * @param endEpochMs   when it ended (early, when the probe failed in it), milliseconds since the epoch
     */
    public record Window(long startEpochMs, long endEpochMs) {
    }
}
