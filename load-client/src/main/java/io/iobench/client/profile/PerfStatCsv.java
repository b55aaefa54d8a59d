package io.iobench.client.profile;

import io.iobench.results.RunProfile;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads what {@code perf stat -x,} writes: a line per event, {@code count,unit,event,run time,percent,...}, after
 * comment lines starting with {@code #}. A count of {@code <not counted>} is an event that never ran on the
 * process's CPUs (a server that made no system call of that kind), so 0; {@code <not supported>} is left out.
 *
 * <pre>
 * # started on Wed Dec  2 13:31:29 2026
 *
 * 20894,,raw_syscalls:sys_enter,198722795,100.00,,
 * 597,,syscalls:sys_enter_read,198722795,100.00,,
 * </pre>
 */
final class PerfStatCsv {

    /** The event counting every system call entered. */
    static final String ALL_CALLS = "raw_syscalls:sys_enter";
    /** The prefix of the event counting one call, before its name. */
    static final String ONE_CALL = "syscalls:sys_enter_";

    private PerfStatCsv() {
    }

    /**
     * @param windowS the seconds perf counted
     * @return the counts of {@link #ALL_CALLS} and of each call; null when the text has no count of
     *         {@link #ALL_CALLS}
     */
    static RunProfile.Syscalls read(List<String> lines, double windowS) {
        Long total = null;
        Map<String, Long> calls = new LinkedHashMap<>();
        for (String line : lines) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.split(",", -1);
            if (fields.length < 3) {
                continue;
            }
            Long count = count(fields[0].trim());
            String event = fields[2].trim();
            if (count == null) {
                continue;
            }
            if (event.equals(ALL_CALLS)) {
                total = count;
            } else if (event.startsWith(ONE_CALL)) {
                calls.put(event.substring(ONE_CALL.length()), count);
            }
        }
        return total == null ? null : RunProfile.Syscalls.counted(windowS, total, calls);
    }

    private static Long count(String text) {
        if (text.equals("<not counted>")) {
            return 0L;
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
