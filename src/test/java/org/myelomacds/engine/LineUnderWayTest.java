package org.myelomacds.engine;

import org.junit.jupiter.api.Test;
import org.myelomacds.assessment.Assessment;
import org.myelomacds.facts.EvaluationContext;
import org.myelomacds.facts.Jurisdiction;
import org.myelomacds.scenario.Samples;

import java.nio.file.Files;
import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * FINDINGS G6, CDS-POLICY-LINE-UNDER-WAY: replayed inside line 2 (D-Pd given by one-day administrations, the last 6
 * days before asOf, within its own largest dosing interval), the setting says "1 prior line of therapy, and line 2
 * under way" while the count the label criteria read stays 2 (the options ranked follow the line under way). Near miss:
 * the same record read 50 days after the last dose, beyond that interval, is "2 prior line(s)".
 */
class LineUnderWayTest {
    private static final String REPLAY = "s15a-20-replay-12-truncated-at-2023-06-01";

    private static Assessment evaluate(String name, LocalDate asOf) throws Exception {
        Rulebase rb = Samples.rulebase(CompileMode.EXECUTABLE_MODEL);
        byte[] bytes = Files.readAllBytes(Samples.projectDir().resolve("qa-bundles").resolve(name + ".json"));
        return new Evaluator(rb).evaluate(Samples.reader().read(bytes, asOf, rb.terminology()),
                new EvaluationContext(asOf, Jurisdiction.US));
    }

    @Test
    void aLineWhoseNextDoseIsNotYetDueIsNamedUnderWayNotAsAPriorLine() throws Exception {
        Assessment a = evaluate(REPLAY, LocalDate.of(2023, 6, 1));
        String setting = a.findings().setting().text();
        assertTrue(setting.contains("1 prior line of therapy, and line 2 under way: its last dose on 2023-05-26 lies within"
                + " its own largest dosing interval"), setting);
        assertTrue(setting.contains("a regimen chosen after it follows 2 lines"), setting);
        assertEquals(2, a.findings().priorTherapy().priorLines(), "the count the label criteria read is unchanged");
    }

    @Test
    void nearMissTheSameLineReadBeyondItsDosingIntervalIsAPriorLine() throws Exception {
        Assessment a = evaluate(REPLAY, LocalDate.of(2023, 7, 15));
        String setting = a.findings().setting().text();
        assertTrue(setting.contains("(2 prior line(s) of therapy)"), setting);
        assertFalse(setting.contains("under way"), setting);
        assertEquals(2, a.findings().priorTherapy().priorLines());
    }
}
