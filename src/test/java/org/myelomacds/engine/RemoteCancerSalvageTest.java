package org.myelomacds.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.myelomacds.assessment.Assessment;
import org.myelomacds.scenario.Samples;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Sweep R, W4 (CDS-POLICY-CHEMO-OTHER-CANCER): a cancer treated long before the myeloma, recorded now as in remission or
 * inactive with no abatement date and with no therapy of it recorded since, does not hedge a weekly cyclophosphamide-
 * dexamethasone salvage: 3 lines, daratumumab monotherapy on label. Near misses (Sweep Q, U3 and U4): a lymphoma
 * diagnosed two weeks before R-CHOP, in remission now or dated only by its recordedDate, keeps the range 2 to 3.
 */
class RemoteCancerSalvageTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Assessment evaluate(String name) throws Exception {
        return Samples.evaluate((ObjectNode) JSON.readTree(Path.of("qa-bundles", name + ".json").toFile()));
    }

    @Test
    void aRemoteTreatedCancerDoesNotHedgeTheSalvage() throws Exception {
        for (String name : new String[]{"s19w-06-cd-salvage-breast-cancer-2009-in-remission-no-abatement-date",
                "s19w-07-cd-salvage-childhood-leukaemia-1968-inactive-no-abatement-date"}) {
            Assessment a = evaluate(name);
            assertEquals(3, a.findings().priorTherapy().priorLines(), name);
            assertNull(a.findings().priorTherapy().linesMin(), name);
            assertTrue(a.recommendations().stream().anyMatch(r -> r.regimen().equals("DARA_MONO")), name);
        }
    }

    @Test
    void nearMissALymphomaDiagnosedJustBeforeItsRchopKeepsTheRange() throws Exception {
        for (String name : new String[]{"s19u-09-rchop-no-reason-dlbcl-now-in-remission-no-abatement-date",
                "s19u-10-rchop-no-reason-dlbcl-recorded-date-only-after-cycle-2"}) {
            Assessment a = evaluate(name);
            assertEquals(Integer.valueOf(2), a.findings().priorTherapy().linesMin(), name);
            assertEquals(Integer.valueOf(3), a.findings().priorTherapy().linesMax(), name);
        }
    }
}
