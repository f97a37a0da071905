package org.myelomacds.engine;

import org.junit.jupiter.api.Test;
import org.myelomacds.facts.Jurisdiction;
import org.myelomacds.render.JsonRenderer;
import org.myelomacds.scenario.Samples;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    /**
     * Working memory returns facts in no fixed order. Two drugs whose records stopped while their line went on each give
     * the exposure a reason (CDS-POLICY-LINEREFR-STOP-EVIDENT); joined in the order the session handed them back, the
     * text came out in either order from one evaluation to the next. Many evaluations in one JVM expose it.
     */
    @Test
    void twoEvidentStopsOfOneDrugReadInTheSameOrderEveryTime() {
        for (String name : new String[] {"s15a-03-dvd-dara-sc-contained-medication-hyaluronidase-pd",
                "s15a-13-vrd-asct-r-dkd-xvd-venetoclax-t1114-pd"}) {
            Path bundle = Samples.projectDir().resolve("qa-bundles").resolve(name + ".json");
            String first = JsonRenderer.render(Samples.evaluate(bundle, Jurisdiction.US, CompileMode.EXECUTABLE_MODEL));
            assertTrue(first.contains("bortezomib stopped on"), name + " holds the evident stops this test is about");
            for (int i = 0; i < 12; i++) {
                assertEquals(first, JsonRenderer.render(Samples.evaluate(bundle, Jurisdiction.US,
                        CompileMode.EXECUTABLE_MODEL)), name + ", evaluation " + (i + 2));
            }
        }
    }
}
