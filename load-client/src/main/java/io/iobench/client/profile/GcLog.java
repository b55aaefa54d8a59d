package io.iobench.client.profile;

import io.iobench.results.RunProfile;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a JVM's unified log ({@code -Xlog:gc*,safepoint:file=...:time,uptime,level,tags}) into its pauses: each line
 * tagged {@code gc} that ends a pause, as kind {@code gc}, and each {@code safepoint} line, as kind
 * {@code safepoint}. A line is written when its pause ended, with the duration in it, so the pause began that
 * long before the line's time ({@code time} decorator, ISO-8601 with the zone); a log without that decorator has no
 * wall time and yields nothing.
 *
 * <pre>
 * [2026-12-02T13:33:46.545+0000][0.622s][info][gc             ] GC(1) Pause Full (System.gc()) 10M-&gt;2M(28M) 13.327ms
 * [2026-12-02T13:33:46.545+0000][0.622s][info][safepoint      ] Safepoint "G1CollectFull", Time since last: ...,
 *     Reaching safepoint: 108494 ns, At safepoint: 13353685 ns, Leaving safepoint: 21193 ns, Total: 13483372 ns, ...
 * </pre>
 */
final class GcLog {

    static final String SOURCE = "gc";

    private static final Pattern LINE = Pattern.compile(
            "^\\[([^\\]]+)\\](?:\\[[^\\]]*\\])*?\\[([a-z]+)\\s*\\]\\s*\\[([^\\]]+)\\]\\s*(.*)$");
    private static final Pattern GC_PAUSE = Pattern.compile("GC\\(\\d+\\) (Pause.*?) \\S*->\\S* ([0-9.]+)ms$");
    private static final Pattern SAFEPOINT = Pattern.compile("Safepoint \"([^\"]*)\".*Total: (\\d+) ns");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

    private GcLog() {
    }

    /** @return the pauses of at least {@code thresholdMs} that began inside {@code window}, by their start */
    static List<RunProfile.Pause> pauses(List<String> lines, Profiler.Window window, double thresholdMs) {
        List<RunProfile.Pause> pauses = new ArrayList<>();
        for (String line : lines) {
            Matcher parts = LINE.matcher(line);
            if (!parts.matches()) {
                continue;
            }
            Long endEpochMs = epochMs(parts.group(1));
            String tags = parts.group(3).trim();
            String message = parts.group(4);
            if (endEpochMs == null) {
                continue;
            }
            Matcher gc = GC_PAUSE.matcher(message);
            Matcher safepoint = SAFEPOINT.matcher(message);
            if (tags.equals("gc") && gc.find()) {
                add(pauses, endEpochMs, Double.parseDouble(gc.group(2)), "gc", gc.group(1), window, thresholdMs);
            } else if (tags.equals("safepoint") && safepoint.find()) {
                add(pauses, endEpochMs, Long.parseLong(safepoint.group(2)) / 1e6, "safepoint", safepoint.group(1),
                        window, thresholdMs);
            }
        }
        pauses.sort(Comparator.comparingLong(RunProfile.Pause::startEpochMs).thenComparing(RunProfile.Pause::kind));
        return pauses;
    }

    private static void add(List<RunProfile.Pause> pauses, long endEpochMs, double durationMs, String kind,
                            String detail, Profiler.Window window, double thresholdMs) {
        long startEpochMs = endEpochMs - Math.round(durationMs);
        if (durationMs >= thresholdMs && window.contains(startEpochMs)) {
            pauses.add(new RunProfile.Pause(startEpochMs, Math.round(durationMs * 1000) / 1000.0, kind, detail,
                    SOURCE));
        }
    }

    /** @return the {@code time} decorator as ms since the epoch; null for another decorator (uptime, level) */
    private static Long epochMs(String decorator) {
        try {
            return OffsetDateTime.parse(decorator, TIME).toInstant().toEpochMilli();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
