package org.myelomacds.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.myelomacds.assessment.Assessment;
import org.myelomacds.assessment.Findings;
import org.myelomacds.render.report.HtmlReport;
import org.myelomacds.render.report.MarkdownReport;
import org.myelomacds.scenario.Samples;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Sweep N5 (qa-bundles/FINDINGS.md, CDS-POLICY-BLINDED-STUDY-DRUG): a line that lists a drug only because of a
 * still-blinded study product names it as recorded, "daratumumab or placebo (blinded)", in the line table, the "Prior
 * lines" row and the therapy timeline, and the JSON line carries it in {@code blindedDrugs}; an open-label record of the
 * drug in a line lists it plainly.
 */
class BlindedLineNamesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Assessment evaluate(String name) throws Exception {
        return Samples.evaluate((ObjectNode) JSON.readTree(Path.of("qa-bundles", name + ".json").toFile()));
    }

    private static Findings.Line line(Assessment a, int number) {
        return a.findings().priorTherapy().lines().stream().filter(l -> l.number() == number).findFirst().orElseThrow();
    }

    @Test
    void aBlindedProductIsNamedAsRecordedWhereverTheLineIsShown() throws Exception {
        Assessment a = evaluate("s18n-01d-open-isa-pd-then-blinded-dara-or-placebo-pd-pd-on-it-last-dose-42d-before-asof");
        Findings.Line l4 = line(a, 4);
        assertEquals(List.of("DARATUMUMAB", "POMALIDOMIDE", "DEXAMETHASONE"), l4.drugs(), "the drug list keeps its shape");
        assertEquals(List.of("DARATUMUMAB"), l4.blindedDrugs());
        String md = MarkdownReport.render(a);
        assertTrue(md.contains("L4 daratumumab or placebo (blinded), pomalidomide, dexamethasone (2026-06-22 to 2026-09-27)"), md);
        assertTrue(md.contains("Line 4: daratumumab or placebo (blinded), pomalidomide, dexamethasone, 2026-06-22 to 2026-09-27"), md);
        assertTrue(md.contains("| 4 | 2026-06-22 | 2026-09-27 | daratumumab or placebo (blinded), pomalidomide, dexamethasone |"), md);
        assertTrue(HtmlReport.render(a).contains("daratumumab or placebo (blinded), pomalidomide, dexamethasone"));
        assertNull(line(a, 2).blindedDrugs(), "the open-label isatuximab line");
    }

    @Test
    void nearMissTheSameLineOpenLabelNamesTheDrug() throws Exception {
        Assessment a = evaluate("s18n-01dc-control-open-isa-pd-then-open-dara-pd-pd-on-it-last-dose-48d-before-asof");
        assertNull(line(a, 4).blindedDrugs());
        String md = MarkdownReport.render(a);
        assertTrue(md.contains("L4 daratumumab, pomalidomide, dexamethasone (2026-06-22 to 2026-09-27)"), md);
        assertFalse(md.contains("or placebo (blinded)"), md);
    }

    @Test
    void nearMissAnOpenLabelCrossoverLineNamesItsDrugPlainly() throws Exception {
        Assessment a = evaluate("s17l-07-blinded-ixazomib-then-open-label-crossover-placebo-arm");
        assertEquals(List.of("IXAZOMIB"), line(a, 2).blindedDrugs());
        assertNull(line(a, 3).blindedDrugs());
        assertTrue(MarkdownReport.render(a).contains("L3 lenalidomide, ixazomib, dexamethasone (2026-03-01 to 2026-04-19)"));
    }
}
