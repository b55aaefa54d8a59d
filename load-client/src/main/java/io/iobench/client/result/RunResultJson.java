package io.iobench.client.result;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes and reads {@code result.json}. Writing is atomic (a temporary file moved into place), so a reader never
 * sees half a result, even when the run is killed while writing.
 */
public final class RunResultJson {

    /** The name of a run's result file in its directory. */
    public static final String FILE_NAME = "result.json";

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT)
            // Newer writers may add fields; a reader of this version ignores them rather than failing.
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private RunResultJson() {
    }

    /** Writes {@code result} to {@code file} atomically. */
    public static void write(RunResult result, Path file) throws IOException {
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        MAPPER.writeValue(temp.toFile(), result);
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** @return {@code result} as JSON text */
    public static String toJson(RunResult result) throws IOException {
        return MAPPER.writeValueAsString(result);
    }

    /**
     * Reads a result file.
     *
     * @throws ResultFormatException naming the file, when it is not a complete {@value RunResult#SCHEMA} result
     */
    public static RunResult read(Path file) throws IOException {
        RunResult result;
        try {
            result = MAPPER.readValue(file.toFile(), RunResult.class);
        } catch (JacksonException e) {
            throw new ResultFormatException(file + " is not a readable run result (truncated or corrupt): "
                    + e.getOriginalMessage(), e);
        }
        if (result == null || !RunResult.SCHEMA.equals(result.schema())) {
            throw new ResultFormatException(file + " is not a run result of schema " + RunResult.SCHEMA
                    + " (schema: " + (result == null ? "none" : result.schema()) + ")", null);
        }
        return result;
    }
}
