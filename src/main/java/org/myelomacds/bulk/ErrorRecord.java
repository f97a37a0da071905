package org.myelomacds.bulk;

import java.io.Serializable;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * One line of errors.ndjson: a patient who was refused or assessed without part of the record, or an export line
 * that belongs to no patient that could be assessed. {@code patient} is absent for the latter.
 *
 * @param outcome REFUSED (no assessment: unreadable, or unreadable parts without allow-partial), PARTIAL (assessed
 *        without the listed parts), NO_PATIENT_RESOURCE (a cohort condition names a patient the export has no Patient
 *        for), RULEBASE_FAILURE, INTERNAL_ERROR (the engine failed on this record: a defect to report), or
 *        UNUSABLE_LINE (a line tied to no cohort patient)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ErrorRecord(String patient, String outcome, String reason, List<ExportProblem> problems) implements Serializable {
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .disable(SerializationFeature.INDENT_OUTPUT).build();

    public static final String REFUSED = "REFUSED";
    public static final String PARTIAL = "PARTIAL";
    public static final String NO_PATIENT_RESOURCE = "NO_PATIENT_RESOURCE";
    public static final String RULEBASE_FAILURE = "RULEBASE_FAILURE";
    public static final String UNUSABLE_LINE = "UNUSABLE_LINE";
    public static final String INTERNAL_ERROR = "INTERNAL_ERROR";

    public ErrorRecord {
        problems = List.copyOf(problems);
    }

    public static ErrorRecord unusable(ExportProblem problem) {
        return new ErrorRecord(null, UNUSABLE_LINE, problem.message(), List.of(problem));
    }

    public String toJsonLine() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static ErrorRecord fromJsonLine(String line) {
        try {
            return JSON.readValue(line, ErrorRecord.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not an errors.ndjson line: " + e.getOriginalMessage(), e);
        }
    }

    /** Sort key of errors.ndjson: patient errors by patient id, then line errors by place. */
    public String sortKey() {
        if (patient != null) return "0\u0000" + patient;
        ExportProblem p = problems.isEmpty() ? null : problems.get(0);
        return "1\u0000" + (p == null ? "" : p.file() + "\u0000" + String.format("%020d", p.line() == null ? 0 : p.line()));
    }
}
