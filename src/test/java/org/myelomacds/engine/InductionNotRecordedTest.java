package org.myelomacds.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.myelomacds.assessment.Assessment;
import org.myelomacds.assessment.Statement;
import org.myelomacds.scenario.Samples;

import static org.myelomacds.scenario.Samples.gapTexts;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 10 bullet 7 / qa-bundles/FINDINGS.md E4: a record that starts at the transplant and goes on with maintenance
 * after it holds no induction, although a transplant follows induction in one planned sequence (LOT-B15). The history is
 * incomplete (PRIOR_THERAPY_UNKNOWN, DERIVE-HISTORY-06) and the "naive" trial populations are undecided, not met. The
 * near miss is the same shape of chart with its induction before the transplant.
 */
class InductionNotRecordedTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Assessment evaluate(String qaBundle) throws Exception {
        ObjectNode bundle = (ObjectNode) JSON.readTree(Path.of("qa-bundles", qaBundle + ".json").toFile());
        return Samples.evaluate(bundle);
    }

    @Test
    void maintenanceAfterATransplantWithNoInductionBeforeItLeavesTheHistoryIncompleteAndNaivetyUndecided() throws Exception {
        Assessment a = evaluate("s13a-13b-asct-and-len-maintenance-only-induction-elsewhere-lvef");
        List<String> gaps = gapTexts(a, "PRIOR_THERAPY_UNKNOWN");
        assertEquals(1, gaps.size(), a.dataGaps().toString());
        assertTrue(gaps.get(0).contains("line 1 begins at the autologous stem-cell transplant on 2021-03-15: its drugs"
                + " (lenalidomide) all start on or after it, and no induction is recorded before it"), gaps.get(0));
        // The count (1) is a minimum, so the US 1-3-line limit of Isa-Kd and D-Kd is undecided too (FINDINGS I3,
        // ELIG-COMMON-12): both are not offered, and their reasons keep the undecided trial populations.
        Statement ikema = reason(a, "ISA_KD", "ikema-population");
        assertEquals("UNKNOWN", ikema.outcome(), ikema.text());
        assertEquals("ELIG-COMMON-03", ikema.rule());
        assertEquals("UNKNOWN", reason(a, "DARA_KD", "candor-population").outcome());
        assertEquals("ELIG-COMMON-12", reason(a, "ISA_KD", "prior-lines").rule());
    }

    private static Statement reason(Assessment a, String regimen, String criterion) {
        return a.notRecommended().stream().filter(r -> r.regimen().equals(regimen))
                .peek(r -> assertEquals("INSUFFICIENT_DATA", r.status(), regimen))
                .flatMap(r -> r.reasons().stream()).filter(s -> criterion.equals(s.criterion()))
                .findFirst().orElseThrow(() -> new AssertionError(regimen + " has no " + criterion));
    }

    @Test
    void nearMissTheSameChartWithItsInductionBeforeTheTransplantHasNoHistoryGap() throws Exception {
        Assessment a = evaluate("s13a-01b-vrd-mel200-asct-r-pd-no-mobilisation");
        assertEquals(List.of(), gapTexts(a, "PRIOR_THERAPY_UNKNOWN"));
    }
}
