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

    private final byte[] json;
    private Map<String, int[]> byPointer;
    private Map<String, int[]> names;

    private JsonLocations(byte[] json) {
        this.json = json;
    }

    /**
     * Locations of a file already known to be well-formed JSON (none when it is not). The pass over the bytes is made
     * on the first question: a file without problems is never asked.
     */
    static JsonLocations of(byte[] json) {
        return new JsonLocations(json);
    }

    private synchronized void scan() {
        if (byPointer != null) return;
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
            out.clear();
            names.clear();
        }
        this.byPointer = out;
        this.names = names;
    }

    /** Line and column of the element at a JSON pointer ("/compose/include/0/concept/2"), or of its nearest enclosing one. */
    int[] at(String pointer) { return find(pointer).clone(); }

    /** Where the name of the member at a JSON pointer is written (for "this element is unknown"). */
    int[] name(String pointer) {
        scan();
        int[] n = names.get(pointer);
        return n != null ? n : find(pointer);
    }

    private int[] find(String pointer) {
        scan();
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
