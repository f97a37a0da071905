package org.myelomacds.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.myelomacds.assessment.Assessment;
import org.myelomacds.assessment.NotRecommended;
import org.myelomacds.facts.Jurisdiction;
import org.myelomacds.scenario.Samples;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Sweep B (qa-bundles/FINDINGS.md) R6: a relapse coding recorded before the last line started does not document relapse
 * after it (CDS-POLICY-RELAPSE-CODING-DATE). Built on fhir-samples/rrmm-isa-pd-candidate.json (line 3 IRd from
 * 2024-08-26, progression-3 on 2026-09-12, Condition/mm-1 coded C90.02 and recorded 2019-02-04).
 */
class RelapseReadingTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir Path dir;

    private Assessment evaluate(ObjectNode bundle) throws Exception {
        Path file = dir.resolve("bundle.json");
        Files.writeString(file, JSON.writeValueAsString(bundle));
        return Samples.evaluate(file, Jurisdiction.US, CompileMode.EXECUTABLE_MODEL);
    }

    private static ObjectNode sample(String name) throws Exception {
        return (ObjectNode) JSON.readTree(Samples.samplesDir().resolve(name).toFile());
    }

    private static ObjectNode resource(ObjectNode bundle, String id) {
        for (var e : bundle.withArray("entry")) {
            if (e.path("resource").path("id").asText().equals(id)) return (ObjectNode) e.get("resource");
        }
        throw new AssertionError(id);
    }

    private static NotRecommended notRecommended(Assessment a, String regimen) {
        return a.notRecommended().stream().filter(n -> n.regimen().equals(regimen)).findFirst()
                .orElseThrow(() -> new AssertionError(regimen + " is recommended: " + a.recommendations()));
    }

    /** The sample without its dated progression after line 3: only the C90.02 coding speaks to relapse. */
    private static ObjectNode codedRelapseOnly(String recordedDate) throws Exception {
        ObjectNode b = sample("rrmm-isa-pd-candidate.json");
        resource(b, "progression-3").put("status", "entered-in-error");
        if (recordedDate == null) resource(b, "mm-1").remove("recordedDate");
        else resource(b, "mm-1").put("recordedDate", recordedDate);
        return b;
    }

    @Test
    void aRelapseCodingRecordedBeforeTheLastLineStartedDoesNotDocumentRelapseAfterIt() throws Exception {
        Assessment a = evaluate(codedRelapseOnly("2019-02-04"));
        assertEquals("NOT_DOCUMENTED", a.findings().relapse().status(), a.findings().relapse().text());
        String text = a.findings().relapse().text();
        assertTrue(text.contains("C90.02, Condition/mm-1) by a record written on 2019-02-04, on or before line 3 started on 2024-08-26"), text);
        assertFalse(text.contains("documented by coding only"), text);
        assertTrue(a.findings().relapse().signals().stream().anyMatch(s -> s.reading().equals("CODED_BEFORE_LAST_LINE")));
        for (String regimen : new String[] {"ISA_PD", "DARA_PD", "DARA_KD", "DARA_VD"}) {
            assertEquals("INSUFFICIENT_DATA", notRecommended(a, regimen).status(), regimen);
        }
        assertTrue(a.dataGaps().stream().anyMatch(g -> g.code().equals("RELAPSE_NOT_DOCUMENTED")
                && g.text().contains("by a record written on 2019-02-04")), a.dataGaps().toString());
    }

    @Test
    void nearMissARelapseCodingRecordedAfterTheLastLineStartedStillDocumentsRelapseByCoding() throws Exception {
        Assessment a = evaluate(codedRelapseOnly("2026-10-01"));
        assertEquals("DOCUMENTED", a.findings().relapse().status());
        assertTrue(a.findings().relapse().text().startsWith("relapse documented by coding only"), a.findings().relapse().text());
    }

    @Test
    void nearMissARelapseCodingWithoutARecordedDateIsReadAsTheCurrentDocumentation() throws Exception {
        Assessment a = evaluate(codedRelapseOnly(null));
        assertEquals("DOCUMENTED", a.findings().relapse().status());
        assertTrue(a.findings().relapse().text().startsWith("relapse documented by coding only"), a.findings().relapse().text());
    }

    @Test
    void nearMissARelapseCodingRecordedOnTheDayBeforeTheLineStartedIsEarlier() throws Exception {
        assertEquals("NOT_DOCUMENTED", evaluate(codedRelapseOnly("2024-08-25")).findings().relapse().status());
        // the day after the line started: may speak for after it
        assertEquals("DOCUMENTED", evaluate(codedRelapseOnly("2024-08-27")).findings().relapse().status());
    }
}
