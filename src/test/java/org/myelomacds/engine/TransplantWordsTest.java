package org.myelomacds.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.myelomacds.assessment.Assessment;
import org.myelomacds.assessment.Findings;
import org.myelomacds.scenario.Samples;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 10 bullet 7, sweep s13-precursor P1 (CDS-POLICY-RECORDS-TRANSPLANT-WORDS): a transplant recorded in words the
 * terminology did not read ("HCT day 0", "PBSCT", "Day 0 auto SCT") vanished, so its conditioning melphalan became a line
 * of its own ("3 prior lines", no gap). Unambiguous words are now transplants; words that only suggest one are a
 * possible transplant, placed with its being one undecided (the count a range) and named by GAP-TRANSPLANT-10; a
 * haematocrit check stays nothing.
 */
class TransplantWordsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Assessment evaluate(String qaBundle) throws Exception {
        return Samples.evaluate((ObjectNode) JSON.readTree(Path.of("qa-bundles", qaBundle + ".json").toFile()));
    }

    private static List<String> gapRules(Assessment a) {
        return a.dataGaps().stream().map(g -> g.rule()).toList();
    }

    @Test
    void hctDayZeroIsAPossibleTransplantNamedInAGapWithTheLineCountARange() throws Exception {
        Assessment a = evaluate("s14d-02-hct-day0-local-code");
        Findings.PriorTherapy p = a.findings().priorTherapy();
        assertEquals(Integer.valueOf(1), p.linesMin());
        assertEquals(Integer.valueOf(3), p.linesMax());
        assertEquals(List.of(List.of("UNKNOWN")), p.lines().stream().map(Findings.Line::transplants).toList());
        assertTrue(gapRules(a).contains("GAP-TRANSPLANT-10"), gapRules(a).toString());
        assertTrue(a.dataGaps().stream().anyMatch(g -> g.rule().equals("GAP-TRANSPLANT-10")
                && g.text().contains("Procedure/asct") && g.text().contains("'HCT day 0'")
                && g.text().contains("CDS-POLICY-RECORDS-TRANSPLANT-WORDS")), a.dataGaps().toString());
    }

    @Test
    void nearMissAHaematocritCheckIsNeitherATransplantNorAPossibleOne() throws Exception {
        Assessment a = evaluate("s14d-02b-hct-haematocrit-check-local-code");
        assertFalse(gapRules(a).contains("GAP-TRANSPLANT-10"), gapRules(a).toString());
        assertTrue(a.findings().priorTherapy().lines().stream().noneMatch(Findings.Line::includesTransplant));
    }

    @Test
    void unambiguousAbbreviationsAreTransplantsWithTheirKind() throws Exception {
        Assessment auto = evaluate("s14d-03-day0-auto-sct-text");
        assertEquals(1, auto.findings().priorTherapy().priorLines());
        assertEquals(List.of("AUTOLOGOUS"), auto.findings().priorTherapy().lines().get(0).transplants());
        Assessment pbsct = evaluate("s14d-04-pbsct-local-code");
        assertEquals(1, pbsct.findings().priorTherapy().priorLines());
        assertEquals(List.of("UNKNOWN"), pbsct.findings().priorTherapy().lines().get(0).transplants());
        assertFalse(gapRules(pbsct).contains("GAP-TRANSPLANT-10"), gapRules(pbsct).toString());
    }
}
