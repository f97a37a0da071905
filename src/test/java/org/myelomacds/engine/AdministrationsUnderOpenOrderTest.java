package org.myelomacds.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.myelomacds.assessment.Assessment;
import org.myelomacds.assessment.Recommendation;
import org.myelomacds.scenario.Samples;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 10 bullets 2-4 / qa-bundles/FINDINGS.md E2: three daratumumab administrations charted under a still-active
 * protocol order (weekly, then q3w, then q4w) and a progression 340 days after the last charted dose. While the order is
 * open the last charted dose is only the earliest day daratumumab can have stopped
 * (CDS-POLICY-ORDERS3-ADMINISTRATIONS-UNDER-OPEN-ORDER): refractoriness and the washout band are undecided, not "not
 * refractory, adequate washout". The near miss is the same chart with the order completed at the last dose.
 */
class AdministrationsUnderOpenOrderTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Assessment evaluate(String qaBundle) throws Exception {
        return Samples.evaluate((ObjectNode) JSON.readTree(Path.of("qa-bundles", qaBundle + ".json").toFile()));
    }

    private static Recommendation regimen(Assessment a, String id) {
        return a.recommendations().stream().filter(r -> r.regimen().equals(id)).findFirst().orElseThrow();
    }

    private static List<String> flagCodes(Recommendation r) {
        return r.flags().stream().map(f -> f.code()).toList();
    }

    private static List<String> endUnknownTexts(Assessment a) {
        return a.dataGaps().stream().filter(g -> g.code().equals("THERAPY_END_UNKNOWN")).map(g -> g.text()).toList();
    }

    @Test
    void administrationsUnderAStillActiveOrderLeaveTheLastDoseAndSoRefractorinessAndWashoutUndecided() throws Exception {
        Assessment a = evaluate("s13a-07-dvd-active-dara-order-sparse-admins-pd");
        List<String> gaps = endUnknownTexts(a);
        assertTrue(gaps.stream().anyMatch(t -> t.contains("MedicationRequest/dvd-dara")
                && t.contains("up to the last charted dose on 2025-08-04")
                && t.contains("CDS-POLICY-ORDERS3-ADMINISTRATIONS-UNDER-OPEN-ORDER")), gaps.toString());
        Recommendation dvd = regimen(a, "DARA_VD");
        assertTrue(flagCodes(dvd).contains("ANTI_CD38_REFRACTORY_UNKNOWN"), flagCodes(dvd).toString());
        assertTrue(flagCodes(dvd).contains("ANTI_CD38_WASHOUT_UNDECIDED"), flagCodes(dvd).toString());
        assertEquals(50, dvd.score());
    }

    @Test
    void nearMissTheSameDosesUnderACompletedOrderEndAtTheLastChartedDose() throws Exception {
        Assessment a = evaluate("s13a-07b-dvd-completed-dara-order-sparse-admins-pd");
        assertFalse(endUnknownTexts(a).stream().anyMatch(t -> t.contains("dvd-dara")), endUnknownTexts(a).toString());
        Recommendation dvd = regimen(a, "DARA_VD");
        assertFalse(flagCodes(dvd).contains("ANTI_CD38_REFRACTORY_UNKNOWN"), flagCodes(dvd).toString());
        // On label (+50); not credited with the CASTOR population (+30): CASTOR's exclusion of prior anti-CD38 therapy
        // is unverified (clinical-evidence.md §4.6 [M]), so after daratumumab that population is undecided (DARA-VD-TRIAL-06).
        assertEquals("UNKNOWN", Samples.criterion(a, "DARA_VD", "prior-anti-cd38").outcome());
        assertEquals(50, dvd.score());
    }
}
