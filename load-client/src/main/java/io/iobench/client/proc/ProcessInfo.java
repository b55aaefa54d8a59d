package io.iobench.client.proc;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * What a process is, as opposed to what it uses ({@link ProcStat}): its command line and the CPUs it may run on.
 *
 * @param pid         the process
 * @param command     its arguments, the program first (/proc/PID/cmdline)
 * @param cpusAllowed the CPUs it may run on, as the kernel lists them, e.g. {@code 0-1} or {@code 0,2}
 *                    (Cpus_allowed_list: shows pinning with taskset)
 */
public record ProcessInfo(long pid, List<String> command, String cpusAllowed) {

    /** JVM options that take their value as the next argument. */
    private static final Set<String> OPTIONS_WITH_VALUE = Set.of("-cp", "-classpath", "--class-path", "-p",
            "--module-path", "--add-modules", "--add-opens", "--add-exports", "--add-reads", "--limit-modules",
            "--upgrade-module-path", "--patch-module", "--enable-native-access");
    private static final Set<String> CLASS_PATH_OPTIONS = Set.of("-cp", "-classpath", "--class-path", "-p",
            "--module-path");

    /** @throws ProcessGoneException when the process no longer exists */
    public static ProcessInfo read(long pid) throws IOException {
        Path dir = Path.of("/proc", Long.toString(pid));
        try {
            String cmdline = new String(Files.readAllBytes(dir.resolve("cmdline")), StandardCharsets.UTF_8);
            List<String> command = cmdline.isEmpty() ? List.of() : Arrays.asList(cmdline.split("\0"));
            String cpus = Files.readAllLines(dir.resolve("status")).stream()
                    .filter(line -> line.startsWith("Cpus_allowed_list:"))
                    .map(line -> line.substring("Cpus_allowed_list:".length()).trim())
                    .findFirst().orElse("");
            return new ProcessInfo(pid, List.copyOf(command), cpus);
        } catch (NoSuchFileException e) {
            throw new ProcessGoneException(pid);
        }
    }

    public static ProcessInfo self() throws IOException {
        return read(ProcessHandle.current().pid());
    }

    /** @return the number of CPUs the process may run on */
    public int coresAllowed() {
        return countCpus(cpusAllowed);
    }

    /** @return the command line joined with spaces */
    public String commandLine() {
        return String.join(" ", command);
    }

    /**
     * @return the JVM options on the command line (those before the main class or {@code -jar}, without the
     *         class path), or null when the program is not {@code java}
     */
    public List<String> jvmOptions() {
        if (command.isEmpty() || !Path.of(command.getFirst()).getFileName().toString().equals("java")) {
            return null;
        }
        List<String> options = new ArrayList<>();
        for (int i = 1; i < command.size(); i++) {
            String arg = command.get(i);
            if (!arg.startsWith("-") || arg.equals("-jar") || arg.equals("-m") || arg.equals("--module")) {
                break;
            }
            boolean takesValue = OPTIONS_WITH_VALUE.contains(arg);
            if (!CLASS_PATH_OPTIONS.contains(arg)) {
                options.add(takesValue && i + 1 < command.size() ? arg + " " + command.get(i + 1) : arg);
            }
            if (takesValue) {
                i++;
            }
        }
        return options;
    }

    /** Counts the CPUs in a kernel CPU list such as {@code 0-3,8,10-11}; 0 for an empty list. */
    public static int countCpus(String list) {
        return cpus(list).length;
    }

    /** The CPU numbers of a kernel CPU list such as {@code 0-3,8,10-11}, in the list's order. */
    public static int[] cpus(String list) {
        IntStream.Builder cpus = IntStream.builder();
        for (String part : list.split(",")) {
            String range = part.trim();
            if (range.isEmpty()) {
                continue;
            }
            int dash = range.indexOf('-');
            int first = Integer.parseInt(dash < 0 ? range : range.substring(0, dash));
            int last = dash < 0 ? first : Integer.parseInt(range.substring(dash + 1));
            for (int cpu = first; cpu <= last; cpu++) {
                cpus.add(cpu);
            }
        }
        return cpus.build().toArray();
    }
}
