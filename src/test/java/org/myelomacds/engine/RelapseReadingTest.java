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

    private static Assessment evaluateAsOf(Path file, java.time.LocalDate asOf) throws Exception {
        var rulebase = Samples.rulebase(CompileMode.EXECUTABLE_MODEL);
        var record = Samples.reader().read(Files.readAllBytes(file), asOf, rulebase.terminology());
        return new Evaluator(rulebase).evaluate(record, new org.myelomacds.facts.EvaluationContext(asOf, Jurisdiction.US));
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
        Assessment a = Samples.evaluate(codedRelapseOnly("2019-02-04"));
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
        Assessment a = Samples.evaluate(codedRelapseOnly("2026-10-01"));
        assertEquals("DOCUMENTED", a.findings().relapse().status());
        assertTrue(a.findings().relapse().text().startsWith("relapse documented by coding only"), a.findings().relapse().text());
    }

    // CDS-POLICY-RELCODE-UNDATED (sweep s11 RL2): without a recordedDate, after three lines, the coding may speak for the
    // relapse line 3 treated; reading it as current would offer the relapsed-myeloma regimens on an earlier relapse.
    @Test
    void aRelapseCodingWithoutARecordedDateAfterSeveralLinesLeavesRelapseUndecided() throws Exception {
        Assessment a = Samples.evaluate(codedRelapseOnly(null));
        String text = a.findings().relapse().text();
        assertEquals("UNDETERMINED", a.findings().relapse().status(), text);
        assertTrue(text.contains("C90.02, Condition/mm-1) on a record without a recorded date"), text);
        assertTrue(text.contains("before or after line 3 started on 2024-08-26"), text);
        assertTrue(text.contains("record the date of the relapse"), text);
        assertTrue(a.findings().relapse().signals().stream().anyMatch(s -> s.reading().equals("UNDATED_CODING")));
        for (String regimen : new String[] {"ISA_PD", "DARA_PD", "DARA_KD", "DARA_VD"}) {
            assertEquals("INSUFFICIENT_DATA", notRecommended(a, regimen).status(), regimen);
        }
        assertTrue(a.dataGaps().stream().anyMatch(g -> g.code().equals("RELAPSE_NOT_DOCUMENTED")
                && g.text().contains("Condition/mm-1) on a record without a recorded date")
                && !g.text().contains("settle the possible progression")), a.dataGaps().toString());
    }

    @Test
    void nearMissAnUndatedRelapseCodingAfterOneLineCanOnlyBeARelapseAfterIt() throws Exception {
        ObjectNode b = sample("rrmm-relapse-coded-only.json");
        resource(b, "mm-1").remove("recordedDate");
        Assessment a = Samples.evaluate(b);
        assertEquals("DOCUMENTED", a.findings().relapse().status(), a.findings().relapse().text());
        assertTrue(a.findings().relapse().text().startsWith("relapse documented by coding only"), a.findings().relapse().text());
    }

    @Test
    void nearMissAnUndatedRelapseCodingWhoseOnsetFallsAfterTheLastLineStartedDocumentsRelapse() throws Exception {
        // a second relapse Condition, undated, whose onset falls after line 3 started: a coding cannot precede its onset
        ObjectNode c = codedRelapseOnly(null);
        ObjectNode rel = resource(c, "mm-1").deepCopy();
        rel.put("id", "mm-relapse-2026").put("onsetDateTime", "2026-09-20");
        ((com.fasterxml.jackson.databind.node.ArrayNode) c.get("entry")).addObject().set("resource", rel);
        Assessment a = Samples.evaluate(c);
        assertEquals("DOCUMENTED", a.findings().relapse().status(), a.findings().relapse().text());
        assertTrue(a.findings().relapse().text().contains("Condition/mm-relapse-2026"), a.findings().relapse().text());
    }

    @Test
    void nearMissARelapseCodingRecordedOnTheDayBeforeTheLineStartedIsEarlier() throws Exception {
        assertEquals("NOT_DOCUMENTED", Samples.evaluate(codedRelapseOnly("2024-08-25")).findings().relapse().status());
        // the day after the line started: may speak for after it
        assertEquals("DOCUMENTED", Samples.evaluate(codedRelapseOnly("2024-08-27")).findings().relapse().status());
    }

    // ---- Sweep B R5: a lowest M-protein reported as a bound (CDS-POLICY-RELAPSE-MPROTEIN-BOUND). Built on
    // fhir-samples/rrmm-m-protein-rise.json: 0.6 (2023-08-21), 0.4 (2024-09-16), 0.5 (2025-09-15), 0.9 (2026-07-13),
    // 1.2 g/dL (2026-08-24) during lenalidomide maintenance to 2026-10-05.

    private static void mProtein(ObjectNode bundle, String id, double value, String comparator) {
        ObjectNode q = JSON.createObjectNode();
        q.put("value", value);
        if (comparator != null) q.put("comparator", comparator);
        q.put("unit", "g/dL").put("system", "http://unitsofmeasure.org").put("code", "g/dL");
        resource(bundle, id).set("valueQuantity", q);
    }

    private static ObjectNode boundNadir(double bound) throws Exception {
        ObjectNode b = sample("rrmm-m-protein-rise.json");
        mProtein(b, "mprotein-2024-09", bound, "<");
        mProtein(b, "mprotein-2025-09", bound, "<");
        return b;
    }

    private static org.myelomacds.assessment.Findings.Exposure lenalidomide(Assessment a) {
        return a.findings().exposures().stream().filter(e -> e.drug().equals("LENALIDOMIDE")).findFirst().orElseThrow();
    }

    @Test
    void aRiseFromALowestValueBelowABoundIsAProgressionWhenItIsOneAgainstTheBoundItself() throws Exception {
        Assessment a = Samples.evaluate(boundNadir(0.1));
        assertEquals("DOCUMENTED", a.findings().relapse().status(), a.findings().relapse().text());
        String text = a.findings().relapse().text();
        assertTrue(text.contains("from its lowest value reported as <0.1 g/dL (2024-09-16) to 0.9 g/dL on 2026-07-13"), text);
        assertTrue(text.contains("whatever the true value below the bound"), text);
        assertTrue(lenalidomide(a).refractory());
    }

    @Test
    void nearMissARiseThatDependsOnTheBoundsTrueValueIsAPossibleProgressionNeverNoProgression() throws Exception {
        Assessment a = Samples.evaluate(boundNadir(0.5));
        assertEquals("UNDETERMINED", a.findings().relapse().status(), a.findings().relapse().text());
        String text = a.findings().relapse().text();
        assertTrue(text.contains("for some true values below the bound and not for others"), text);
        assertFalse(text.contains("shows no progression"), text);
        assertFalse(lenalidomide(a).refractory());
        assertTrue(lenalidomide(a).refractoryUnknown(), "lenalidomide must be unknown, not 'not refractory'");
        assertTrue(a.dataGaps().stream().anyMatch(g -> g.code().equals("RELAPSE_NOT_DOCUMENTED")
                && g.text().contains("reported as <0.5 g/dL")), a.dataGaps().toString());
    }

    // ---- Sweep B R9: one rise on the latest measurement is unconfirmed (IMWG two consecutive assessments), named.

    @Test
    void aSingleRiseOnTheLatestMeasurementIsAnUnconfirmedPossibleProgressionNamedInTheTextAndAGap() throws Exception {
        ObjectNode b = sample("rrmm-m-protein-rise.json");
        var entries = b.withArray("entry");
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).path("resource").path("id").asText().equals("mprotein-2026-08")) { entries.remove(i); break; }
        }
        Assessment a = Samples.evaluate(b);
        assertEquals("UNDETERMINED", a.findings().relapse().status(), a.findings().relapse().text());
        String text = a.findings().relapse().text();
        assertTrue(text.contains("to 0.9 g/dL on 2026-07-13") && text.contains("unconfirmed, possible progression")
                && text.contains("repeat the serum M-protein"), text);
        assertFalse(text.contains("shows no progression"), text);
        assertTrue(a.dataGaps().stream().anyMatch(g -> g.code().equals("RELAPSE_NOT_DOCUMENTED")
                && g.text().contains("unconfirmed, possible progression")), a.dataGaps().toString());
        assertEquals("INSUFFICIENT_DATA", notRecommended(a, "DARA_PD").status());
    }

    @Test
    void nearMissTheSameRiseConfirmedByTheNextMeasurementIsADocumentedRelapse() throws Exception {
        Assessment a = Samples.evaluate(sample("rrmm-m-protein-rise.json"));
        assertEquals("DOCUMENTED", a.findings().relapse().status());
        assertFalse(a.findings().relapse().text().contains("unconfirmed"), a.findings().relapse().text());
    }

    @Test
    void nearMissARiseRefutedByALaterLowerValueIsNotAPossibleProgression() throws Exception {
        ObjectNode b = sample("rrmm-m-protein-rise.json");
        mProtein(b, "mprotein-2026-08", 0.5, null);
        Assessment a = Samples.evaluate(b);
        assertFalse(a.findings().relapse().text().contains("unconfirmed"), a.findings().relapse().text());
        assertFalse(a.findings().relapse().status().equals("DOCUMENTED"));
    }

    // ---- Sweep B R11 / sweep s11 RL5: a replay before the diagnosis says no diagnosis is recorded on or before asOf, and
    // names nothing dated after it: the Assessment must equal that of the chart truncated at asOf (issue 10 item 10).

    @Test
    void aReplayBeforeTheDiagnosisNamesNothingDatedAfterTheEvaluationDate() throws Exception {
        Path file = dir.resolve("bundle.json");
        Files.writeString(file, JSON.writeValueAsString(sample("rrmm-isa-pd-candidate.json")));
        Assessment a = evaluateAsOf(file, java.time.LocalDate.of(2018, 6, 1));
        String setting = a.findings().setting().text();
        assertEquals("No multiple myeloma (or other plasma-cell disorder) diagnosis recorded in the bundle on or before the"
                + " evaluation date (2018-06-01); records dated after it are not read", setting);
        assertFalse(setting.contains("Condition/mm-1") || setting.contains("2019"), setting);
        // the same words as the chart that holds no diagnosis at all (what the chart looked like on that day)
        assertEquals(setting, evaluateAsOf(withoutConditions(), java.time.LocalDate.of(2018, 6, 1)).findings().setting().text());
    }

    @Test
    void nearMissOnTheDayOfTheDiagnosisTheDiagnosisIsRead() throws Exception {
        Path file = dir.resolve("bundle.json");
        Files.writeString(file, JSON.writeValueAsString(sample("rrmm-isa-pd-candidate.json")));
        // onset 2019-01-28, recorded 2019-02-04: in the chart from the day it was recorded
        Assessment a = evaluateAsOf(file, java.time.LocalDate.of(2019, 2, 4));
        assertFalse(a.findings().setting().text().contains("No multiple myeloma"), a.findings().setting().text());
    }

    private Path withoutConditions() throws Exception {
        ObjectNode b = sample("rrmm-isa-pd-candidate.json");
        var entries = b.withArray("entry");
        for (int i = entries.size() - 1; i >= 0; i--) {
            if (entries.get(i).path("resource").path("resourceType").asText().equals("Condition")) entries.remove(i);
        }
        Path file = dir.resolve("no-conditions.json");
        Files.writeString(file, JSON.writeValueAsString(b));
        return file;
    }
}
