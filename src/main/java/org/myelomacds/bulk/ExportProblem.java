package org.myelomacds.bulk;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.io.Serializable;

/**
 * Something in the export that could not be used, and where: the file and line, the resource it was (when known),
 * the field (when known) and what was wrong. Every problem ends up in errors.ndjson, under the patient it belongs to
 * or on its own when no patient can be named.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ExportProblem(String file, Long line, String resource, String field, String message) implements Serializable {

    public static ExportProblem at(SourceLine source, String field, String message) {
        return new ExportProblem(source.file(), source.line(), source.reference(), field, message);
    }

    /** "Observation.ndjson:17 (Observation/egfr-1) Observation.valueQuantity.value: …". */
    public String describe() {
        StringBuilder b = new StringBuilder();
        if (file != null) b.append(file).append(line == null ? "" : ":" + line);
        if (resource != null) b.append(b.length() > 0 ? " " : "").append("(").append(resource).append(")");
        if (field != null) b.append(b.length() > 0 ? " " : "").append(field);
        if (b.length() > 0) b.append(": ");
        return b.append(message).toString();
    }
}
