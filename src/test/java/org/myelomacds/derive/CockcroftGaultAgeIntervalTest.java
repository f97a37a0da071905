package org.myelomacds.derive;

import org.junit.jupiter.api.Test;
import org.myelomacds.facts.Measurement;
import org.myelomacds.facts.PatientDemographics;
import org.myelomacds.facts.Provenance;
import org.myelomacds.facts.Sex;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.myelomacds.derive.Fixtures.d;
import static org.myelomacds.derive.Fixtures.measurement;
import static org.myelomacds.facts.MeasurementKind.BODY_WEIGHT;
import static org.myelomacds.facts.MeasurementKind.SERUM_CREATININE;

/** Session s12 partial3: a creatinine dated by month whose interval holds a birthday gives the clearance at both ages. */
class CockcroftGaultAgeIntervalTest {
    private static CockcroftGault.Estimate estimate(String birthDate) {
        PatientDemographics p = new PatientDemographics("p1", Sex.FEMALE, d(birthDate), 68,
                new Provenance("Patient/p1", null));
        List<Measurement> labs = List.of(
                measurement(SERUM_CREATININE, 1.0, "2026-10-01", "creat-month").withEffectiveLatest(d("2026-10-31")),
                measurement(BODY_WEIGHT, 70, "2026-10-20", "weight-1"));
        return CockcroftGault.estimateWithAlternatives(p, labs, d("2026-11-01")).orElseThrow();
    }

    @Test
    void aCreatinineMonthHoldingTheBirthdayGivesTheOlderAgeAsAnAlternative() {
        CockcroftGault.Estimate e = estimate("1958-10-14");
        assertEquals(60.3, e.estimate().getValue(), 1e-9);        // 67 on 1 October
        assertEquals(List.of(59.5), e.alternatives().stream().map(Measurement::getValue).toList()); // 68 from 14 October
    }

    @Test
    void nearMissNoBirthdayInsideTheMonthGivesNoAlternative() {
        CockcroftGault.Estimate e = estimate("1958-12-14");
        assertEquals(60.3, e.estimate().getValue(), 1e-9);
        assertTrue(e.alternatives().isEmpty());
    }
}
