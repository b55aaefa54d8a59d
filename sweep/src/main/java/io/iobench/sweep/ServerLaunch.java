package io.iobench.sweep;

import io.iobench.options.JvmOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How to start one model's server in its own JVM.
 *
 * @param model          the model name, as {@code iobench models} lists it
 * @param threads        {@code --threads}; 0 for the model's default
 * @param maxConnections {@code --max-connections}; 0 for the launcher's default
 * @param jvmOptions     extra options for the server JVM (heap, GC...), recorded in every result
 * @param cpuList        a {@code taskset -c} CPU list to pin the whole JVM to, or empty to leave it unpinned
 * @param logFile        where the server's stdout and stderr go
 * @param readyTimeout   how long to wait for the READY line before the start counts as failed
 */
public record ServerLaunch(String model, int threads, int maxConnections, List<String> jvmOptions,
                           Optional<String> cpuList, Path logFile, Duration readyTimeout) {

    public ServerLaunch {
        jvmOptions = List.copyOf(jvmOptions);
    }

    /** The model on loopback with its defaults, unpinned, logging to {@code logFile}, 30 s to get ready. */
    public static ServerLaunch of(String model, Path logFile) {
        return new ServerLaunch(model, 0, 0, List.of(), Optional.empty(), logFile, Duration.ofSeconds(30));
    }

    public ServerLaunch pinnedTo(Optional<String> cpus) {
        return new ServerLaunch(model, threads, maxConnections, jvmOptions, cpus, logFile, readyTimeout);
    }




    /** The JVM options the server runs with: those every iobench process needs first, then the user's. */
    public List<String> allJvmOptions() {
        List<String> all = new ArrayList<>(JvmOptions.required());
        all.addAll(jvmOptions);
        return all;
    }

    /** The launcher's own arguments after the main class. */
    List<String> launcherArguments() {
        List<String> args = new ArrayList<>(List.of("--model", model, "--bind", "127.0.0.1", "--port", "0"));
        if (threads > 0) {
            args.addAll(List.of("--threads", Integer.toString(threads)));
        }
        if (maxConnections > 0) {
            args.addAll(List.of("--max-connections", Integer.toString(maxConnections)));
        }
        return args;
    }
}
