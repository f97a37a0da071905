package org.myelomacds.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.myelomacds.assessment.Assessment;
import org.myelomacds.scenario.Samples;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Sweep U, B4. A Kd held for a cycle, a progression dated 2024-05-03 and two carfilzomib doses a week after it are the
 * failing Kd going on (CDS-POLICY-CONTINUE-AFTER-HOLD), not a line of their own: 2 to 3 lines (the Cd's purpose
 * undecided beside the breast cancer), not 3 to 4 with a two-dose carfilzomib line.
 */
class HeldLineAfterProgressionTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Assessment evaluate(String name) throws Exception {
        return Samples.evaluate((ObjectNode) JSON.readTree(Path.of("qa-bundles", name + ".json").toFile()));
    }

    @Test
    void theHeldKdsDosesAfterTheProgressionsDateAreNoLineOfTheirOwn() throws Exception {
        Assessment a = evaluate("s20y-03-cd-with-new-trastuzumab-course-pd-45-days-before-last-kd-doses-after-pd-date");
        var pt = a.findings().priorTherapy();
        assertEquals(3, pt.priorLines());
        assertEquals(Integer.valueOf(2), pt.linesMin());
        assertEquals(Integer.valueOf(3), pt.linesMax());
        // near miss: the Kd given weekly through the progression (no hold) reads the same, as before
        var through = evaluate("s20y-16-cd-with-new-trastuzumab-course-pd-45-days-before-kd-given-through-pd-date")
                .findings().priorTherapy();
        assertEquals(3, through.priorLines());
        assertEquals(Integer.valueOf(2), through.linesMin());
        // near miss: open-label ixazomib 9 days after the progression, where the line gave it only blinded (the placebo
        // arm's crossover, sweep s17 L7), is a new line: 3 lines
        assertEquals(3, evaluate("s17l-07-blinded-ixazomib-then-open-label-crossover-placebo-arm").findings().priorTherapy()
                .priorLines());
    }
}
