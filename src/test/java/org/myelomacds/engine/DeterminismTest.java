package org.myelomacds.engine;

import org.junit.jupiter.api.Test;
import org.myelomacds.facts.Jurisdiction;
import org.myelomacds.render.JsonRenderer;
import org.myelomacds.scenario.Samples;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Same bundle, rulebase and asOf give the same Assessment, byte for byte. */
class DeterminismTest {
    @Test
    void evaluatingTwiceGivesIdenticalBytes() {
        for (Path bundle : Samples.bundles()) {
            for (Jurisdiction j : Jurisdiction.values()) {
                String first = JsonRenderer.render(Samples.evaluate(bundle, j, CompileMode.EXECUTABLE_MODEL));
                String second = JsonRenderer.render(Samples.evaluate(bundle, j, CompileMode.EXECUTABLE_MODEL));
                assertEquals(first, second, bundle + " " + j);
            }
        }
    }
}
