package io.iobench.client.profile;

import io.iobench.results.RunProfile;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;

/**
 * Reads a flight recording into the JVM's pauses: each stop-the-world phase of a collection
 * ({@code jdk.GCPhasePause}, its cause from {@code jdk.GarbageCollection}) as kind {@code gc}, and each safepoint,
 * from its {@code jdk.SafepointBegin} to its {@code jdk.SafepointEnd} (the time to reach it and the time at it), as
 * kind {@code safepoint}, named by its VM operation ({@code jdk.ExecuteVMOperation}). A collection's pause is inside a
 * safepoint, so it shows twice, once of each kind: the safepoint is what the application's threads waited.
 */
final class JfrPauses {

    static final String SOURCE = "jfr";

    private JfrPauses() {
    }

    /** @return the pauses of at least {@code thresholdMs} that began inside {@code window}, by their start */
    static List<RunProfile.Pause> read(Path recording, Profiler.Window window, double thresholdMs)
            throws IOException {
        Map<Long, String> causes = new HashMap<>();
        Map<Long, String> operations = new HashMap<>();
        Map<Long, Instant> safepointStarts = new HashMap<>();
        Map<Long, Instant> safepointEnds = new HashMap<>();
        List<RecordedEvent> phases = new ArrayList<>();
        for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
            switch (event.getEventType().getName()) {
                case "jdk.GCPhasePause" -> phases.add(event);
                case "jdk.GarbageCollection" -> causes.put(event.getLong("gcId"), event.getString("cause"));
                case "jdk.ExecuteVMOperation" -> {
                    if (event.getBoolean("safepoint")) {
                        operations.put(event.getLong("safepointId"), event.getString("operation"));
                    }
                }
                case "jdk.SafepointBegin" -> safepointStarts.put(event.getLong("safepointId"), event.getStartTime());
                case "jdk.SafepointEnd" -> safepointEnds.put(event.getLong("safepointId"), event.getEndTime());
                default -> {
                    // Thread parks and socket reads stay in the recording, for a human with JDK Mission Control.
                }
            }
        }
        List<RunProfile.Pause> pauses = new ArrayList<>();
        for (RecordedEvent phase : phases) {
            String cause = causes.get(phase.getLong("gcId"));
            add(pauses, phase.getStartTime(), phase.getDuration(), "gc",
                    phase.getString("name") + (cause == null ? "" : " (" + cause + ")"), window, thresholdMs);
        }
        safepointStarts.forEach((id, start) -> {
            Instant end = safepointEnds.get(id);
            if (end != null) {
                add(pauses, start, Duration.between(start, end), "safepoint", operations.getOrDefault(id, "unknown"),
                        window, thresholdMs);
            }
        });
        pauses.sort(Comparator.comparingLong(RunProfile.Pause::startEpochMs)
                .thenComparing(RunProfile.Pause::kind));
        return pauses;
    }

    private static void add(List<RunProfile.Pause> pauses, Instant start, Duration duration, String kind,
                            String detail, Profiler.Window window, double thresholdMs) {
        double durationMs = duration.toNanos() / 1e6;
        if (durationMs >= thresholdMs && window.contains(start.toEpochMilli())) {
            pauses.add(new RunProfile.Pause(start.toEpochMilli(), Math.round(durationMs * 1000) / 1000.0, kind,
                    detail, SOURCE));
        }
    }
}
