package org.myelomacds.evidence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;

/** Reads a catalogue file, turning YAML errors into a message that names the file and the line. */
final class CatalogueYaml {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private CatalogueYaml() {}

    static JsonNode read(byte[] yaml, String fileName) throws CatalogueException {
        try {
            return YAML.readTree(yaml);
        } catch (JsonProcessingException e) {
            throw new CatalogueException(fileName + ": not valid YAML: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")"));
        } catch (IOException e) {
            throw new CatalogueException(fileName + ": " + e.getMessage());
        }
    }
}
