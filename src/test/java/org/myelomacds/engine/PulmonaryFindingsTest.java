package org.myelomacds.engine;

import org.junit.jupiter.api.Test;
import org.myelomacds.assessment.Assessment;
import org.myelomacds.assessment.Findings;
import org.myelomacds.facts.Jurisdiction;
import org.myelomacds.scenario.Samples;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * qa-bundles/FINDINGS.md (2026-12-04 notes): the lung line of a resolved asthma or COPD gives the day it resolved, on
 * which CANDOR's "asthma within the past 2 years" (clinical-evidence.md §7) turns.
 */
class PulmonaryFindingsTest {
    private static String lung(Path bundle, String code) {
        Assessment a = Samples.evaluate(bundle, Jurisdiction.US, CompileMode.EXECUTABLE_MODEL);
        return a.findings().pulmonary().stream().filter(i -> i.code().equals(code)).map(Findings.Item::text)
                .findFirst().orElseThrow();
    }

    @Test
    void resolvedAsthmaAndCopdPrintTheirResolutionDate() {
        assertEquals("Severe persistent asthma (high-dose ICS/LABA, montelukast), severe persistent (recorded as resolved"
                        + " on 2023-06-01), since 2009-04-01",
                lung(Samples.projectDir().resolve("qa-bundles/asthma-severe-resolved-2023.json"), "ASTHMA"));
        assertEquals("COPD (recorded as resolved on 2024-06-01), since 2018-03-01",
                lung(Samples.samplesDir().resolve("rrmm-snomed-resolved-copd-nyha.json"), "COPD"));
        // near miss: active COPD has no status note
        String active = lung(Samples.samplesDir().resolve("rrmm-copd.json"), "COPD");
        assertTrue(!active.contains("recorded as"), active);
    }
}
