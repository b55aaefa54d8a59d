package io.iobench.report.results;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads a JSON file into Jackson's tree, or says in a warning why it could not: the parser's reason and where it
 * stopped, so a file cut short by a full disk or a killed writer is recognisable as such.
 */
public final class JsonFiles {

    private final ObjectMapper mapper = new ObjectMapper();

    /**
     * @param consequence what is left out when the file cannot be read, for the warning: {@code run left out}
     * @return the tree, or empty after adding a warning
     */
    public Optional<JsonNode> read(Path file, Warnings warnings, String consequence) {
        try {
            JsonNode json = mapper.readTree(file.toFile());
            if (json == null || json.isMissingNode()) {
                warnings.add(file, "empty; " + consequence);
                return Optional.empty();
            }
            return Optional.of(json);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            warnings.add(file, "not valid JSON (" + e.getOriginalMessage().lines().findFirst().orElse("") + where
                    + "); " + consequence);
        } catch (IOException e) {
            warnings.add(file, "cannot be read (" + e.getMessage() + "); " + consequence);
        }
        return Optional.empty();
    }
}
