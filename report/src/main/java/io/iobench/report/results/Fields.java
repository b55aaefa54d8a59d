package io.iobench.report.results;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads optional fields out of a JSON tree. The result format writes {@code null} for what was not measured and older
 * or newer writers may leave fields out; both read here as {@code null}, so a blank cell is the worst that happens.
 */
public final class Fields {

    private Fields() {
    }

    /** The number at {@code path}, or null when it is absent, null or not a number. */
    public static Double number(JsonNode node, String... path) {
        JsonNode value = at(node, path);
        return value.isNumber() ? value.doubleValue() : null;
    }

    /** The text at {@code path}, or null when it is absent, null or not text. */
    public static String text(JsonNode node, String... path) {
        JsonNode value = at(node, path);
        return value.isTextual() ? value.textValue() : null;
    }

    /** The boolean at {@code path}; absent or null is false. */
    public static boolean flag(JsonNode node, String... path) {
        return at(node, path).asBoolean(false);
    }

    /** The node at {@code path}: a missing node when any step is absent, so callers chain without null checks. */
    public static JsonNode at(JsonNode node, String... path) {
        JsonNode current = node;
        for (String step : path) {
            current = current.path(step);
        }
        return current;
    }

    /**
     * A scalar as text, or the items of an array (a command line, JVM options) joined with spaces and quoted the way a
     * shell would need them, so the line can be pasted back; null when absent or null.
     */
    public static String words(JsonNode node, String... path) {
        JsonNode value = at(node, path);
        if (value.isArray()) {
            StringBuilder text = new StringBuilder();
            value.forEach(item -> text.append(text.isEmpty() ? "" : " ").append(shellWord(item.asText())));
            return text.toString();
        }
        return value.isValueNode() && !value.isNull() ? value.asText() : null;
    }

    private static String shellWord(String word) {
        if (!word.isEmpty() && word.matches("[A-Za-z0-9_@%+=:,./-]+")) {
            return word;
        }
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
