package org.myelomacds.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.myelomacds.assessment.Assessment;
import org.myelomacds.assessment.DataGapItem;
import org.myelomacds.scenario.Samples;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 10 bullet 8 / qa-bundles/FINDINGS.md A4: a progression shown only by the serum free light chains (IMWG dFLC
 * criterion, clinical-evidence.md §1.6 A) is read as a possible progression (urine M-protein is not read,
 * CDS-POLICY-FLC-MEASURABLE); sweep s11 RL4 (the refractoriness gap's action fits its cause) and RL6 (a later serum
 * M-protein reported as ">x" is a lower bound, CDS-POLICY-FLC-MPROTEIN-LOWER-BOUND).
 * Built on fhir-samples/treated-remission-on-maintenance.json (one line from 2023-01-23, lenalidomide maintenance
 * ongoing, C90.01) without its disease-status assessments and, unless kept, its diagnostic M-protein (2.6 g/dL): serum
 * M-protein 0.2-0.3 g/dL since.
 */
class FreeLightChainRelapseTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String KAPPA = "36916-5";
    private static final String LAMBDA = "33944-0";

    private static Assessment evaluate(ObjectNode bundle) {
        return Samples.evaluate(bundle);
    }

    private static ObjectNode sample(String name) throws Exception {
        return (ObjectNode) JSON.readTree(Samples.samplesDir().resolve(name).toFile());
    }

    private static void remove(ObjectNode bundle, String... ids) {
        var entries = bundle.withArray("entry");
        for (String id : ids) {
            for (int i = 0; i < entries.size(); i++) {
                if (entries.get(i).path("resource").path("id").asText().equals(id)) { entries.remove(i); break; }
            }
        }
    }

    /** A free light chain result in mg/L, as most labs report it (×0.1 to mg/dL for the IMWG criterion). */
    private static void flc(ObjectNode bundle, String loinc, String day, double mgPerL) {
        ObjectNode r = JSON.createObjectNode();
        r.put("resourceType", "Observation").put("id", (loinc.equals(KAPPA) ? "k-" : "l-") + day).put("status", "final");
        r.putObject("code").putArray("coding").addObject().put("system", "http://loinc.org").put("code", loinc);
        r.putObject("subject").put("reference", "urn:uuid:47bfa518-356b-5a35-9307-c2ac11ac11ca");
        r.put("effectiveDateTime", day);
        r.putObject("valueQuantity").put("value", mgPerL).put("unit", "mg/L").put("system", "http://unitsofmeasure.org")
                .put("code", "mg/L");
        bundle.withArray("entry").addObject().set("resource", r);
    }

    /** The patient with free kappa / lambda (mg/L) per day; a null lambda is not measured. */
    private static ObjectNode patient(boolean keepDiagnosticMProtein, Object[]... rows) throws Exception {
        ObjectNode b = sample("treated-remission-on-maintenance.json");
        remove(b, "status-post-asct", "status-2026-09");
        if (!keepDiagnosticMProtein) remove(b, "mprotein-dx");
        for (Object[] row : rows) {
            flc(b, KAPPA, (String) row[0], ((Number) row[1]).doubleValue());
            if (row[2] != null) flc(b, LAMBDA, (String) row[0], ((Number) row[2]).doubleValue());
        }
        return b;
    }

    private static Object[] day(String d, Number kappa, Number lambda) { return new Object[] {d, kappa, lambda}; }

    private static final Object[][] CONFIRMED = {
            day("2025-06-16", 19, 10), day("2026-09-14", 164, 11), day("2026-10-12", 170, 10)};

    private static org.myelomacds.assessment.Findings.Exposure lenalidomide(Assessment a) {
        return a.findings().exposures().stream().filter(e -> e.drug().equals("LENALIDOMIDE")).findFirst().orElseThrow();
    }

    private static List<DataGapItem> gaps(Assessment a, String code) {
        return a.dataGaps().stream().filter(g -> g.code().equals(code)).toList();
    }

    @Test
    void aConfirmedDflcRiseWithUnmeasurableSerumMProteinIsAPossibleProgressionNamedWithItsValuesAndDates() throws Exception {
        Assessment a = evaluate(patient(false, CONFIRMED));
        var relapse = a.findings().relapse();
        assertEquals("UNDETERMINED", relapse.status(), relapse.text());
        String text = relapse.text();
        assertTrue(text.contains("rose from its lowest value 0.9 mg/dL (2025-06-16) to 15.3 mg/dL on 2026-09-14,"
                + " confirmed at 16 mg/dL on 2026-10-12"), text);
        assertTrue(text.contains("free kappa minus free lambda"), text);
        assertTrue(text.contains("urine M-protein is not read, so it is a possible progression only"), text);
        assertTrue(relapse.signals().stream().anyMatch(s -> s.source().equals("FREE_LIGHT_CHAIN")
                && s.reading().equals("POSSIBLE_RELAPSE")), relapse.signals().toString());
        // refractoriness to the drug given when the disease may have progressed: unknown, never "not refractory"
        assertFalse(lenalidomide(a).refractory());
        assertTrue(lenalidomide(a).refractoryUnknown(), "lenalidomide must be unknown, not 'not refractory'");
        assertTrue(gaps(a, "RELAPSE_NOT_DOCUMENTED").stream().anyMatch(g -> g.text().contains("dFLC")
                && g.text().contains("a urine M-protein result showing whether the IMWG FLC criterion applies")), a.dataGaps().toString());
        // RL4: the action fits a free-light-chain cause, not a disease-status record
        assertTrue(gaps(a, "REFRACTORY_STATUS_UNKNOWN").stream().anyMatch(g -> g.text().contains("lenalidomide")
                && g.text().contains("record a urine M-protein result") && !g.text().contains("coded, final answer")),
                a.dataGaps().toString());
        assertTrue(a.recommendations().isEmpty(), a.recommendations().toString());
    }

    @Test
    void nearMissAMeasurableSerumMProteinMakesItNotTheFreeLightChainsTheParameter() throws Exception {
        Assessment a = evaluate(patient(true, CONFIRMED));
        assertFalse(a.findings().relapse().text().contains("dFLC"), a.findings().relapse().text());
        assertEquals("NOT_RELAPSED", a.findings().relapse().status(), a.findings().relapse().text());
    }

    @Test
    void nearMissADflcRiseOfExactlyTenMgPerDlIsNotMoreThanTen() throws Exception {
        Assessment a = evaluate(patient(false, day("2025-06-16", 19, 10), day("2026-09-14", 120, 11),
                day("2026-10-12", 119, 10)));
        assertFalse(a.findings().relapse().text().contains("dFLC"), a.findings().relapse().text());
    }

    @Test
    void aRiseOnTheLatestSampleOnlyIsNamedUnconfirmed() throws Exception {
        Assessment a = evaluate(patient(false, CONFIRMED[0], CONFIRMED[1]));
        assertEquals("UNDETERMINED", a.findings().relapse().status());
        String text = a.findings().relapse().text();
        assertTrue(text.contains("to 15.3 mg/dL on 2026-09-14") && text.contains("so it is unconfirmed")
                && text.contains("repeat the serum free light chains"), text);
    }

    @Test
    void aMissingUninvolvedChainLeavesTheDflcUnknownAndSaysSo() throws Exception {
        Assessment a = evaluate(patient(false, day("2025-06-16", 19, 10), day("2026-09-14", 164, null),
                day("2026-10-12", 170, null)));
        assertFalse(a.findings().relapse().text().contains("rose from its lowest value"), a.findings().relapse().text());
        assertTrue(a.dataGaps().stream().anyMatch(g -> g.rule().equals("GAP-RELAPSE-10")
                && g.text().contains("free kappa rose from 1.9 mg/dL (2025-06-16) to 16.4 mg/dL on 2026-09-14")
                && g.text().contains("no free lambda was measured on 2026-09-14, so the dFLC (involved minus uninvolved) is unknown")),
                a.dataGaps().toString());
    }

    @Test
    void theIsotypeRecordNamesTheInvolvedChain() throws Exception {
        // lambda named involved: dFLC = lambda - kappa stays low although kappa rises, so no progression is read
        ObjectNode b = patient(false, CONFIRMED);
        ObjectNode iso = JSON.createObjectNode();
        iso.put("resourceType", "Observation").put("id", "ife-1").put("status", "final");
        iso.putObject("code").put("text", "M-protein isotype");
        iso.putObject("subject").put("reference", "urn:uuid:47bfa518-356b-5a35-9307-c2ac11ac11ca");
        iso.put("effectiveDateTime", "2023-01-09").put("valueString", "lambda light chain");
        b.withArray("entry").addObject().set("resource", iso);
        Assessment a = evaluate(b);
        assertFalse(a.findings().relapse().text().contains("rose from its lowest value"), a.findings().relapse().text());
    }

    // ---- RL4: an M-protein cause asks for the M-protein, a disease-status record for a coded, final answer.

    @Test
    void theRefractorinessGapOfAnUnconfirmedMProteinRiseAsksForTheMProtein() throws Exception {
        ObjectNode b = sample("rrmm-m-protein-rise.json");
        remove(b, "mprotein-2026-08");
        Assessment a = evaluate(b);
        assertTrue(gaps(a, "REFRACTORY_STATUS_UNKNOWN").stream().anyMatch(g -> g.text().contains("serum M-protein rose")
                && g.text().contains("record the serum M-protein result that settles the rise")
                && !g.text().contains("coded, final answer")), a.dataGaps().toString());
    }

    @Test
    void nearMissAPreliminaryDiseaseStatusStillAsksForACodedFinalAnswer() throws Exception {
        ObjectNode b = sample("rrmm-m-protein-rise.json");
        remove(b, "mprotein-2026-07", "mprotein-2026-08");
        ObjectNode s = JSON.createObjectNode();
        s.put("resourceType", "Observation").put("id", "status-prelim").put("status", "preliminary");
        s.putObject("code").putArray("coding").addObject().put("system", "http://loinc.org").put("code", "97509-4");
        s.put("effectiveDateTime", "2026-09-01");
        s.putObject("valueCodeableConcept").putArray("coding").addObject().put("system", "http://snomed.info/sct")
                .put("code", "271299001");
        b.withArray("entry").addObject().set("resource", s);
        Assessment a = evaluate(b);
        assertTrue(gaps(a, "REFRACTORY_STATUS_UNKNOWN").stream().anyMatch(g -> g.text().contains("preliminary")
                && g.text().contains("record the assessment with a coded, final answer")), a.dataGaps().toString());
    }

    // ---- RL6: a later serum M-protein reported as ">x" is at least x.

    private static void mProtein(ObjectNode bundle, String id, double value, String comparator) {
        for (var e : bundle.withArray("entry")) {
            if (!e.path("resource").path("id").asText().equals(id)) continue;
            ObjectNode q = ((ObjectNode) e.get("resource")).putObject("valueQuantity");
            q.put("value", value).put("comparator", comparator).put("unit", "g/dL")
                    .put("system", "http://unitsofmeasure.org").put("code", "g/dL");
        }
    }

    @Test
    void aConfirmationReportedAboveABoundThatMeetsTheCriteriaConfirmsTheProgression() throws Exception {
        ObjectNode b = sample("rrmm-m-protein-rise.json");
        mProtein(b, "mprotein-2026-08", 1.0, ">");
        Assessment a = evaluate(b);
        assertEquals("DOCUMENTED", a.findings().relapse().status(), a.findings().relapse().text());
        assertTrue(a.findings().relapse().text().contains("confirmed at more than 1 g/dL (reported as >1) on 2026-08-24"),
                a.findings().relapse().text());
    }

    @Test
    void nearMissAConfirmationReportedAboveABoundTooLowToDecideConfirmsNothing() throws Exception {
        ObjectNode b = sample("rrmm-m-protein-rise.json");
        mProtein(b, "mprotein-2026-08", 0.5, ">");
        Assessment a = evaluate(b);
        assertFalse(a.findings().relapse().status().equals("DOCUMENTED"), a.findings().relapse().text());
    }
}
