package io.iobench.client.proc;

import io.iobench.results.HostTuning;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Reads how the host is tuned for the network from /proc and /sys ({@link HostTuning} says what each setting is).
 * Every file is optional: a kernel without cpufreq, SMT control or /sys/hypervisor, a container that hides some of
 * /sys, or an unreadable file gives null for that setting and never fails the run that asked.
 *
 * <p>It reads under a root directory, {@code /} on a host, so a test can point it at a tree of fixture files laid out
 * as the kernel lays them out.
 */
public final class HostTuningReader {

    private final Path root;

    /** @param root the directory /proc and /sys are under: {@code /} on a host */
    public HostTuningReader(Path root) {
        this.root = root;
    }

    /** This host's tuning. */
    public static HostTuning current() {
        return new HostTuningReader(Path.of("/")).read();
    }

    public HostTuning read() {
        String cpufreq = "sys/devices/system/cpu/cpu0/cpufreq/";
        return new HostTuning(
                text("proc/cmdline"),
                text(cpufreq + "scaling_governor"),
                whole(cpufreq + "scaling_min_freq"),
                whole(cpufreq + "scaling_max_freq"),
                selected(text("sys/kernel/mm/transparent_hugepage/enabled")),
                integer("proc/sys/net/core/somaxconn"),
                wholes("proc/sys/net/ipv4/tcp_rmem", 3),
                wholes("proc/sys/net/ipv4/tcp_wmem", 3),
                integer("proc/sys/net/core/busy_poll"),
                integer("proc/sys/net/core/busy_read"),
                text("sys/devices/system/clocksource/clocksource0/current_clocksource"),
                smtActive(),
                vulnerabilities(),
                hypervisor(),
                text("sys/hypervisor/type"));
    }

    /**
     * The bracketed choice of a /sys setting that lists every choice, {@code always [madvise] never}; the whole text
     * when none is bracketed.
     */
    static String selected(String choices) {
        if (choices == null) {
            return null;
        }
        int open = choices.indexOf('[');
        int close = choices.indexOf(']', open + 1);
        return open >= 0 && close > open ? choices.substring(open + 1, close) : choices;
    }

    /**
     * smt/active says whether SMT is in use now; without it (kernels before 4.19), smt/control says whether it is
     * allowed: {@code on}, or {@code off}, {@code forceoff} and {@code notsupported}, which all mean it is not in use.
     */
    private Boolean smtActive() {
        String active = text("sys/devices/system/cpu/smt/active");
        if (active != null) {
            return switch (active) {
                case "1" -> true;
                case "0" -> false;
                default -> null;
            };
        }
        String control = text("sys/devices/system/cpu/smt/control");
        if (control == null) {
            return null;
        }
        return switch (control) {
            case "on" -> true;
            case "off", "forceoff", "notsupported" -> false;
            default -> null;
        };
    }

    private Map<String, String> vulnerabilities() {
        Path dir = root.resolve("sys/devices/system/cpu/vulnerabilities");
        if (!Files.isDirectory(dir)) {
            return null;
        }
        Map<String, String> states = new TreeMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String state = text(file);
                if (state != null) {
                    states.put(file.getFileName().toString(), state);
                }
            }
        } catch (IOException | UncheckedIOException e) {
            return null;
        }
        return states;
    }

    /** Whether any CPU's flags name {@code hypervisor}; null when cpuinfo has no flags line to tell. */
    private Boolean hypervisor() {
        List<String> lines = lines("proc/cpuinfo");
        if (lines == null) {
            return null;
        }
        List<String> flags = lines.stream().filter(line -> line.startsWith("flags")).toList();
        if (flags.isEmpty()) {
            return null;
        }
        return flags.stream().anyMatch(line -> Arrays.asList(line.substring(line.indexOf(':') + 1).trim()
                .split("\\s+")).contains("hypervisor"));
    }

    private Integer integer(String file) {
        Long value = whole(file);
        return value == null || value != value.intValue() ? null : value.intValue();
    }

    private Long whole(String file) {
        List<Long> values = wholes(file, 1);
        return values == null ? null : values.getFirst();
    }

    /**
     * The {@code count} whitespace-separated whole numbers of a file, as tcp_rmem's three; null when any is not one
     * or there are not {@code count}.
     */
    private List<Long> wholes(String file, int count) {
        String text = text(file);
        if (text == null) {
            return null;
        }
        try {
            List<Long> values = Arrays.stream(text.split("\\s+")).map(Long::parseLong).toList();
            return values.size() == count ? values : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private String text(String file) {
        return text(root.resolve(file));
    }

    /**
     * The file's content without its trailing newline; null when it is missing, unreadable or empty. Read through a
     * buffer, in one read: a sysctl's file under /proc/sys answers only a read from its start, and
     * {@code Files.readString} reads a file whose size is 0, as every /proc file's is, one byte first
     * (net.core.somaxconn 4096 read as 4).
     */
    private static String text(Path file) {
        try {
            String text = String.join("\n", Files.readAllLines(file)).strip();
            return text.isEmpty() ? null : text;
        } catch (IOException | UncheckedIOException e) {
            return null;
        }
    }

    private List<String> lines(String file) {
        try {
            return Files.readAllLines(root.resolve(file));
        } catch (IOException | UncheckedIOException e) {
            return null;
        }
    }
}
