package org.myelomacds.bulk;

import java.io.IOException;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.myelomacds.evidence.terminology.Terminology;
import org.myelomacds.fhir.BundleReader;
import org.myelomacds.fhir.ResourceTriage;

/**
 * The cohort-first pass: reads Condition lines only and picks the patients with multiple myeloma or a precursor
 * plasma-cell state, by the reader's own code lists ({@link ResourceTriage#isPlasmaCellDisorder}). Nothing else of
 * the export is assembled for anyone outside this cohort.
 */
public final class CohortSelector {
    private static final ObjectMapper JSON = BundleReader.jsonMapper();

    private CohortSelector() { }

    /** What one Condition line says about the cohort. */
    public sealed interface Finding permits Member, NotMember, Unreadable {}

    /** The line is a plasma-cell disorder of this patient. */
    public record Member(String patientId) implements Finding {}

    /** Some other condition, or another resource. */
    public record NotMember() implements Finding {}

    /**
     * The line cannot be read, so it might have been a myeloma diagnosis: reported, with the patients it names as
     * "Patient/id" (null when it cannot be told) so the report can say whose it may be.
     */
    public record Unreadable(ExportProblem problem, Set<String> mentionedPatients) implements Finding {}

    private static final NotMember NOT_MEMBER = new NotMember();

    /** @param terminology the codes the rulebase reads with (the assessor's), so the cohort is the one it would find */
    public static Finding examine(ExportFile file, long lineNo, byte[] bytes, Terminology terminology) {
        JsonNode condition;
        try {
            condition = JSON.readTree(bytes);
        } catch (IOException e) {
            String message = e instanceof com.fasterxml.jackson.core.JsonProcessingException jpe
                    ? JsonErrors.describe(jpe) : "not readable: " + e.getMessage();
            Set<String> mentioned = PatientLinks.mentionedPatients(bytes);
            String whose = mentioned == null || mentioned.isEmpty() ? "names no patient that can be read"
                    : "names " + String.join(", ", PatientLinks.sorted(mentioned).stream().map(p -> "Patient/" + p).toList());
            return new Unreadable(new ExportProblem(file.name(), lineNo, null, null, message
                    + " (an unreadable Condition may hide a myeloma diagnosis; this line " + whose + ")"), mentioned);
        }
        if (condition == null || condition.isMissingNode()) return NOT_MEMBER; // a blank line
        if (!condition.isObject() || !"Condition".equals(condition.path("resourceType").asText())) return NOT_MEMBER; // routed and reported later
        if (!ResourceTriage.isPlasmaCellDisorder(condition, terminology)) return NOT_MEMBER;
        PatientLinks.Link link = PatientLinks.of("Condition", condition);
        return link.linked() ? new Member(link.patientId()) : NOT_MEMBER; // unlinked: reported when routed
    }
}
