package io.iobench.results;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The one JSON mapping of iobench's files: snake_case names, indented, written atomically; unknown fields are
 * ignored on reading, so a file from a newer writer still reads, and a missing field reads as null (or 0, false).
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
        AtomicFile.write(file, out -> {
            out.write(toJson(value).getBytes(StandardCharsets.UTF_8));
            out.write('\n');
        });
    }

    static String toJson(Object value) throws JsonProcessingException {
        return MAPPER.writeValueAsString(value);
    }

    /** The value as the tree the file would hold, for readers of single fields (summary.csv). */
    static JsonNode toTree(Object value) {
        return MAPPER.valueToTree(value);
    }

    /** Reads a file strictly: a corrupt or truncated file throws, with the parser's reason and where it stopped. */
    static <T> T read(Path file, Class<T> type) throws IOException {
        try {
            T value = MAPPER.readValue(file.toFile(), type);
            if (value == null) {
                throw new ResultFormatException(file + " is empty", null);
            }
            return value;
        } catch (JsonProcessingException e) {
            throw new ResultFormatException(file + " is truncated or corrupt: " + reason(e), e);
        }
    }

    /**
     * Reads any JSON file into a tree, tolerantly: for files iobench reads but others write (JMH's results).
     *
     * @param consequence what is left out without the file, for the warning
     */
    static Optional<JsonNode> readTree(Path file, Warnings warnings, String consequence) {
        try {
            JsonNode tree = MAPPER.readTree(file.toFile());
            if (tree == null || tree.isMissingNode()) {
                warnings.add(file, "empty; " + consequence);
                return Optional.empty();
            }
            return Optional.of(tree);
        } catch (JsonProcessingException e) {
            warnings.add(file, "not valid JSON (" + reason(e) + "); " + consequence);
        } catch (IOException e) {
            warnings.add(file, "cannot be read (" + e.getMessage() + "); " + consequence);
        }
        return Optional.empty();
    }

    /**
     * Reads a file tolerantly: what cannot be read becomes a warning saying why and what is left out because of it.
     *
     * @param consequence what is left out without the file, for the warning: {@code run left out}
     */
    static <T> Optional<T> read(Path file, Class<T> type, Warnings warnings, String consequence) {
        return readTree(file, warnings, consequence).flatMap(tree -> {
            if (!tree.isObject()) {
                warnings.add(file, "not a JSON object; " + consequence);
                return Optional.empty();
            }
            try {
                return Optional.of(MAPPER.treeToValue(tree, type));
            } catch (JsonProcessingException e) {
                warnings.add(file, "does not fit its schema (" + reason(e) + "); " + consequence);
                return Optional.empty();
            }
        });
    }

    /** The parser's first line and where it stopped: a file cut short by a full disk or a killed writer shows. */
    private static String reason(JsonProcessingException e) {
        String where = e.getLocation() == null || e.getLocation().getLineNr() < 0 ? ""
                : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
        return e.getOriginalMessage().lines().findFirst().orElse("") + where;
    }
}
