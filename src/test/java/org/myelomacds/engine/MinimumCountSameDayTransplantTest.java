package org.myelomacds.engine;

import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.myelomacds.assessment.Assessment;
import org.myelomacds.assessment.Findings;
import org.myelomacds.assessment.Statement;
import org.myelomacds.facts.Jurisdiction;
import org.myelomacds.scenario.Samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * qa-bundles/FINDINGS.md I3, I5, I6.
 * <ul>
 *   <li>I3 (ELIG-COMMON-12, CDS-POLICY-MINIMUM-COUNT): a record whose first line begins at a transplant with no recorded
 *   induction counts a minimum, so the US 1-to-3-line label of D-Kd and Isa-Kd is undecided, not met; a lower limit the
 *   minimum meets (D-Rd, D-Vd: at least 1) stays met. Near misses: the induction recorded (s16a-04), and a transplant
 *   alone in a later line after recorded lines (s15h-04), keep a confident count and the label met.</li>
 *   <li>I5 (CDS-POLICY-SAME-DAY-TRANSPLANT): one transplant exported twice on one day is one transplant with both records;
 *   near miss: a tandem months apart stays a tandem.</li>
 *   <li>I6 (DERIVE-RELAPSE-81, CDS-POLICY-REMISSION-CODE-CONFLICT): a C90.01 written after a dated progression is named as
 *   conflicting, relapse stays documented; near miss: the same coding written before the progression is not.</li>
 * </ul>
 */
class MinimumCountSameDayTransplantTest {
    private static Assessment evaluate(String name) {
        return Samples.evaluate(Samples.projectDir().resolve("qa-bundles").resolve(name + ".json"), Jurisdiction.US,
                CompileMode.EXECUTABLE_MODEL);
    }

    private static String status(Assessment a, String regimen) {
        return Stream.concat(
                a.recommendations().stream().filter(r -> r.regimen().equals(regimen)).map(r -> r.status()),
                a.notRecommended().stream().filter(r -> r.regimen().equals(regimen)).map(r -> r.status()))
                .findFirst().orElseThrow();
    }

    private static List<Statement> criteria(Assessment a, String regimen, String criterion) {
        return Stream.concat(
                a.recommendations().stream().filter(r -> r.regimen().equals(regimen)).flatMap(r -> r.rationale().stream()),
                a.notRecommended().stream().filter(r -> r.regimen().equals(regimen)).flatMap(r -> r.reasons().stream()))
                .filter(s -> criterion.equals(s.criterion())).toList();
    }

    // ---- I3 ----------------------------------------------------------------------------------------------------------

    @Test
    void aTransferredInAllograftCountsAMinimumSoTheOneToThreeLineLabelsAreUndecided() {
        Assessment a = evaluate("s16a-04b-transferred-in-allo-by-text-generic-hsct-code-no-induction-pd-pd");
        assertEquals(2, a.findings().priorTherapy().priorLines());
        for (String regimen : List.of("DARA_KD", "ISA_KD")) {
            List<Statement> lines = criteria(a, regimen, "prior-lines");
            assertEquals(1, lines.size(), lines.toString());
            Statement s = lines.get(0);
            assertEquals("UNKNOWN", s.outcome(), s.text());
            assertEquals("ELIG-COMMON-12", s.rule());
            assertTrue(s.text().startsWith("At least 2 prior line(s) of therapy;"), s.text());
            assertTrue(s.text().contains("after 1 to 3 prior lines; the history before the transplant is not recorded"), s.text());
            assertTrue(s.facts().stream().anyMatch(f -> f.reference().equals("Procedure/allo")), s.facts().toString());
            assertEquals("INSUFFICIENT_DATA", status(a, regimen));
        }
        // a lower limit the minimum already meets stays met
        assertEquals("MET", Samples.criterion(a, "DARA_RD", "prior-lines").outcome());
        assertEquals("MET", Samples.criterion(a, "DARA_VD", "prior-lines").outcome());
    }

    @Test
    void anInpatientOnlyAutograftRecordCountsAMinimumToo() {
        Assessment a = evaluate("s14a-09-inpatient-only-mel-asct-then-dcep-admission");
        Statement s = criteria(a, "DARA_KD", "prior-lines").get(0);
        assertEquals("UNKNOWN", s.outcome(), s.text());
        assertEquals("INSUFFICIENT_DATA", status(a, "DARA_KD"));
    }

    @Test
    void nearMissTheAllograftWithItsInductionRecordedIsAConfidentCount() {
        Assessment a = evaluate("s16a-04-vrd-asct-r-pd-krd-then-allo-sct-pd");
        Statement s = criteria(a, "DARA_KD", "prior-lines").get(0);
        assertEquals("MET", s.outcome(), s.text());
        assertEquals("DARA-KD-ELIG-02", s.rule());
        assertTrue(a.findings().priorTherapy().lines().size() == 2);
    }

    @Test
    void nearMissASalvageTransplantAloneAfterARecordedLineIsNoMinimum() {
        Assessment a = evaluate("s15h-04-vrd-asct-r-pd-then-cy-mobilisation-salvage-asct2-pd");
        Statement s = criteria(a, "DARA_KD", "prior-lines").get(0);
        assertEquals("MET", s.outcome(), s.text());
        assertEquals("DARA-KD-ELIG-02", s.rule());
    }

    // ---- I5 ----------------------------------------------------------------------------------------------------------

    @Test
    void oneTransplantExportedTwiceOnOneDayIsOneTransplantWithBothRecords() {
        Assessment a = evaluate("s16a-01-two-hospitals-duplicate-vrd-asct-r-pd-then-kd");
        Findings.Line first = a.findings().priorTherapy().lines().get(0);
        assertEquals(List.of("AUTOLOGOUS"), first.transplants());
        assertFalse(first.reason().contains("tandem"), first.reason());
        assertTrue(first.reason().contains("autologous stem-cell transplant on 2019-06-11 (recorded 2 times, the same kind"
                + " on the same day: Procedure/asct, Procedure/hospB-asct; one transplant"), first.reason());
        assertTrue(first.facts().stream().anyMatch(f -> f.reference().equals("Procedure/asct")));
        assertTrue(first.facts().stream().anyMatch(f -> f.reference().equals("Procedure/hospB-asct")));
        assertEquals(2, a.findings().priorTherapy().priorLines());
    }

    @Test
    void nearMissATandemMonthsApartStaysATandem() {
        Assessment a = evaluate("s14a-13-vrd-tandem-auto-auto-r-pd");
        Findings.Line first = a.findings().priorTherapy().lines().get(0);
        assertEquals(List.of("AUTOLOGOUS", "AUTOLOGOUS"), first.transplants());
        assertTrue(first.reason().contains("as a planned tandem"), first.reason());
        assertFalse(first.reason().contains("recorded 2 times"), first.reason());
    }

    // ---- I6 ----------------------------------------------------------------------------------------------------------

    private static final String I6 = "s16a-08-pd-dated-then-c90-01-in-remission-recorded-later";

    @Test
    void aRemissionCodingWrittenAfterTheProgressionIsNamedAsConflictingAndRelapseStaysDocumented() {
        Assessment a = evaluate(I6);
        Findings.Relapse r = a.findings().relapse();
        assertEquals("DOCUMENTED", r.status(), r.text());
        assertTrue(r.text().startsWith("relapse documented: disease status worsened (progression) on 2026-05-12"), r.text());
        assertTrue(r.text().contains("conflicting record: myeloma coded as in remission (")
                && r.text().contains("Condition/mm-rem) on a record written on 2026-08-30, after this progression, with no"
                + " disease-status assessment after the progression to support it"), r.text());
        assertTrue(r.facts().stream().anyMatch(f -> f.reference().equals("Condition/mm-rem")), r.facts().toString());
    }

    @Test
    void nearMissTheSameCodingWrittenBeforeTheProgressionIsNotNamed() throws Exception {
        ObjectNode bundle = (ObjectNode) new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                Samples.projectDir().resolve("qa-bundles").resolve(I6 + ".json").toFile());
        boolean patched = false;
        for (var entry : bundle.withArray("entry")) {
            var res = (ObjectNode) entry.get("resource");
            if ("Condition".equals(res.path("resourceType").asText()) && "mm-rem".equals(res.path("id").asText())) {
                res.put("recordedDate", "2026-05-01");
                patched = true;
            }
        }
        assertTrue(patched);
        Findings.Relapse r = Samples.evaluate(bundle, Jurisdiction.US).findings().relapse();
        assertEquals("DOCUMENTED", r.status(), r.text());
        assertFalse(r.text().contains("conflicting record"), r.text());
    }
}
