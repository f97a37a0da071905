package org.myelomacds.evidence.terminology;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Where each element of a JSON file starts (line and column by JSON pointer), so a problem found in the parsed tree
 * can be reported as {@code file:line:column} for the author's editor. Built by one streaming pass over the bytes.
 */
final class JsonLocations {
    private static final JsonFactory FACTORY = new JsonFactory();

    private final Map<String, int[]> byPointer;
    private final Map<String, int[]> names;

    private JsonLocations(Map<String, int[]> byPointer, Map<String, int[]> names) {
        this.byPointer = byPointer;
        this.names = names;
    }

    /** Locations of a file already known to be well-formed JSON; empty when it is not. */
    static JsonLocations of(byte[] json) {
        Map<String, int[]> out = new HashMap<>();
        Map<String, int[]> names = new HashMap<>();
        try (JsonParser p = FACTORY.createParser(json)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) continue;
                String pointer = p.getParsingContext().pathAsPointer().toString();
                JsonLocation loc = p.currentTokenLocation();
                (t == JsonToken.FIELD_NAME ? names : out).putIfAbsent(pointer, new int[] {loc.getLineNr(), loc.getColumnNr()});
            }
        } catch (IOException e) {
            return new JsonLocations(Map.of(), Map.of());
        }
        return new JsonLocations(out, names);
    }

    /** Line of the element at a JSON pointer ("/compose/include/0/concept/2"), or of its nearest enclosing one. */
    int line(String pointer) { return find(pointer)[0]; }

    int column(String pointer) { return find(pointer)[1]; }

    /** Where the name of the member at a JSON pointer is written (for "this element is unknown"). */
    int[] name(String pointer) {
        int[] n = names.get(pointer);
        return n != null ? n : find(pointer);
    }

    private int[] find(String pointer) {
        String p = pointer;
        while (true) {
            int[] loc = byPointer.get(p);
            if (loc != null) return loc;
            if (p.isEmpty()) return new int[] {1, 1};
            int slash = p.lastIndexOf('/');
            p = slash <= 0 ? "" : p.substring(0, slash);
        }
    }
}
