package io.iobench.options;

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
 * </pre>
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
        String text = values.get(name);
        if (text == null) {
            return defaultValue;
        }
        long parsed = Quantities.parseCount("--" + name, text);
        if (parsed < min || parsed > max) {
            throw new UsageException("--" + name + " must be between " + min + " and " + max + ", got " + text);
        }
        return (int) parsed;
    }
}
