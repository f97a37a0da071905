package org.myelomacds.bulk;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Which patient a resource belongs to, after the FHIR R4 Patient compartment (CompartmentDefinition/patient): a
 * Condition, Observation, MedicationStatement, MedicationRequest, MedicationAdministration or Procedure through
 * {@code subject} (the element behind their {@code patient} search parameter), an AllergyIntolerance through
 * {@code patient}, a Patient by its own id. The compartment's other parameters (performer, asserter, recorder)
 * name people involved in a record, not whom it is about, so a resource is never taken as the clinical data of the
 * patient who performed or asserted it — as the bundle reader, which reads a resource whose subject is another
 * patient as that patient's. Medication is in no patient's compartment: it joins through medicationReference.
 */
public final class PatientLinks {
    private PatientLinks() { }

    /** The element linking each read type to its patient. */
    static final Map<String, String> SUBJECT_ELEMENT = Map.of(
            "Condition", "subject", "Observation", "subject", "MedicationStatement", "subject",
            "MedicationRequest", "subject", "MedicationAdministration", "subject", "MedicationDispense", "subject",
            "Procedure", "subject", "AllergyIntolerance", "patient");

    private static final byte[] PATIENT_SLASH = "Patient/".getBytes(StandardCharsets.US_ASCII);

    /** The patient a resource is about: an id, or a reason it names none. */
    public record Link(String patientId, String field, String reason) {
        static Link to(String id, String field) { return new Link(id, field, null); }
        static Link none(String field, String reason) { return new Link(null, field, reason); }
        public boolean linked() { return patientId != null; }
    }

    public static Link of(String resourceType, JsonNode resource) {
        if ("Patient".equals(resourceType)) {
            String id = resource.path("id").asText("");
            return id.isBlank() ? Link.none("Patient.id", "the Patient has no id") : Link.to(id, "Patient.id");
        }
        String element = SUBJECT_ELEMENT.get(resourceType);
        if (element == null) return Link.none(null, resourceType + " is in no patient's compartment");
        String field = resourceType + "." + element + ".reference";
        JsonNode ref = resource.path(element).path("reference");
        if (!ref.isTextual() || ref.asText().isBlank()) {
            return Link.none(field, "names no patient (" + resourceType + "." + element + " has no reference)");
        }
        String id = idOf("Patient", ref.asText());
        if (id == null) {
            return Link.none(field, "does not reference a Patient by type and id (\"" + ref.asText()
                    + "\"); an export links resources by Patient/<id>");
        }
        return Link.to(id, field);
    }

    /** Medication keys ("Medication/id") a medication resource references; contained ones ("#id") travel inside it. */
    public static List<String> medicationKeys(JsonNode resource) {
        JsonNode ref = resource.path("medicationReference").path("reference");
        if (!ref.isTextual()) return List.of();
        String id = idOf("Medication", ref.asText());
        return id == null ? List.of() : List.of("Medication/" + id);
    }

    /**
     * The id in a literal reference to {@code type}: "Patient/1", "https://ehr/fhir/Patient/1", "Patient/1/_history/2";
     * null for anything else (urn:uuid, contained, another type).
     */
    public static String idOf(String type, String reference) {
        String ref = reference.trim();
        int history = ref.indexOf("/_history/");
        if (history >= 0) ref = ref.substring(0, history);
        int slash = ref.lastIndexOf('/');
        if (slash <= 0 || slash == ref.length() - 1) return null;
        int prev = ref.lastIndexOf('/', slash - 1);
        if (!ref.substring(prev + 1, slash).equals(type)) return null;
        return ref.substring(slash + 1);
    }

    /**
     * Patient ids named in a raw line as "Patient/&lt;id&gt;", found without parsing it; null when the line may link to a
     * patient in a form this scan cannot see (escaped slashes, urn: references), so the caller must parse it. A line
     * that names none of the cohort's patients this way cannot be about one of them.
     */
    public static Set<String> mentionedPatients(byte[] line) {
        if (indexOf(line, (byte) '\\', (byte) '/', 0) >= 0 || contains(line, "urn:")) return null;
        Set<String> ids = new LinkedHashSet<>();
        int from = 0;
        while (true) {
            int at = indexOf(line, PATIENT_SLASH, from);
            if (at < 0) break;
            int start = at + PATIENT_SLASH.length;
            int end = start;
            while (end < line.length && end - start < 64 && isIdByte(line[end])) end++;
            if (end > start) ids.add(new String(line, start, end - start, StandardCharsets.US_ASCII));
            from = end;
        }
        return ids;
    }

    private static boolean isIdByte(byte b) {
        return b >= 'A' && b <= 'Z' || b >= 'a' && b <= 'z' || b >= '0' && b <= '9' || b == '-' || b == '.';
    }

    private static boolean contains(byte[] line, String ascii) {
        return indexOf(line, ascii.getBytes(StandardCharsets.US_ASCII), 0) >= 0;
    }

    private static int indexOf(byte[] line, byte a, byte b, int from) {
        for (int i = from; i < line.length - 1; i++) if (line[i] == a && line[i + 1] == b) return i;
        return -1;
    }

    static int indexOf(byte[] hay, byte[] needle, int from) {
        outer:
        for (int i = from; i <= hay.length - needle.length; i++) {
            if (hay[i] != needle[0]) continue;
            for (int j = 1; j < needle.length; j++) if (hay[i + j] != needle[j]) continue outer;
            return i;
        }
        return -1;
    }

    static List<String> sorted(Set<String> ids) {
        List<String> l = new ArrayList<>(ids);
        java.util.Collections.sort(l);
        return l;
    }
}
