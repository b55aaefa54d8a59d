package io.iobench.options;

import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Command-line flags of the form {@code --name value} and {@code --switch}. Unknown flags, missing values and
 * stray words are {@link UsageException}s, so a typo never silently runs the wrong benchmark.
 *
 * <pre>
 * Flags flags = Flags.parse(args, Set.of("model", "port"), Set.of("debug"));
 * int port = flags.intValue("port", 0, 0, 65535);
 * Duration warmup = flags.duration("warmup", "2s", Duration.ZERO);
 * </pre>
 *
 * The typed readers check ranges and say what was wrong in the flag's own name, so every command that reads a
 * duration, a size or a list of counts refuses the same mistakes with the same words.
 */
public final class Flags {

    private final Map<String, String> values;

    private Flags(Map<String, String> values) {
        this.values = values;
    }

    /**
     * @param valued   names that take a value ({@code --name value} or {@code --name=value})
     * @param switches names that take none
     */
    public static Flags parse(List<String> args, Set<String> valued, Set<String> switches) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--")) {
                throw new UsageException("unexpected argument '" + arg + "'; options start with --");
            }
            String name = arg.substring(2);
            String value = null;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            if (switches.contains(name)) {
                if (value != null) {
                    throw new UsageException("--" + name + " takes no value");
                }
                values.put(name, "true");
            } else if (valued.contains(name)) {
                if (value == null) {
                    if (i + 1 >= args.size()) {
                        throw new UsageException("--" + name + " needs a value");
                    }
                    value = args.get(++i);
                }
                values.put(name, value);
            } else {
                throw new UsageException("unknown option --" + name);
            }
        }
        return new Flags(values);
    }

    public static Flags parse(String[] args, Set<String> valued, Set<String> switches) {
        return parse(List.of(args), valued, switches);
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }

    public Optional<String> value(String name) {
        return Optional.ofNullable(values.get(name));
    }

    public String required(String name) {
        return value(name).orElseThrow(() -> new UsageException("--" + name + " is required"));
    }

    public String stringValue(String name, String defaultValue) {
        return values.getOrDefault(name, defaultValue);
    }

    /** An integer in {@code [min, max]}, or the default when the flag is absent. */
    public int intValue(String name, int defaultValue, int min, int max) {
        return (int) count(name, defaultValue, min, max);
    }

    /** A count such as {@code 10k} in {@code [min, max]}, or the default when the flag is absent. */
    public long count(String name, long defaultValue, long min, long max) {
        String text = values.get(name);
        return text == null ? defaultValue : inRange(name, text, Quantities.parseCount("--" + name, text), min, max);
    }

    /** A size in bytes such as {@code 1k} in {@code [min, max]}; {@code defaultText} when the flag is absent. */
    public long bytes(String name, String defaultText, long min, long max) {
        String text = stringValue(name, defaultText);
        return inRange(name, text, Quantities.parseBytes("--" + name, text), min, max);
    }

    /** A duration of at least {@code min}; {@code defaultText} when the flag is absent. */
    public Duration duration(String name, String defaultText, Duration min) {
        String text = stringValue(name, defaultText);
        Duration value = Quantities.parseDuration("--" + name, text);
        if (value.compareTo(min) < 0) {
            throw new UsageException("--" + name + " must be at least " + Quantities.format(min) + ", got " + text);
        }
        return value;
    }

    /** A comma list of counts, each in {@code [min, max]}; {@code defaultText} when the flag is absent. */
    public List<Long> counts(String name, String defaultText, long min, long max) {
        return list(name, defaultText).stream()
                .map(text -> inRange(name, text, Quantities.parseCount("--" + name, text), min, max)).toList();
    }

    /** A comma list of sizes in bytes, each in {@code [min, max]}; {@code defaultText} when the flag is absent. */
    public List<Long> sizes(String name, String defaultText, long min, long max) {
        return list(name, defaultText).stream()
                .map(text -> inRange(name, text, Quantities.parseBytes("--" + name, text), min, max)).toList();
    }

    /** A comma list of words; {@code defaultText} when the flag is absent. */
    public List<String> list(String name, String defaultText) {
        return Quantities.parseList("--" + name, stringValue(name, defaultText));
    }

    /** The value split at white space, such as JVM options; empty when the flag is absent or blank. */
    public List<String> words(String name) {
        return Arrays.stream(stringValue(name, "").trim().split("\\s+")).filter(w -> !w.isEmpty()).toList();
    }

    private static long inRange(String name, String text, long value, long min, long max) {
        if (value < min || value > max) {
            throw new UsageException("--" + name + (max == Long.MAX_VALUE || max == Integer.MAX_VALUE
                    ? " must be at least " + min : " must be between " + min + " and " + max) + ", got " + text);
        }
        return value;
    }
}
