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

    /**
     * Sweep U, B3 (CDS-POLICY-OTHER-CANCER-FOLLOW-UP): a breast cancer diagnosed a year before the myeloma, recorded now
     * in remission with no abatement date, whose AC (no reason) was given after the myeloma diagnosis: the AC's purpose
     * is undecided, 2 to 3 lines, and daratumumab monotherapy is no longer on label by an invented third line. Near
     * miss: the same cancer recorded active keeps the range (s20b-14); a 2009 cancer untreated since does not hedge
     * (s20b-10: 3 lines, no range).
     */
    @Test
    void aCancerDiagnosedAYearBeforeTheMyelomaHedgesItsChemotherapyGivenAfterTheMyelomaDiagnosis() throws Exception {
        for (String name : new String[]{"s20b-07-breast-cancer-dx-year-before-myeloma-in-remission-ac-after-myeloma-dx-no-reason",
                "s20b-14-breast-cancer-dx-year-before-myeloma-active-ac-after-myeloma-dx-no-reason"}) {
            Assessment a = evaluate(name);
            assertEquals(Integer.valueOf(2), a.findings().priorTherapy().linesMin(), name);
            assertEquals(Integer.valueOf(3), a.findings().priorTherapy().linesMax(), name);
            assertTrue(a.recommendations().stream().noneMatch(r -> r.regimen().equals("DARA_MONO")), name);
        }
        Assessment remote = evaluate("s20b-10-breast-cancer-2009-remission-untreated-since-cd-after-kd-pd");
        assertEquals(3, remote.findings().priorTherapy().priorLines());
        assertNull(remote.findings().priorTherapy().linesMin());
    }
}
