package org.myelomacds.bulk;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.myelomacds.fhir.BundleReader;
import org.myelomacds.evidence.terminology.Terminology;
import org.myelomacds.fhir.ResourceTriage;

/**
 * Decides, line by line, where a line of the export goes: to a cohort patient's group, to the Medications that
 * cohort resources reference, to the problems, or nowhere (another patient, a code the engine does not read). The
 * one routing used by the in-process engine and by the Spark job, so both group exactly the same lines.
 * <p>
 * Cheap first: a line that names none of the cohort's patients as "Patient/&lt;id&gt;" is passed over without being
 * parsed, so the cost of an export of millions of patients is a byte scan for all but the cohort's lines.
 */
public final class ResourceRouter {
    private static final JsonFactory JSON_FACTORY = new JsonFactory();
    private static final ObjectMapper JSON = BundleReader.jsonMapper();

    /** Where a line goes. */
    public sealed interface Route permits ToPatient, ToMedication, Unusable, Skipped {}

    /** A resource (or an unreadable line) of a cohort patient, with the Medications it references. */
    public record ToPatient(String patientId, SourceLine line, List<String> medicationKeys) implements Route {}

    /** A Medication that some cohort resource may reference, under its key "Medication/id". */
    public record ToMedication(String key, SourceLine line) implements Route {}

    /** A line that cannot be used and names no cohort patient: reported on its own. */
    public record Unusable(ExportProblem problem) implements Route {}

    /** Lines passed over, by reason (counted in run.json). */
    public enum Skipped implements Route {
        /** a Patient outside the cohort */
        OTHER_PATIENT,
        /** a resource about a patient outside the cohort (or about no cohort patient) */
        OUTSIDE_COHORT,
        /** a cohort patient's resource the reader would skip (an Observation code the engine does not use) */
        NOT_READ,
        /** a Medication no cohort resource references */
        MEDICATION_NOT_REFERENCED,
        /** an empty line */
        BLANK
    }

    private final Predicate<String> inCohort;
    private final Predicate<String> medicationNeeded;
    private final Terminology terminology;

    /** @param terminology the codes the rulebase reads with: an Observation it would not read is skipped here */
    public ResourceRouter(Predicate<String> inCohort, Predicate<String> medicationNeeded, Terminology terminology) {
        this.terminology = terminology;
        this.inCohort = inCohort;
        this.medicationNeeded = medicationNeeded;
    }

    public Route route(ExportFile file, long lineNo, byte[] bytes) {
        if (isBlank(bytes)) return Skipped.BLANK;
        String type = file.resourceType();
        if ("Patient".equals(type) || "Medication".equals(type)) {
            String id = topLevelId(bytes);
            if (id != null) {
                if ("Patient".equals(type) && !inCohort.test(id)) return Skipped.OTHER_PATIENT;
                if ("Medication".equals(type) && !medicationNeeded.test("Medication/" + id)) return Skipped.MEDICATION_NOT_REFERENCED;
            }
        } else {
            Set<String> mentioned = PatientLinks.mentionedPatients(bytes);
            if (mentioned != null && !mentioned.isEmpty() && mentioned.stream().noneMatch(inCohort)) return Skipped.OUTSIDE_COHORT;
        }
        return routeParsed(file, lineNo, bytes);
    }

    private Route routeParsed(ExportFile file, long lineNo, byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        JsonNode resource;
        try {
            resource = JSON.readTree(bytes);
        } catch (JsonProcessingException e) {
            return broken(file, lineNo, bytes, text, null, null, JsonErrors.describe(e));
        } catch (IOException e) {
            return broken(file, lineNo, bytes, text, null, null, "not readable: " + e.getMessage());
        }
        if (resource == null || !resource.isObject()) {
            return broken(file, lineNo, bytes, text, null, null, "not a FHIR resource: the line is not a JSON object");
        }
        String declared = resource.path("resourceType").asText(null);
        String id = resource.path("id").asText(null);
        if (declared == null) {
            return broken(file, lineNo, bytes, text, null, id, "not a FHIR resource: resourceType is missing");
        }
        if (file.resourceType() != null && !declared.equals(file.resourceType())) {
            return broken(file, lineNo, bytes, text, declared, id, "resourceType is \"" + declared + "\" in a file of "
                    + file.resourceType() + " resources (a Bulk Data file holds one type)");
        }
        SourceLine line = new SourceLine(file.name(), lineNo, declared, id, text, null);
        if ("Medication".equals(declared)) {
            if (id == null || id.isBlank()) return new Unusable(ExportProblem.at(line, "Medication.id", "a Medication without an id cannot be referenced"));
            String key = "Medication/" + id;
            return medicationNeeded.test(key) ? new ToMedication(key, line) : Skipped.MEDICATION_NOT_REFERENCED;
        }
        PatientLinks.Link link = PatientLinks.of(declared, resource);
        if (!link.linked()) return new Unusable(ExportProblem.at(line, link.field(), link.reason()));
        if (!inCohort.test(link.patientId())) return "Patient".equals(declared) ? Skipped.OTHER_PATIENT : Skipped.OUTSIDE_COHORT;
        if (!ResourceTriage.isRead(declared, resource, terminology)) return Skipped.NOT_READ;
        return new ToPatient(link.patientId(), line, PatientLinks.medicationKeys(resource));
    }

    /** An unusable line goes to the first cohort patient it names, so that patient is not assessed without it. */
    private Route broken(ExportFile file, long lineNo, byte[] bytes, String text, String type, String id, String message) {
        SourceLine line = new SourceLine(file.name(), lineNo, type != null ? type : file.resourceType(), id, text, message);
        if ("Patient".equals(file.resourceType())) {
            String own = id != null ? id : topLevelId(bytes);
            if (own != null && inCohort.test(own)) return new ToPatient(own, line, List.of());
        }
        Set<String> mentioned = PatientLinks.mentionedPatients(bytes);
        if (mentioned != null) {
            for (String pid : PatientLinks.sorted(mentioned)) {
                if (inCohort.test(pid)) return new ToPatient(pid, line, List.of());
            }
        }
        String note = mentioned == null || mentioned.isEmpty() ? "" : " (it names " + String.join(", ",
                PatientLinks.sorted(mentioned).stream().map(p -> "Patient/" + p).toList()) + ", not in the cohort)";
        return new Unusable(new ExportProblem(file.name(), lineNo, line.reference(), null, message + note));
    }

    /** The top-level "id" of a JSON object, read without building a tree; null when absent or unreadable. */
    static String topLevelId(byte[] bytes) {
        try (JsonParser p = JSON_FACTORY.createParser(bytes)) {
            if (p.nextToken() != JsonToken.START_OBJECT) return null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if ("id".equals(name)) return value == JsonToken.VALUE_STRING ? p.getText() : null;
                p.skipChildren();
            }
        } catch (IOException e) {
            return null;
        }
        return null;
    }

    private static boolean isBlank(byte[] bytes) {
        for (byte b : bytes) if (b != ' ' && b != '\t' && b != '\r' && b != '\n') return false;
        return true;
    }
}
