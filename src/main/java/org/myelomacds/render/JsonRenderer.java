package org.myelomacds.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.myelomacds.assessment.Assessment;

/**
 * The canonical JSON of an Assessment: keys sorted, two-space indent, "\n" line ends, trailing newline.
 * The same Assessment always gives the same bytes.
 */
public final class JsonRenderer {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();
    private static final DefaultPrettyPrinter PRINTER = new DefaultPrettyPrinter()
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n"));

    private JsonRenderer() {}

    public static String render(Assessment assessment) {
        try {
            return MAPPER.writer(PRINTER).writeValueAsString(assessment) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("assessment could not be serialised", e);
        }
    }

    /**
     * The same canonical JSON on one line (no indent, no trailing newline): one Assessment per line of an NDJSON file.
     * Parsed, it is equal to {@link #render}'s.
     */
    public static String renderLine(Assessment assessment) {
        try {
            return MAPPER.writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsString(assessment);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("assessment could not be serialised", e);
        }
    }

    /** The mapper configured as above, for readers of canonical JSON (tests, batch tools). */
    public static ObjectMapper mapper() { return MAPPER; }
}
