package org.myelomacds.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.myelomacds.assessment.Assessment;
import org.myelomacds.assessment.Findings;
import org.myelomacds.assessment.Statement;
import org.myelomacds.evidence.RegimenDefinition;
import org.myelomacds.facts.Jurisdiction;
import org.myelomacds.render.CardRenderer;
import org.myelomacds.render.report.HtmlReport;
import org.myelomacds.render.report.MarkdownReport;
import org.myelomacds.scenario.Samples;

/**
 * Session 13 "firstline2" (issue 10 bullet 8; sweep s12 firstline F2, F3, F4): first-line therapy under way on the
 * generator bundles qa-bundles/s13f-* (qa-bundles/tools/gen-s13-firstline2.py), each case with its near miss.
 * F3: the running first line is on the timeline but is not a prior line, in the JSON findings and every report.
 * F2: Isa-Kd and Isa-Pd, like every relapsed-myeloma-only regimen, exclude a newly diagnosed setting on their labels.
 */
class FirstLineUnderWayS13Test {
    private static Assessment qa(String name) {
        return Samples.evaluate(Samples.projectDir().resolve("qa-bundles").resolve(name + ".json"), Jurisdiction.US,
                CompileMode.EXECUTABLE_MODEL);
    }

    private static String boardRow(String markdown) {
        return markdown.lines().filter(l -> l.startsWith("| Prior lines |")).findFirst().orElseThrow();
    }

    private static String cardsText(Assessment a) {
        CardRenderer.Context ctx = new CardRenderer.Context(null, Samples.terminology().observations(),
                Samples.rulebase(CompileMode.EXECUTABLE_MODEL).regimens().shortNames(), "pv");
        StringBuilder b = new StringBuilder();
        for (var c : CardRenderer.patientView(a, ctx)) b.append(c.summary()).append('\n').append(c.detail()).append('\n');
        return b.toString();
    }

    private static Stream<Statement> statements(Assessment a, String regimen) {
        return Stream.concat(
                a.recommendations().stream().filter(r -> r.regimen().equals(regimen)).flatMap(r -> r.rationale().stream()),
                a.notRecommended().stream().filter(r -> r.regimen().equals(regimen)).flatMap(r -> r.reasons().stream()));
    }

    private static String status(Assessment a, String regimen) {
        return Stream.concat(a.recommendations().stream().filter(r -> r.regimen().equals(regimen)).map(r -> r.status()),
                a.notRecommended().stream().filter(r -> r.regimen().equals(regimen)).map(r -> r.status()))
                .findFirst().orElseThrow();
    }

    private static boolean settingFailed(Assessment a, String regimen) {
        return statements(a, regimen).anyMatch(s -> s.criterion().equals("setting") && s.outcome().equals("FAILED")
                && s.kind().equals("INDICATION"));
    }

    // ---- F3: "Prior lines" says the first line is under way, in JSON, markdown and HTML alike

    @Test
    void inductionUnderWayIsNoPriorLineInTheFindingsAndEveryReport() {
        Assessment a = qa("s13f-induction-vrd-cycle3");
        assertEquals("NDMM_TRANSPLANT_ELIGIBLE", a.setting());
        Findings.PriorTherapy p = a.findings().priorTherapy();
        assertEquals(0, p.priorLines());
        assertEquals(1, p.lines().size(), "the line table still lists the line being given");
        Findings.FirstLine f = p.firstLineUnderWay();
        assertNotNull(f);
        assertEquals(1, f.line());
        assertEquals("2026-09-01", f.since());
        assertEquals("DERIVE-SETTING-20", f.rule());
        assertTrue(f.text().startsWith("on first-line therapy since 2026-09-01 (lenalidomide, bortezomib, dexamethasone, ongoing"), f.text());

        String row = boardRow(MarkdownReport.render(a));
        assertEquals("| Prior lines | none; first-line therapy under way (not a prior line): L1 lenalidomide, bortezomib,"
                + " dexamethasone (2026-09-01 to ongoing) |", row);
        String html = HtmlReport.render(a);
        assertTrue(html.contains("none; first-line therapy under way (not a prior line): L1 lenalidomide, bortezomib,"
                + " dexamethasone (2026-09-01 to ongoing)"), "HTML board row");
        assertTrue(html.contains("is first-line therapy still being given, not a completed prior line"), "HTML disease section");
        // the CDS Hooks cards give no line count: nothing there can say "1 prior line"
        assertFalse(cardsText(a).matches("(?s).*\\b1 prior line.*"), cardsText(a));
    }

    @Test
    void maintenanceAfterTransplantWithoutProgressionIsNoPriorLine() {
        Assessment a = qa("s13f-maintenance-after-asct");
        Findings.PriorTherapy p = a.findings().priorTherapy();
        assertEquals(0, p.priorLines());
        assertEquals("2023-01-23", p.firstLineUnderWay().since());
        assertTrue(p.firstLineUnderWay().text().contains("post-transplant phase"), p.firstLineUnderWay().text());
        String md = MarkdownReport.render(a);
        assertEquals("| Prior lines | none; first-line therapy under way (not a prior line): L1 lenalidomide, bortezomib,"
                + " melphalan, dexamethasone, autologous stem-cell transplant (2023-01-23 to ongoing) |", boardRow(md));
        assertTrue(md.contains("- **First line under way:** line 1 of the table below is first-line therapy still being"
                + " given, not a completed prior line (on first-line therapy since 2023-01-23"), md);
    }

    @Test
    void nearMissMaintenanceFollowedByADocumentedProgressionIsOnePriorLineAndTheRelapsedRegimensComeBack() {
        Assessment a = qa("s13f-maintenance-then-progression");
        assertEquals("RRMM", a.setting());
        Findings.PriorTherapy p = a.findings().priorTherapy();
        assertEquals(1, p.priorLines());
        assertNull(p.firstLineUnderWay());
        assertTrue(boardRow(MarkdownReport.render(a)).startsWith("| Prior lines | 1: L1 lenalidomide, bortezomib, melphalan,"
                + " dexamethasone, autologous stem-cell transplant (2023-01-23 to 2026-10-16)"), boardRow(MarkdownReport.render(a)));
        assertFalse(MarkdownReport.render(a).contains("First line under way"));
        for (String r : List.of("ISA_KD", "ISA_PD", "DARA_KD", "DARA_VD", "DARA_PD", "DARA_RD")) {
            assertEquals("ELIGIBLE_WITH_CAUTIONS", status(a, r), r);
            assertFalse(settingFailed(a, r), r);
        }
    }

    // ---- the open order: months old with nothing given under it (CDS-POLICY-OPEN-REQUEST), and its near miss

    @Test
    void aMaintenanceOrderMonthsOldWithNothingGivenSinceEndsTheLineOnItsDayAndTheEndIsAGap() {
        Assessment a = qa("s13f-maintenance-order-stale");
        assertEquals("RRMM", a.setting());
        assertTrue(a.findings().setting().text().startsWith("Previously treated multiple myeloma (1 prior line(s) of therapy),"
                + " relapse not documented"), a.findings().setting().text());
        assertNull(a.findings().priorTherapy().firstLineUnderWay());
        assertEquals(1, a.findings().priorTherapy().priorLines());
        assertTrue(a.dataGaps().stream().anyMatch(g -> g.code().equals("THERAPY_END_UNKNOWN")
                && g.text().contains("MedicationRequest/rx-len-maint-renewal 2026-04-06")
                && g.text().contains("written over 90 days ago")), a.dataGaps().toString());
        // relapse not documented: no relapsed-myeloma regimen is offered
        for (String r : List.of("ISA_KD", "ISA_PD", "DARA_KD", "DARA_VD", "DARA_PD", "DARA_RD")) {
            assertEquals("INSUFFICIENT_DATA", status(a, r), r);
            assertTrue(statements(a, r).anyMatch(s -> "ELIG-COMMON-04".equals(s.rule()) && s.outcome().equals("UNKNOWN")), r);
        }
    }

    @Test
    void nearMissTheSameOldOrderWithARecentDispenseIsFirstLineTherapyUnderWay() {
        Assessment a = qa("s13f-maintenance-order-stale-recent-dispense");
        assertEquals("NDMM_TRANSPLANT_ELIGIBLE", a.setting());
        assertEquals(0, a.findings().priorTherapy().priorLines());
        assertEquals(1, a.findings().priorTherapy().firstLineUnderWay().line());
        assertFalse(a.dataGaps().stream().anyMatch(g -> g.code().equals("THERAPY_END_UNKNOWN")), a.dataGaps().toString());
    }

    // ---- F2: every relapsed-myeloma-only regimen excludes a newly diagnosed setting on its label, whatever the path

    private static List<String> relapseOnlyRegimens() {
        List<String> ids = Samples.rulebase(CompileMode.EXECUTABLE_MODEL).regimens().regimens().values().stream()
                .filter(d -> d.settings().equals(List.of("RRMM"))).map(RegimenDefinition::id).sorted().toList();
        assertTrue(ids.containsAll(List.of("ISA_KD", "ISA_PD", "DARA_KD", "DARA_VD", "DARA_PD", "DARA_MONO")), ids.toString());
        return ids;
    }

    @Test
    void everyRelapseOnlyRegimenFailsItsLabelSettingWhileFirstLineTherapyIsUnderWay() {
        for (String name : List.of("s13f-induction-vrd-cycle3", "s13f-maintenance-after-asct", "s13f-induction-dvrd-cycle3")) {
            Assessment a = qa(name);
            for (String r : relapseOnlyRegimens()) {
                assertTrue(settingFailed(a, r), name + ": " + r + " " + statements(a, r).toList());
                assertFalse(status(a, r).startsWith("ELIGIBLE"), name + ": " + r);
            }
        }
        Assessment a = qa("s13f-induction-vrd-cycle3");
        Statement isaKd = statements(a, "ISA_KD").filter(s -> "FLAG-FIRSTLINE-10".equals(s.rule())).findFirst().orElseThrow();
        assertEquals(List.of("SARC-USPI", "SARC-SMPC25"), isaKd.evidence());
        assertTrue(isaKd.text().startsWith("Isa-Kd is indicated only in relapsed/refractory myeloma"), isaKd.text());
        Statement isaPd = statements(a, "ISA_PD").filter(s -> "FLAG-FIRSTLINE-11".equals(s.rule())).findFirst().orElseThrow();
        assertTrue(isaPd.evidence().containsAll(List.of("SARC-USPI", "SARC-ESC-USPI", "SARC-SMPC25")), isaPd.evidence().toString());
    }

    @Test
    void everyRelapseOnlyRegimenFailsItsLabelSettingInANewlyDiagnosedPatientWithoutTherapy() {
        Assessment a = Samples.evaluate(Samples.samplesDir().resolve("ndmm-transplant-eligible.json"), Jurisdiction.US,
                CompileMode.EXECUTABLE_MODEL);
        assertEquals("NDMM_TRANSPLANT_ELIGIBLE", a.setting());
        for (String r : relapseOnlyRegimens()) assertTrue(settingFailed(a, r), r + " " + statements(a, r).toList());
    }

    @Test
    void nearMissInRelapseNoRegimenFailsTheNewlyDiagnosedSettingGuard() {
        Assessment a = qa("s13f-maintenance-then-progression");
        assertTrue(Stream.concat(a.recommendations().stream().flatMap(r -> r.rationale().stream()),
                        a.notRecommended().stream().flatMap(r -> r.reasons().stream()))
                .noneMatch(s -> "FLAG-FIRSTLINE-10".equals(s.rule()) || "FLAG-FIRSTLINE-11".equals(s.rule())));
    }
}
