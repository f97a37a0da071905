package org.myelomacds.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.myelomacds.assessment.Assessment;
import org.myelomacds.assessment.Statement;
import org.myelomacds.scenario.Samples;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Sweep U, B4: a label's line limit that a range of counts crosses is undecided (ELIG-COMMON-06), never "not met" by the
 * count as placed: s20y-04 (3 to 4 lines, 4 as placed) printed D-Kd "✘ (not met, indication)" beside the UNKNOWN.
 */
class LineLimitRangeTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static List<Statement> daraKdPriorLines(String name) throws Exception {
        Assessment a = Samples.evaluate((ObjectNode) JSON.readTree(Path.of("qa-bundles", name + ".json").toFile()));
        return Stream.concat(
                a.recommendations().stream().filter(r -> r.regimen().equals("DARA_KD")).flatMap(r -> r.rationale().stream()),
                a.notRecommended().stream().filter(r -> r.regimen().equals("DARA_KD")).flatMap(r -> r.reasons().stream()))
                .filter(s -> s.criterion().equals("prior-lines")).toList();
    }

    @Test
    void aLineLimitARangeCrossesIsUndecidedNeverNotMet() throws Exception {
        List<Statement> range = daraKdPriorLines("s20y-04-pd-answered-by-pd-stopped-for-toxicity-then-cd-with-new-trastuzumab-course");
        assertTrue(range.stream().noneMatch(s -> s.outcome().equals("FAILED")), range.toString());
        assertTrue(range.stream().anyMatch(s -> s.outcome().equals("UNKNOWN")), range.toString());
        // near miss: four certain lines fail it
        List<Statement> four = daraKdPriorLines("s19v-14-four-lines-drd-kpd-svd-progression-on-selinexor");
        assertTrue(four.stream().anyMatch(s -> s.outcome().equals("FAILED")), four.toString());
    }
}
