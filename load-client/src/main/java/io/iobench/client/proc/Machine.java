package io.iobench.client.proc;

import io.iobench.results.HostTuning;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The host and JVM a run measured on, for the record: results from different machines or JDKs do not compare.
 *
 * @param kernel     kernel release ({@code uname -r})
 * @param cpuModel   the first CPU's model name from /proc/cpuinfo
 * @param cores      logical CPUs online on the host (not only those this process may use)
 * @param jdk        the running JDK's version and vendor, e.g. {@code 25.0.1+8-LTS (Eclipse Adoptium)}
 * @param jvmOptions this JVM's options
 * @param hostname   the host's name
 * @param tuning     how the host is tuned for the network, as {@link HostTuningReader} found it
 */
public record Machine(String kernel, String cpuModel, int cores, String jdk, List<String> jvmOptions,
                      String hostname, HostTuning tuning) {

    public static Machine current() throws IOException {
        Path proc = Path.of("/proc");
        List<String> cpuinfo = Files.readAllLines(proc.resolve("cpuinfo"));
        String model = cpuinfo.stream().filter(line -> line.startsWith("model name"))
                .map(line -> line.substring(line.indexOf(':') + 1).trim()).findFirst().orElse("unknown");
        int cores = (int) cpuinfo.stream().filter(line -> line.startsWith("processor")).count();
        return new Machine(
                Files.readString(proc.resolve("sys/kernel/osrelease")).trim(),
                model,
                cores > 0 ? cores : Runtime.getRuntime().availableProcessors(),
                Runtime.version() + " (" + System.getProperty("java.vendor") + ")",
                List.copyOf(ManagementFactory.getRuntimeMXBean().getInputArguments()),
                Files.readString(proc.resolve("sys/kernel/hostname")).trim(),
                HostTuningReader.current());
    }
}
