package org.myelomacds.server;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.myelomacds.evidence.terminology.Terminology;
import org.myelomacds.fhir.BundleReader;
import org.myelomacds.fhir.HeldEntries;

import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a CDS Hooks request body in one streaming pass, so that a hook call whose prefetch carries a big patient
 * record costs what the engine reads of it, not its size: each entry of a prefetched Bundle is read alone and, when
 * the engine will not read it (claims, encounters, vital signs…), reduced at once to what the bundle scan still counts
 * it by ({@link BundleReader#slimEntry}). Everything else in the body (hook, hookInstance, context, a single prefetched
 * resource) is small and read whole. The result is the request's JSON tree as the engine would see it; parsed as
 * strictly as every other body: a key given twice is refused, nesting beyond Jackson's limit is a 400.
 */
final class HookBodyReader {
    private final ObjectMapper json;
    /** One value inside the stream: the rest of the body follows it. */
    private final ObjectReader value;

    HookBodyReader(ObjectMapper json) {
        this.json = json;
        this.value = json.reader().without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    /**
     * The body as a JSON object with prefetched entries reduced. {@code retained} hears of the bytes of JSON held
     * as they are read (a reduced entry counts its fixed remainder), to charge a memory budget. Exceptions the stream
     * throws that are not {@link IOException}s (a size limit) pass through unchanged.
     */
    ObjectNode read(InputStream body, Terminology terminology, HeldEntries retained) {
        try (JsonParser p = json.getFactory().createParser(body)) {
            p.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
            JsonToken first = p.nextToken();
            if (first == null) throw new RequestBodies.Refused(400, "required", "request body is empty; a JSON object is required");
            if (first != JsonToken.START_OBJECT) {
                value.readTree(p);
                if (p.nextToken() != null) throw trailing(p);
                throw new RequestBodies.Refused(400, "structure", "request body must be a JSON object");
            }
            ObjectNode root = json.createObjectNode();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken token = p.nextToken();
                if (field.equals("prefetch") && token == JsonToken.START_OBJECT) root.set(field, prefetch(p, terminology, retained));
                else root.set(field, held(p, retained));
            }
            if (p.nextToken() != null) throw trailing(p);
            return root;
        } catch (StreamConstraintsException e) {
            throw new RequestBodies.Refused(400, "too-costly", "request body is not acceptable JSON: " + e.getOriginalMessage() + where(p(e)));
        } catch (JsonProcessingException e) {
            throw new RequestBodies.Refused(400, "structure", "request body is not valid JSON: " + e.getOriginalMessage() + where(p(e)));
        } catch (IOException e) {
            throw new RequestBodies.Refused(400, "structure", "request body could not be read: " + e.getMessage());
        }
    }

    /** The prefetch object, key by key; a value with an entry array has its entries read one at a time. */
    private ObjectNode prefetch(JsonParser p, Terminology terminology, HeldEntries retained) throws IOException {
        ObjectNode out = json.createObjectNode();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            JsonToken token = p.nextToken();
            out.set(key, token == JsonToken.START_OBJECT ? resource(p, terminology, retained) : held(p, retained));
        }
        return out;
    }

    /** One prefetched resource or Bundle, its {@code entry} array read entry by entry and reduced. */
    private ObjectNode resource(JsonParser p, Terminology terminology, HeldEntries retained) throws IOException {
        ObjectNode out = json.createObjectNode();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken token = p.nextToken();
            if (!field.equals("entry") || token != JsonToken.START_ARRAY) {
                out.set(field, held(p, retained));
                continue;
            }
            ArrayNode entries = out.putArray(field);
            while (p.nextToken() != JsonToken.END_ARRAY) {
                long start = p.currentTokenLocation().getByteOffset();
                JsonNode entry = value.readTree(p);
                long end = p.currentLocation().getByteOffset();
                boolean kept = BundleReader.slimEntry(entry, terminology);
                retained.held(kept && start >= 0 && end >= start ? end - start : DROPPED_ENTRY_BYTES, kept);
                entries.add(entry);
            }
        }
        return out;
    }

    /** About what a reduced entry still holds: its fullUrl, type and id and, for an Observation, its subject. */
    static final long DROPPED_ENTRY_BYTES = 160;

    /** A value read whole, its bytes reported as held. */
    private JsonNode held(JsonParser p, HeldEntries retained) throws IOException {
        long start = p.currentTokenLocation().getByteOffset();
        JsonNode node = value.readTree(p);
        long end = p.currentLocation().getByteOffset();
        if (start >= 0 && end >= start) retained.held(end - start, false);
        return node;
    }

    private static com.fasterxml.jackson.core.JsonLocation p(JsonProcessingException e) {
        return e.getLocation();
    }

    private static String where(com.fasterxml.jackson.core.JsonLocation loc) {
        return loc == null || loc.getLineNr() < 0 ? "" : " at line " + loc.getLineNr() + ", column " + loc.getColumnNr();
    }

    private static RequestBodies.Refused trailing(JsonParser p) {
        return new RequestBodies.Refused(400, "structure", "request body is not valid JSON: trailing content after the JSON object"
                + where(p.currentLocation()));
    }
}
