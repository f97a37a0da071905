package org.myelomacds.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.myelomacds.assessment.Assessment;
import org.myelomacds.assessment.Findings;
import org.myelomacds.render.report.MarkdownReport;
import org.myelomacds.scenario.Samples;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * qa-bundles/FINDINGS.md E3, left open: a drug with one recorded dose never had an evident stop, so the line decided
 * (daratumumab given once, Rd recorded for 1688 days after it, progression on Rd: "daratumumab-refractory"). Now one dose
 * whose line goes on being recorded for more than 180 days is judged by that dose (§1.2;
 * CDS-POLICY-TIMELINE4-STOP-EVIDENT-SINGLE-DOSE under CDS-POLICY-LINEREFR-STOP-EVIDENT). The why is on the exposure (JSON
 * and markdown), and each refractoriness names the rule that decided it (DERIVE-REFRACTORY-01 by the course, -03 by the
 * line), not one rule for all. Near miss: the same dose in a line recorded 161 days: the line decides, refractory, -03.
 */
class StopEvidentSingleDoseTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Assessment evaluate(String name) throws Exception {
        return Samples.evaluate((ObjectNode) JSON.readTree(Path.of("qa-bundles", name + ".json").toFile()));
    }

    private static Findings.Exposure exposure(Assessment a, String drug) {
        return a.findings().exposures().stream().filter(e -> e.drug().equals(drug)).findFirst().orElseThrow();
    }

    @Test
    void oneDaratumumabDoseYearsBeforeAProgressionOnRdIsJudgedByThatDose() throws Exception {
        Assessment a = evaluate("s14t-02-drd-single-dara-dose-rd-continued-pd");
        Findings.Exposure dara = exposure(a, "DARATUMUMAB");
        assertEquals(false, dara.refractory(), dara.toString());
        assertTrue(a.findings().refractoriness().stream().noneMatch(r -> r.code().equals("DARATUMUMAB")),
                a.findings().refractoriness().toString());
        assertTrue(dara.stopEvident() != null && dara.stopEvident().startsWith("daratumumab stopped on 2022-01-10: its one"
                + " record (a single dose) ends there while lenalidomide went on being recorded to 2026-08-25 (1688 days"),
                String.valueOf(dara.stopEvident()));
        assertTrue(dara.stopEvident().contains("CDS-POLICY-TIMELINE4-STOP-EVIDENT-SINGLE-DOSE"), dara.stopEvident());
        assertTrue(a.findings().priorTherapy().lines().get(0).reason().contains(dara.stopEvident()),
                a.findings().priorTherapy().lines().get(0).reason());
        String md = MarkdownReport.render(a);
        assertTrue(md.contains("| Refractory to | lenalidomide |"), md);
        assertTrue(md.contains("| daratumumab | intravenous | 2022-01-10 | 2022-01-10 | no: stopped inside its line, judged"
                + " by its own last dose (see Refractoriness) | no |"), md);
        assertTrue(md.contains("- daratumumab stopped on 2022-01-10: its one record (a single dose)"), md);
    }

    @Test
    void theWhyOfAnEvidentStopIsOnTheExposureToo() throws Exception {
        Assessment a = evaluate("s13a-15-drd-dara-stopped-in-cr-rd-continued-pd-2y-later");
        Findings.Exposure dara = exposure(a, "DARATUMUMAB");
        assertTrue(dara.stopEvident() != null && dara.stopEvident().startsWith("daratumumab stopped on 2024-01-01: its 36"
                + " records end there"), String.valueOf(dara.stopEvident()));
        assertNull(exposure(a, "LENALIDOMIDE").stopEvident());
    }

    @Test
    void nearMissTheSameDoseInALineRecorded161DaysTheLineDecidesAndIsLabelledSo() throws Exception {
        Assessment a = evaluate("s14t-02b-drd-single-dara-dose-pd-150d-later-line-decides");
        Findings.Exposure dara = exposure(a, "DARATUMUMAB");
        assertTrue(dara.refractory(), dara.toString());
        assertNull(dara.stopEvident());
        Findings.Item byLine = a.findings().refractoriness().stream().filter(r -> r.code().equals("DARATUMUMAB"))
                .findFirst().orElseThrow();
        assertEquals("DERIVE-REFRACTORY-03", byLine.rule());
        Findings.Item byCourse = a.findings().refractoriness().stream().filter(r -> r.code().equals("LENALIDOMIDE"))
                .findFirst().orElseThrow();
        assertEquals("DERIVE-REFRACTORY-01", byCourse.rule());
        String md = MarkdownReport.render(a);
        String line = md.lines().filter(l -> l.startsWith("- daratumumab-refractory: progression on 2022-06-09 during line 1"))
                .findFirst().orElseThrow();
        assertTrue(line.contains("`DERIVE-REFRACTORY-03`") && !line.contains("DERIVE-REFRACTORY-01"), line);
    }
}
