package io.iobench.results;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The one JSON mapping of iobench's files: snake_case names, indented, written atomically; unknown fields are
 * ignored on reading, so a file from a newer writer still reads, and a missing field reads as null (or 0, false).
 * A value present in the file must be of its field's type: Jackson would quietly read {@code "NaN"} or {@code null}
 * as a number, and {@link JsonTypeCheck} refuses that.
 */
final class JsonFormat {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_USING_DEFAULT_VALUE)
            .build();

    private JsonFormat() {
    }

    static void write(Object value, Path file) throws IOException {
        AtomicFile.writeText(file, toJson(value) + "\n");
    }

    static String toJson(Object value) throws JsonProcessingException {
        return MAPPER.writeValueAsString(value);
    }

    /** The value as the tree the file would hold, for readers of single fields (summary.csv). */
    static JsonNode toTree(Object value) {
        return MAPPER.valueToTree(value);
    }

    /**
     * Reads a file strictly: an empty, truncated or corrupt file, one that does not fit {@code type}, or one with a
     * value of the wrong type (a string or null where a number belongs) throws, naming the file and what is wrong.
     */
    static <T> T read(Path file, Class<T> type) throws IOException {
        JsonNode tree = tree(file);
        if (!tree.isObject()) {
            throw new ResultFormatException(file, "not a JSON object", null);
        }
        T value;
        try {
            value = MAPPER.treeToValue(tree, type);
        } catch (JsonProcessingException e) {
            throw new ResultFormatException(file, "does not fit its schema (" + reason(e) + ")", e);
        }
        List<String> mistyped = JsonTypeCheck.problems(tree, MAPPER.valueToTree(value));
        if (!mistyped.isEmpty()) {
            throw new ResultFormatException(file, FieldCheck.describe(mistyped), null);
        }
        return value;
    }

    /**
     * Reads a file strictly, as {@link #read(Path, Class)}, once its {@code schema} field says it is {@code schema}.
     *
     * @param what what such a file holds, for the error: {@code run result}
     */
    static <T> T read(Path file, Class<T> type, String schema, String what) throws IOException {
        SchemaOnly found = read(file, SchemaOnly.class);
        if (!schema.equals(found.schema())) {
            throw new ResultFormatException(file, "not a " + what + " of schema " + schema
                    + " (schema: " + (found.schema() == null ? "none" : found.schema()) + ")", null);
        }
        return read(file, type);
    }

    /**
     * Reads any JSON file into a tree, tolerantly: for files iobench reads but others write (JMH's results).
     *
     * @param consequence what is left out without the file, for the warning
     */
    static Optional<JsonNode> readTree(Path file, Warnings warnings, String consequence) {
        return tolerantly(() -> tree(file), file, warnings, consequence);
    }

    /**
     * Reads a file tolerantly: what {@link #read(Path, Class)} would refuse becomes a warning saying why and what is
     * left out because of it.
     *
     * @param consequence what is left out without the file, for the warning: {@code run left out}
     */
    static <T> Optional<T> read(Path file, Class<T> type, Warnings warnings, String consequence) {
        return tolerantly(() -> read(file, type), file, warnings, consequence);
    }

    /** What a strict read refuses, as a warning that ends with what is left out because of it. */
    static <T> Optional<T> tolerantly(StrictRead<T> read, Path file, Warnings warnings, String consequence) {
        try {
            return Optional.of(read.read());
        } catch (ResultFormatException e) {
            warnings.add(e.file(), e.problem() + "; " + consequence);
        } catch (IOException e) {
            warnings.add(file, "cannot be read (" + e.getMessage() + "); " + consequence);
        }
        return Optional.empty();
    }

    /** A read that throws what it cannot read. */
    @FunctionalInterface
    interface StrictRead<T> {
        T read() throws IOException;
    }

    private static JsonNode tree(Path file) throws IOException {
        JsonNode tree;
        try {
            tree = MAPPER.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw new ResultFormatException(file, "not valid JSON (" + reason(e) + ")", e);
        }
        if (tree == null || tree.isMissingNode()) {
            throw new ResultFormatException(file, "empty", null);
        }
        return tree;
    }

    /** The parser's first line and where it stopped: a file cut short by a full disk or a killed writer shows. */
    private static String reason(JsonProcessingException e) {
        String where = e.getLocation() == null || e.getLocation().getLineNr() < 0 ? ""
                : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
        return e.getOriginalMessage().lines().findFirst().orElse("") + where;
    }

    /** The one field every iobench file has, read before the rest. */
    record SchemaOnly(String schema) {
    }
}
