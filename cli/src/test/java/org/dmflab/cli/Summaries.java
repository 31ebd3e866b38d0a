package org.dmflab.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;

/** Reads a summary.json back with an independent parser (Jackson's tree model, not the writer's code). */
final class Summaries {
    private Summaries() {
    }

    static JsonNode read(Path folder) throws IOException {
        return new ObjectMapper().readTree(folder.resolve("summary.json").toFile());
    }
}
