package io.iobench.sweep;

import io.iobench.options.JvmOptions;
import io.iobench.server.LauncherOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How to start one model's server in its own JVM.
 *
 * @param options      the launcher's options: the model, its threads, where it listens
 * @param jvmOptions   extra options for the server JVM (heap, GC...), recorded in every result
 * @param cpuList      a {@code taskset -c} CPU list to pin the whole JVM to, or empty to leave it unpinned
 * @param logFile      where the server's stdout and stderr go
 * @param readyTimeout how long to wait for the READY line before the start counts as failed
 */
public record ServerLaunch(LauncherOptions options, List<String> jvmOptions, Optional<String> cpuList, Path logFile,
                           Duration readyTimeout) {

    /** How long a server may take to print READY by default: a JVM and a model starting on a busy core. */
    public static final Duration READY_TIMEOUT = Duration.ofSeconds(30);

    public ServerLaunch {
        jvmOptions = List.copyOf(jvmOptions);
    }

    /** The model on loopback with its defaults, unpinned, logging to {@code logFile}. */
    public static ServerLaunch of(String model, Path logFile) {
        return new ServerLaunch(LauncherOptions.of(model), List.of(), Optional.empty(), logFile, READY_TIMEOUT);
    }

    public ServerLaunch pinnedTo(Optional<String> cpus) {
        return new ServerLaunch(options, jvmOptions, cpus, logFile, readyTimeout);
    }

    /** The model's name. */
    public String model() {
        return options.model();
    }

    /** The JVM options the server runs with: those every iobench process needs first, then the user's. */
    public List<String> allJvmOptions() {
        List<String> all = new ArrayList<>(JvmOptions.required());
        all.addAll(jvmOptions);
        return all;
    }
}
