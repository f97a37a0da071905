package org.myelomacds.scenario;

import org.junit.jupiter.api.Test;
import org.myelomacds.assessment.Assessment;
import org.myelomacds.assessment.FactRef;
import org.myelomacds.assessment.Findings;
import org.myelomacds.assessment.Flag;
import org.myelomacds.engine.CompileMode;
import org.myelomacds.facts.Jurisdiction;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the expected results of the encoding samples cannot pin (they keep flag codes, not the rule or the record a
 * flag rests on): each sample's code or value is read the way its story says, not merely some flag of the same code.
 */
class EncodingSamplesTest {

    private static Assessment us(String sample) {
        return Samples.evaluate(Samples.samplesDir().resolve(sample + ".json"), Jurisdiction.US, CompileMode.EXECUTABLE_MODEL);
    }

    private static Flag flag(Assessment a, String code, String regimen) {
        return a.flags().stream().filter(f -> f.code().equals(code) && f.regimens().contains(regimen)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + code + " on " + regimen));
    }

    private static List<String> references(Flag f) {
        return f.facts().stream().map(FactRef::reference).toList();
    }

    private static Set<String> gapCodes(Assessment a) {
        return Set.copyOf(a.dataGaps().stream().map(g -> g.code()).toList());
    }

    @Test
    void chronicHepatitisBCodedInSnomedOnlyIsTheRecordedInfectionNotAMissingScreen() {
        Flag hbv = flag(us("rrmm-chronic-hbv-snomed"), "HBV_SCREENING", "DARA_KD");
        assertTrue(hbv.text().startsWith("Chronic hepatitis B recorded"), hbv.text());
        assertEquals(List.of("Condition/hbv-1"), references(hbv));
        // The near miss: the same history without the Condition asks only for screening, through another rule.
        Flag screen = flag(us("rrmm-one-prior-line"), "HBV_SCREENING", "DARA_KD");
        assertNotEquals(hbv.rule(), screen.rule());
        assertFalse(screen.text().contains("Chronic hepatitis B recorded"), screen.text());
    }

    @Test
    void dialysisBilledAsCptAndIcd10PcsIsDialysisAndAnEgfrBoundIsNeverItsNumber() {
        Assessment a = us("rrmm-dialysis-procedure-codes");
        Findings.Renal egfr = a.findings().renal().stream().filter(Findings.Renal::current).findFirst().orElseThrow();
        assertEquals("<", egfr.comparator());
        assertEquals(15.0, egfr.value());
        assertEquals("KIDNEY_FAILURE", egfr.category());
        assertTrue(references(flag(a, "RENAL_BELOW_TRIAL_THRESHOLD", "DARA_KD"))
                .containsAll(List.of("Procedure/hd-cpt-1", "Procedure/hd-pcs-1")));
        assertTrue(flag(a, "RENAL_DOSE_ADJUSTMENT", "DARA_RD").text().contains("lenalidomide 5 mg once daily, given after dialysis"));
        assertTrue(flag(a, "RENAL_BELOW_TRIAL_THRESHOLD", "ISA_KD").text().startsWith("Renal function below the IKEMA population"));
        assertTrue(a.recommendations().stream().filter(r -> r.regimen().equals("ISA_KD"))
                .flatMap(r -> r.scoreComponents().stream()).noneMatch(c -> c.label().startsWith("Matches the IKEMA population")));
        assertFalse(gapCodes(a).contains("RENAL_FUNCTION_UNKNOWN"), gapCodes(a).toString());
        assertFalse(gapCodes(a).contains("RENAL_RESULT_IMPRECISE"), gapCodes(a).toString());
    }

    @Test
    void brandNamesInFreeTextGiveTheSameHistoryAsCodedRecords() {
        Assessment brands = us("rrmm-brand-names-only");
        Assessment coded = us("rrmm-one-prior-line");
        assertEquals(List.of("BORTEZOMIB exposed", "DEXAMETHASONE exposed", "LENALIDOMIDE refractory", "MELPHALAN exposed"),
                exposures(brands));
        assertEquals(exposures(coded), exposures(brands));
        assertEquals(1, brands.findings().priorTherapy().priorLines());
        assertEquals(ranking(coded), ranking(brands));
        assertFalse(gapCodes(brands).contains("THERAPY_UNCLASSIFIED"), gapCodes(brands).toString());
    }

    private static List<String> exposures(Assessment a) {
        return a.findings().exposures().stream()
                .map(e -> e.drug() + (e.refractory() ? " refractory" : " exposed")).sorted().toList();
    }

    private static List<String> ranking(Assessment a) {
        return a.recommendations().stream().map(r -> r.regimen() + " " + r.status() + " " + r.score()).toList();
    }
}
