package org.myelomacds.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.myelomacds.assessment.Assessment;
import org.myelomacds.assessment.Findings;
import org.myelomacds.render.report.MarkdownReport;
import org.myelomacds.scenario.Samples;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Sweep s19 X5: the catalogue's catch-all records set apart as other therapy (an investigational agent given on the six
 * R-CHOP days, its records naming the lymphoma; vincristine itself is a named vinca alkaloid now, CDS-POLICY-VINCA-
 * IFOSFAMIDE) that name their medication by the same words are one other-therapy course, as
 * cyclophosphamide's are; records named by different words stay apart (nothing shows they are one drug). A catalogued
 * antineoplastic with no use in myeloma (rituximab) is described as such whatever its reason; a drug the catalogue does
 * not list keeps that description.
 */
class OtherTherapyEntriesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static ObjectNode bundle(String name) throws Exception {
        return (ObjectNode) JSON.readTree(Path.of("qa-bundles", name + ".json").toFile());
    }

    private static String fullUrl(ObjectNode b, String type, String... id) {
        for (var e : b.withArray("entry")) {
            var r = e.get("resource");
            if (r.path("resourceType").asText().equals(type) && (id.length == 0 || r.path("id").asText().equals(id[0]))) {
                return e.path("fullUrl").asText();
            }
        }
        throw new AssertionError("no " + type);
    }

    private static List<Findings.OtherTherapy> catchAll(Assessment a) {
        return a.findings().priorTherapy().otherTherapy().stream()
                .filter(o -> "UNCLASSIFIED_ANTINEOPLASTIC".equals(o.drug())).toList();
    }

    /**
     * s19x-03 with its vincristine records turned into an uncoded investigational agent (the catch-all) whose every record
     * names the lymphoma as its reason: other therapy by its stated reason.
     */
    private static ObjectNode vincristineForTheLymphoma() throws Exception {
        ObjectNode b = bundle("s19x-03-rchop-from-cycle-1-no-reason-dlbcl-active-after-two-myeloma-lines");
        String lymphoma = fullUrl(b, "Condition", "dlbcl");
        b.withArray("entry").forEach(e -> {
            ObjectNode r = (ObjectNode) e.get("resource");
            if (!r.path("id").asText().startsWith("vcr-")) return;
            r.putObject("medicationCodeableConcept").put("text", "investigational agent XR-7 IV");
            r.putArray("reasonReference").addObject().put("reference", lymphoma);
        });
        return b;
    }

    @Test
    void theCatchAllNamedByTheSameWordsIsOneCourse() throws Exception {
        List<Findings.OtherTherapy> vincristine = catchAll(Samples.evaluate(vincristineForTheLymphoma()));
        assertEquals(1, vincristine.size(), vincristine.toString());
        assertEquals("2024-02-05", vincristine.get(0).start());
        assertEquals("2024-05-20", vincristine.get(0).end());
        assertTrue(vincristine.get(0).reason().contains("one course of 6 records"), vincristine.get(0).reason());
    }

    @Test
    void nearMissTheCatchAllNamedByDifferentWordsStaysApart() throws Exception {
        ObjectNode b = vincristineForTheLymphoma();
        b.withArray("entry").forEach(e -> {
            ObjectNode r = (ObjectNode) e.get("resource");
            if (!r.path("id").asText().startsWith("vcr-")) return;
            ((ObjectNode) r.get("medicationCodeableConcept")).put("text", "investigational agent " + r.path("id").asText());
        });
        assertEquals(6, catchAll(Samples.evaluate(b)).size());
    }

    /** The findings name a drug with no use in myeloma as the catalogue does, which is how the report tells it. */
    @Test
    void theFindingsNameOfADrugWithNoMyelomaUseIsTheCatalogues() {
        assertEquals(org.myelomacds.facts.NoMyelomaUseMedication.DRUG.name(), Findings.OtherTherapy.NO_MYELOMA_USE_DRUG);
    }

    @Test
    void aDrugWithNoUseInMyelomaIsDescribedSoWhateverItsReason() throws Exception {
        String md = MarkdownReport.render(Samples.evaluate(
                bundle("s19x-04-rchop-from-cycle-1-rituximab-reasoncode-c83-3-dlbcl-active-after-two-myeloma-lines")));
        assertTrue(md.contains("rituximab (an antineoplastic with no use in myeloma) (2024-02-05 to 2024-05-20): given for DLBCL"), md);
        assertFalse(md.contains("rituximab (a drug the catalogue does not list)"));
    }

    @Test
    void nearMissAnUnlistedDrugGivenForAStatedReasonIsADrugTheCatalogueDoesNotList() throws Exception {
        ObjectNode b = bundle("s19x-04-rchop-from-cycle-1-rituximab-reasoncode-c83-3-dlbcl-active-after-two-myeloma-lines");
        String patient = fullUrl(b, "Patient");
        String lymphoma = fullUrl(b, "Condition", "dlbcl");
        ObjectNode paclitaxel = JSON.createObjectNode();
        paclitaxel.put("resourceType", "MedicationStatement").put("id", "ptx").put("status", "completed");
        paclitaxel.putObject("medicationCodeableConcept").put("text", "paclitaxel 80 mg/m2 IV weekly");
        paclitaxel.putObject("subject").put("reference", patient);
        paclitaxel.putObject("effectivePeriod").put("start", "2025-01-06").put("end", "2025-03-24");
        ((ArrayNode) paclitaxel.putArray("reasonReference")).addObject().put("reference", lymphoma);
        ObjectNode entry = b.withArray("entry").addObject();
        entry.put("fullUrl", "urn:uuid:5a0b7c1e-0000-4000-8000-000000000001");
        entry.set("resource", paclitaxel);
        String md = MarkdownReport.render(Samples.evaluate(b));
        assertTrue(md.contains("paclitaxel 80 mg/m2 IV weekly (a drug the catalogue does not list)"), md);
    }
}
