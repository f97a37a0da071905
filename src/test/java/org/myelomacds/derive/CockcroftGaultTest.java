package org.myelomacds.derive;

import org.junit.jupiter.api.Test;
import org.myelomacds.facts.Measurement;
import org.myelomacds.facts.MeasurementKind;
import org.myelomacds.facts.PatientDemographics;
import org.myelomacds.facts.Provenance;
import org.myelomacds.facts.Sex;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.*;
import static org.myelomacds.derive.Fixtures.d;
import static org.myelomacds.derive.Fixtures.measurement;
import static org.myelomacds.facts.MeasurementKind.BODY_WEIGHT;
import static org.myelomacds.facts.MeasurementKind.SERUM_CREATININE;

class CockcroftGaultTest {
    static final LocalDate AS_OF = d("2026-10-15");
    static final Provenance PATIENT_REF = new Provenance("Patient/p1", null);

    static PatientDemographics patient(Sex sex, Integer age) {
        return new PatientDemographics("p1", sex, null, age, PATIENT_REF);
    }

    static List<Measurement> standardLabs() {
        return List.of(measurement(SERUM_CREATININE, 1.2, "2026-10-01", "creat-1"),
                measurement(BODY_WEIGHT, 80, "2026-09-20", "weight-1"));
    }

    @Test
    void male60y80kgCreatinine1_2Gives74_1() {
        Measurement m = CockcroftGault.estimate(patient(Sex.MALE, 60), standardLabs(), AS_OF).orElseThrow();
        // (140-60) x 80 / (72 x 1.2) = 6400 / 86.4 = 74.07
        assertEquals(74.1, m.getValue(), 1e-9);
        assertEquals(MeasurementKind.CREATININE_CLEARANCE, m.getKind());
        assertEquals("mL/min", m.getUnit());
        assertEquals("Cockcroft-Gault (computed)", m.getMethod());
        assertTrue(m.isDerived());
        assertNull(m.getTextValue());
        assertEquals(d("2026-10-01"), m.getEffective());
        assertEquals(List.of("Observation/creat-1", "Observation/weight-1", "Patient/p1"),
                m.getProvenance().stream().map(Provenance::getReference).toList());
    }

    @Test
    void femaleSameInputsGives63_0() {
        Measurement m = CockcroftGault.estimate(patient(Sex.FEMALE, 60), standardLabs(), AS_OF).orElseThrow();
        // 74.074 x 0.85 = 62.96
        assertEquals(63.0, m.getValue(), 1e-9);
    }

    @Test
    void elderlyFemaleWithRenalImpairment() {
        List<Measurement> labs = List.of(measurement(SERUM_CREATININE, 2.0, "2026-10-01", "c"),
                measurement(BODY_WEIGHT, 70, "2026-10-01", "w"));
        // (140-75) x 70 / (72 x 2.0) = 4550 / 144 = 31.597; x 0.85 = 26.86
        assertEquals(26.9, CockcroftGault.estimate(patient(Sex.FEMALE, 75), labs, AS_OF).orElseThrow().getValue(), 1e-9);
    }

    @Test
    void missingWeightGivesNothing() {
        List<Measurement> labs = List.of(measurement(SERUM_CREATININE, 1.2, "2026-10-01", "creat-1"));
        assertEquals(Optional.empty(), CockcroftGault.estimate(patient(Sex.MALE, 60), labs, AS_OF));
    }

    @Test
    void missingOrNonBinarySexGivesNothing() {
        assertTrue(CockcroftGault.estimate(patient(Sex.UNKNOWN, 60), standardLabs(), AS_OF).isEmpty());
        assertTrue(CockcroftGault.estimate(patient(Sex.OTHER, 60), standardLabs(), AS_OF).isEmpty());
        assertTrue(CockcroftGault.estimate(patient(null, 60), standardLabs(), AS_OF).isEmpty());
    }

    @Test
    void missingAgeOrCreatinineGivesNothing() {
        assertTrue(CockcroftGault.estimate(patient(Sex.MALE, null), standardLabs(), AS_OF).isEmpty());
        List<Measurement> weightOnly = List.of(measurement(BODY_WEIGHT, 80, "2026-09-20", "w"));
        assertTrue(CockcroftGault.estimate(patient(Sex.MALE, 60), weightOnly, AS_OF).isEmpty());
        List<Measurement> undatedCreatinine = List.of(measurement(SERUM_CREATININE, 1.2, null, "c"),
                measurement(BODY_WEIGHT, 80, "2026-09-20", "w"));
        assertTrue(CockcroftGault.estimate(patient(Sex.MALE, 60), undatedCreatinine, AS_OF).isEmpty());
    }

    @Test
    void usesLatestCreatinineNotAfterAsOf() {
        List<Measurement> labs = List.of(
                measurement(SERUM_CREATININE, 2.4, "2026-03-01", "creat-old"),
                measurement(SERUM_CREATININE, 1.2, "2026-10-01", "creat-new"),
                measurement(SERUM_CREATININE, 0.6, "2026-11-01", "creat-future"),
                measurement(BODY_WEIGHT, 80, "2026-02-01", "weight-1"));
        Measurement m = CockcroftGault.estimate(patient(Sex.MALE, 60), labs, AS_OF).orElseThrow();
        assertEquals(74.1, m.getValue(), 1e-9);
        assertEquals(d("2026-10-01"), m.getEffective());
        assertEquals("Observation/creat-new", m.getProvenance().get(0).getReference());
    }

    @Test
    void prefersWeightOnOrBeforeCreatinineDate() {
        List<Measurement> labs = List.of(
                measurement(SERUM_CREATININE, 1.2, "2026-10-01", "creat-1"),
                measurement(BODY_WEIGHT, 90, "2026-06-01", "weight-june"),
                measurement(BODY_WEIGHT, 80, "2026-10-01", "weight-same-day"),
                measurement(BODY_WEIGHT, 60, "2026-10-10", "weight-after"));
        Measurement m = CockcroftGault.estimate(patient(Sex.MALE, 60), labs, AS_OF).orElseThrow();
        assertEquals(74.1, m.getValue(), 1e-9);
        assertEquals("Observation/weight-same-day", m.getProvenance().get(1).getReference());
    }

    @Test
    void fallsBackToLatestWeightAfterCreatinineWhenNoneBefore() {
        List<Measurement> labs = List.of(
                measurement(SERUM_CREATININE, 1.2, "2026-10-01", "creat-1"),
                measurement(BODY_WEIGHT, 70, "2026-10-05", "weight-a"),
                measurement(BODY_WEIGHT, 72, "2026-10-12", "weight-b"),
                measurement(BODY_WEIGHT, 99, "2026-12-01", "weight-future"));
        Measurement m = CockcroftGault.estimate(patient(Sex.MALE, 60), labs, AS_OF).orElseThrow();
        // 80 x 72 / 86.4 = 66.67
        assertEquals(66.7, m.getValue(), 1e-9);
        assertEquals("Observation/weight-b", m.getProvenance().get(1).getReference());
    }

    @Test
    void ageIsTakenAtTheCreatinineDateWhenBirthDateKnown() {
        // born 1963-06-15: 59 on 2023-06-14 (creatinine date), 63 at asOf
        PatientDemographics p = new PatientDemographics("p1", Sex.MALE, d("1963-06-15"), 63, PATIENT_REF);
        List<Measurement> labs = List.of(measurement(SERUM_CREATININE, 1.2, "2023-06-14", "c"),
                measurement(BODY_WEIGHT, 80, "2023-06-01", "w"));
        // (140-59) x 80 / 86.4 = 6480 / 86.4 = 75.0
        assertEquals(75.0, CockcroftGault.estimate(p, labs, AS_OF).orElseThrow().getValue(), 1e-9);
    }

    @Test
    void ignoresNonPositiveValuesAndOtherKinds() {
        List<Measurement> labs = List.of(measurement(SERUM_CREATININE, 0.0, "2026-10-05", "c-zero"),
                measurement(SERUM_CREATININE, 1.2, "2026-10-01", "c"),
                measurement(MeasurementKind.EGFR, 55, "2026-10-06", "egfr"),
                measurement(BODY_WEIGHT, 80, "2026-09-01", "w"));
        Measurement m = CockcroftGault.estimate(patient(Sex.MALE, 60), labs, AS_OF).orElseThrow();
        assertEquals(74.1, m.getValue(), 1e-9);
        assertEquals(d("2026-10-01"), m.getEffective());
    }

    // ---- issue 10 item 3: a partial date is an interval, so the choice of the inputs may be open ------------------

    /** A result dated only by a month ("2026-10"): first day with its last day. */
    static Measurement monthly(MeasurementKind kind, double value, String month, String id) {
        LocalDate first = d(month + "-01");
        return measurement(kind, value, month + "-01", id).withEffectiveLatest(first.withDayOfMonth(first.lengthOfMonth()));
    }

    static List<String> refs(Measurement m) { return m.getProvenance().stream().map(Provenance::getReference).toList(); }

    @Test
    void aWeightDatedOnlyByMonthThatMayBeTheLatestBeforeTheCreatinineGivesAnAlternative() {
        List<Measurement> labs = List.of(measurement(SERUM_CREATININE, 1.6, "2026-10-28", "creat"),
                monthly(BODY_WEIGHT, 55, "2026-10", "weight-month"), measurement(BODY_WEIGHT, 90, "2026-10-20", "weight-day"));
        CockcroftGault.Estimate e = CockcroftGault.estimateWithAlternatives(patient(Sex.FEMALE, 68), labs, d("2026-11-01")).orElseThrow();
        // by first days 90 kg (2026-10-20) is the latest: 0.85 x 72 x 90 / (72 x 1.6) = 47.8
        assertEquals(47.8, e.estimate().getValue(), 1e-9);
        assertEquals(1, e.alternatives().size());
        // "2026-10" may be 21-28 October: 55 kg, 29.2
        assertEquals(29.2, e.alternatives().get(0).getValue(), 1e-9);
        assertEquals(List.of("Observation/creat", "Observation/weight-month", "Patient/p1"), refs(e.alternatives().get(0)));
    }

    @Test
    void nearMissTheSameWeightsOnExactDaysOrWithTheSameValueGiveNoAlternative() {
        List<Measurement> exact = List.of(measurement(SERUM_CREATININE, 1.6, "2026-10-28", "creat"),
                measurement(BODY_WEIGHT, 55, "2026-10-05", "weight-early"), measurement(BODY_WEIGHT, 90, "2026-10-20", "weight-day"));
        assertEquals(List.of(), CockcroftGault.estimateWithAlternatives(patient(Sex.FEMALE, 68), exact, d("2026-11-01")).orElseThrow().alternatives());
        List<Measurement> same = List.of(measurement(SERUM_CREATININE, 1.6, "2026-10-28", "creat"),
                monthly(BODY_WEIGHT, 90, "2026-10", "weight-month"), measurement(BODY_WEIGHT, 90, "2026-10-20", "weight-day"));
        assertEquals(List.of(), CockcroftGault.estimateWithAlternatives(patient(Sex.FEMALE, 68), same, d("2026-11-01")).orElseThrow().alternatives());
    }

    @Test
    void nearMissAMonthlyWeightCertainlyAfterTheCreatinineAndTheExactOneGiveNoAlternative() {
        // creatinine 2026-09-30; weights "2026-10" (certainly after it) and 2026-09-20: the rule takes 2026-09-20 in every reading
        List<Measurement> labs = List.of(measurement(SERUM_CREATININE, 1.6, "2026-09-30", "creat"),
                monthly(BODY_WEIGHT, 55, "2026-10", "weight-month"), measurement(BODY_WEIGHT, 90, "2026-09-20", "weight-day"));
        assertEquals(List.of(), CockcroftGault.estimateWithAlternatives(patient(Sex.FEMALE, 68), labs, d("2026-11-01")).orElseThrow().alternatives());
    }

    @Test
    void aCreatinineDatedOnlyByMonthLeavesOpenWhichExactWeightPrecedesIt() {
        List<Measurement> labs = List.of(monthly(SERUM_CREATININE, 1.6, "2026-10", "creat-month"),
                measurement(BODY_WEIGHT, 90, "2026-09-20", "weight-early"), measurement(BODY_WEIGHT, 55, "2026-10-10", "weight-oct"));
        CockcroftGault.Estimate e = CockcroftGault.estimateWithAlternatives(patient(Sex.FEMALE, 68), labs, d("2026-11-01")).orElseThrow();
        assertEquals(47.8, e.estimate().getValue(), 1e-9);
        assertEquals("2026-10", e.estimate().getDateText(), "the estimate keeps the creatinine's precision");
        assertEquals(List.of(29.2), e.alternatives().stream().map(Measurement::getValue).toList());
    }

    @Test
    void aCreatinineDatedOnlyByYearMayBeTheLatestCreatinine() {
        LocalDate jan1 = d("2026-01-01");
        List<Measurement> labs = List.of(measurement(SERUM_CREATININE, 3.4, "2026-01-01", "creat-year").withEffectiveLatest(d("2026-12-31")),
                measurement(SERUM_CREATININE, 1.2, "2026-10-20", "creat-day"), measurement(BODY_WEIGHT, 70, "2026-10-20", "weight"));
        CockcroftGault.Estimate e = CockcroftGault.estimateWithAlternatives(patient(Sex.FEMALE, 68), labs, d("2026-11-01")).orElseThrow();
        assertEquals(49.6, e.estimate().getValue(), 1e-9);
        assertEquals(1, e.alternatives().size());
        assertEquals(17.5, e.alternatives().get(0).getValue(), 1e-9);
        assertEquals(jan1, e.alternatives().get(0).getEffective());
        assertEquals("2026", e.alternatives().get(0).getDateText());
    }

    @Test
    void nearMissAnEarlierExactCreatinineWithAnotherValueIsNoRival() {
        List<Measurement> labs = List.of(measurement(SERUM_CREATININE, 3.4, "2026-01-15", "creat-old"),
                measurement(SERUM_CREATININE, 1.2, "2026-10-20", "creat-day"), measurement(BODY_WEIGHT, 70, "2026-10-20", "weight"));
        assertEquals(List.of(), CockcroftGault.estimateWithAlternatives(patient(Sex.FEMALE, 68), labs, d("2026-11-01")).orElseThrow().alternatives());
    }

    @Test
    void mayBeChosenOverCoversTheFallbackWhenEveryWeightIsAfterTheCreatinine() {
        Measurement creat = measurement(SERUM_CREATININE, 1.6, "2026-09-10", "c");
        Measurement w0 = measurement(BODY_WEIGHT, 80, "2026-10-05", "w0");
        // both after the creatinine: the latest is taken; "2026-10" may be after 5 October
        assertTrue(CockcroftGault.mayBeChosenOver(monthly(BODY_WEIGHT, 60, "2026-10", "w"), w0, creat));
        // near miss: "2026-09" after the creatinine is always before 5 October ... but may be on or before 10 September
        assertTrue(CockcroftGault.mayBeChosenOver(monthly(BODY_WEIGHT, 60, "2026-09", "w"), w0, creat));
        // near miss: an exact weight on 2026-10-01 is earlier than w0 and after the creatinine: never chosen
        assertFalse(CockcroftGault.mayBeChosenOver(measurement(BODY_WEIGHT, 60, "2026-10-01", "w"), w0, creat));
    }
}
