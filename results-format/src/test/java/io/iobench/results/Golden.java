package io.iobench.results;

import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Golden files: what a writer writes today, compared with what it wrote when the format was last changed on
 * purpose (src/test/resources/golden). A difference fails with what moved, in the format's own terms: a field
 * gone, added or moved, a value (and so a unit) changed, a column renamed or shifted. To change a format on
 * purpose, run the tests with {@code -Dgolden.update=true}, which rewrites the files, and commit them with the
 * change, the schema and SCHEMA.md.
 */
final class Golden {

    static final Path DIR = Path.of("src/test/resources/golden");
    private static final boolean UPDATE = Boolean.getBoolean("golden.update");
    private static final ObjectMapper JSON = new ObjectMapper();

    private Golden() {
    }

    /** A JSON file: fields by their path, in order, with their values. */
    static void assertJson(String name, String actual) throws IOException {
        String golden = goldenText(name, actual);
        if (golden.equals(actual)) {
            return;
        }
        Map<String, String> was = fields(JSON.readTree(golden));
        Map<String, String> now = fields(JSON.readTree(actual));
        List<String> problems = new ArrayList<>();
        was.keySet().stream().filter(path -> !now.containsKey(path))
                .forEach(path -> problems.add("field " + path + " is gone (renamed?)"));
        now.keySet().stream().filter(path -> !was.containsKey(path))
                .forEach(path -> problems.add("field " + path + " is new"));
        List<String> wasOrder = was.keySet().stream().filter(now::containsKey).toList();
        List<String> nowOrder = now.keySet().stream().filter(was::containsKey).toList();
        for (int i = 0; i < wasOrder.size(); i++) {
            if (!wasOrder.get(i).equals(nowOrder.get(i))) {
                problems.add("field " + nowOrder.get(i) + " moved to where " + wasOrder.get(i) + " was");
                break;
            }
        }
        was.forEach((path, value) -> {
            if (now.containsKey(path) && !now.get(path).equals(value)) {
                problems.add("field " + path + " was " + value + ", is " + now.get(path) + " (a unit or a swap?)");
            }
        });
        if (problems.isEmpty()) {
            problems.add("the text differs (white space?)");
        }
        fail(name + " no longer matches its golden file:\n  " + String.join("\n  ", problems) + howToUpdate());
    }

    /** A CSV file: columns by position, then rows. */
    static void assertCsv(String name, String actual) throws IOException {
        String golden = goldenText(name, actual);
        if (golden.equals(actual)) {
            return;
        }
        List<String> wasLines = golden.lines().toList();
        List<String> nowLines = actual.lines().toList();
        List<String> wasColumns = List.of(wasLines.getFirst().split(","));
        List<String> nowColumns = List.of(nowLines.getFirst().split(","));
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < Math.max(wasColumns.size(), nowColumns.size()); i++) {
            String was = i < wasColumns.size() ? wasColumns.get(i) : null;
            String now = i < nowColumns.size() ? nowColumns.get(i) : null;
            if (was == null) {
                problems.add("column " + (i + 1) + " " + now + " is new");
            } else if (now == null) {
                problems.add("column " + (i + 1) + " " + was + " is gone");
            } else if (!was.equals(now)) {
                problems.add("column " + (i + 1) + " was " + was + ", is " + now
                        + (nowColumns.contains(was) ? " (" + was + " moved: columns are only ever appended)"
                        : " (renamed?)"));
                break;
            }
        }
        if (problems.isEmpty()) {
            problems.add(firstDifferentLine(wasLines, nowLines));
        }
        fail(name + " no longer matches its golden file:\n  " + String.join("\n  ", problems) + howToUpdate());
    }

    /** Any text: the first line that differs. */
    static void assertText(String name, String actual) throws IOException {
        assertText(DIR.resolve(name), actual);
    }

    /** Any text kept at {@code file}: the first line that differs. */
    static void assertText(Path file, String actual) throws IOException {
        String golden = goldenText(file, actual);
        if (!golden.equals(actual)) {
            fail(file + " no longer matches what is generated: "
                    + firstDifferentLine(golden.lines().toList(), actual.lines().toList()) + howToUpdate());
        }
    }

    private static String goldenText(String name, String actual) throws IOException {
        return goldenText(DIR.resolve(name), actual);
    }

    private static String goldenText(Path file, String actual) throws IOException {
        if (UPDATE) {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            Files.writeString(file, actual, StandardCharsets.UTF_8);
        }
        if (!Files.exists(file)) {
            fail(file + " is missing; write it with -Dgolden.update=true");
        }
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    private static String firstDifferentLine(List<String> was, List<String> now) {
        for (int i = 0; i < Math.max(was.size(), now.size()); i++) {
            String a = i < was.size() ? was.get(i) : "<no line>";
            String b = i < now.size() ? now.get(i) : "<no line>";
            if (!a.equals(b)) {
                return "line " + (i + 1) + " was '" + a + "', is '" + b + "'";
            }
        }
        return "the line breaks differ";
    }

    private static String howToUpdate() {
        return "\nIf the change is meant, rerun with -Dgolden.update=true and commit the golden file with"
                + " SCHEMA.md.";
    }

    /** Every leaf and empty container by its path ({@code /server/cpu_cores}), in document order. */
    static Map<String, String> fields(JsonNode node) {
        Map<String, String> fields = new LinkedHashMap<>();
        collect(node, "", fields);
        return fields;
    }

    private static void collect(JsonNode node, String path, Map<String, String> fields) {
        if (node.isObject() && !node.isEmpty()) {
            node.properties().forEach(e -> collect(e.getValue(), path + "/" + e.getKey(), fields));
        } else if (node.isArray() && !node.isEmpty()) {
            for (int i = 0; i < node.size(); i++) {
                collect(node.get(i), path + "/" + i, fields);
            }
        } else {
            fields.put(path, node.toString());
        }
    }
}
