package org.myelomacds.fhir;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.JsonParser;
import ca.uhn.fhir.parser.json.jackson.JacksonStructure;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.hl7.fhir.r4.model.Resource;

/**
 * Parses one kept entry with HAPI, strictly (see {@link StrictEntryErrorHandler}), so a bad entry fails alone and
 * its failure can be tied to its index. HAPI parsers are not thread-safe but cheap; one parser configuration per
 * resource type is built lazily per {@link BundleReader#read} call, the FhirContext is shared.
 */
final class EntryParser {
    private final FhirContext context;
    private final Map<String, JsonParser> parsers = new ConcurrentHashMap<>();

    EntryParser(FhirContext context) { this.context = context; }

    <T extends Resource> T parse(Class<T> type, ScannedEntry entry) {
        return parse(type, entry.resourceType(), entry.resource());
    }

    <T extends Resource> T parse(Class<T> type, String resourceType, ObjectNode json) {
        JsonParser parser = parsers.computeIfAbsent(resourceType, t -> (JsonParser) context.newJsonParser()
                .setParserErrorHandler(new StrictEntryErrorHandler(t)));
        // Hand HAPI the tree we already have: re-serialising and re-reading each entry would double the JSON work.
        JacksonStructure structure = new JacksonStructure();
        structure.setNativeObject(json);
        try {
            return parser.parseResource(type, structure);
        } catch (EntryParseException e) {
            throw e;
        } catch (DataFormatException | IllegalArgumentException | ClassCastException e) {
            Throwable cause = e.getCause() instanceof EntryParseException ? e.getCause() : null;
            if (cause != null) throw (EntryParseException) cause;
            throw new EntryParseException(EntryParseException.Kind.OTHER, null, stripHapiCode(e.getMessage()));
        }
    }

    /** "HAPI-1821: [element=\"value\"] Invalid attribute value" → the readable part. */
    private static String stripHapiCode(String message) {
        if (message == null) return "could not be parsed as FHIR R4";
        return message.replaceFirst("^HAPI-\\d+:\\s*", "");
    }
}
