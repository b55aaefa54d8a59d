package io.iobench.results;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Finds the values Jackson made fit their field instead of refusing them: a string where a number belongs
 * ({@code "12"}, {@code "NaN"}), null where a number or a flag cannot be null (read as 0 or false), a fraction where
 * a whole number belongs (1.5 read as 1), a number where a text belongs. iobench's writers write none of these, and
 * bound as Jackson binds them they would be drawn as measured figures, or shown as "—" as if not measured.
 *
 * <p>It compares the file's tree with the tree of what the file was bound to, field by field, so every field's type
 * comes from the records themselves, with no second list of them to drift. Fields the reader does not know, and
 * fields it reads as null, are not compared: the first are a newer writer's, the second allowed by the schema.
 */
final class JsonTypeCheck {

    /** Longer values are cut in the message: it names the field, the file holds the rest. */
    private static final int SHOWN_CHARS = 40;

    private JsonTypeCheck() {
    }

    /**
     * @param file  the file as parsed
     * @param bound the value bound from it, as a tree
     * @return one problem per mistyped field, {@code throughput.msgs_per_s is the string "NaN", must be a number}
     */
    static List<String> problems(JsonNode file, JsonNode bound) {
        List<String> problems = new ArrayList<>();
        compare("", file, bound, problems);
        return problems;
    }

    private static void compare(String path, JsonNode file, JsonNode bound, List<String> problems) {
        if (bound == null || bound.isMissingNode() || bound.isNull()) {
            return;
        }
        if (file.isNull()) {
            // A null object or text reads as the record's default (flags, mode): that is how older files read.
            if (bound.isNumber() || bound.isBoolean()) {
                problems.add(path + " is null, must be " + kind(bound));
            }
            return;
        }
        if (file.getNodeType() != bound.getNodeType()) {
            problems.add(path + " is " + shown(file) + ", must be " + kind(bound));
        } else if (bound.isIntegralNumber() && !file.isIntegralNumber()) {
            problems.add(path + " is " + shown(file) + ", must be " + kind(bound));
        } else if (file.isObject()) {
            for (Map.Entry<String, JsonNode> field : file.properties()) {
                compare(path.isEmpty() ? field.getKey() : path + "." + field.getKey(), field.getValue(),
                        bound.get(field.getKey()), problems);
            }
        } else if (file.isArray()) {
            for (int i = 0; i < Math.min(file.size(), bound.size()); i++) {
                compare(path + "[" + i + "]", file.get(i), bound.get(i), problems);
            }
        }
    }

    private static String kind(JsonNode bound) {
        if (bound.isIntegralNumber()) {
            return "a whole number";
        }
        if (bound.isNumber()) {
            return "a number";
        }
        if (bound.isBoolean()) {
            return "true or false";
        }
        if (bound.isObject()) {
            return "an object";
        }
        return bound.isArray() ? "a list" : "a string";
    }

    private static String shown(JsonNode file) {
        String text = (file.isTextual() ? "the string " : "") + file;
        return text.length() <= SHOWN_CHARS ? text : text.substring(0, SHOWN_CHARS) + "…";
    }
}
