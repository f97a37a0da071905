package org.myelomacds.derive;

import org.junit.jupiter.api.Test;
import org.myelomacds.facts.ClinicalCondition;
import org.myelomacds.facts.ConditionCertainty;
import org.myelomacds.facts.ConditionKind;
import org.myelomacds.facts.ConditionSeverity;
import org.myelomacds.facts.Drug;
import org.myelomacds.facts.MedicationRecord;
import org.myelomacds.facts.MedicationSource;
import org.myelomacds.facts.NoMyelomaUseMedication;
import org.myelomacds.facts.OtherTherapy.Decision;
import org.myelomacds.facts.Provenance;
import org.myelomacds.facts.Route;
import org.myelomacds.facts.TherapyReason;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.myelomacds.derive.Fixtures.d;
import static org.myelomacds.derive.Fixtures.given;
import static org.myelomacds.facts.TestDrugs.CYCLOPHOSPHAMIDE;

/**
 * Shared chemotherapy with no stated reason, started after the myeloma diagnosis while another cancer was on record:
 * its purpose stays undecided and the line count a range (CDS-POLICY-CHEMO-OTHER-CANCER), whatever drug with no use in
 * myeloma began beside it; only a reason stated on its own record makes it other therapy. Sweep T (Y1-Y3) found a
 * reading that took such a course away as the other cancer's regimen taking real myeloma salvage away, so there is none.
 */
class OtherCancerChemotherapyTest {
    private static final Drug NO_MYELOMA_USE = NoMyelomaUseMedication.DRUG;
    private static final LocalDate AS_OF = d("2026-11-01");
    private static final ClinicalCondition MYELOMA = cancer(ConditionKind.MULTIPLE_MYELOMA, "mm", "2019-01-20", "2019-01-20",
            true, null, null);

    private static ClinicalCondition cancer(ConditionKind kind, String id, String onset, String onsetLatest, boolean active,
                                            String status, String abatement) {
        return new ClinicalCondition(kind, ConditionSeverity.UNSPECIFIED, null, active, status, ConditionCertainty.CONFIRMED,
                "confirmed", d(onset), d(onsetLatest), abatement == null ? null : d(abatement),
                abatement == null ? null : d(abatement), "code", id.toUpperCase(), new Provenance("Condition/" + id, d(onset)));
    }

    private static ClinicalCondition otherCancer(String id, String onset) {
        return cancer(ConditionKind.OTHER_MALIGNANCY, id, onset, onset, true, "active", null);
    }

    /** A record whose start and end are known only to the month (a transferred-in list entry). */
    private static MedicationRecord monthOnly(String id, Drug drug, String month, String endMonth, String status) {
        LocalDate start = d(month + "-01");
        LocalDate end = endMonth == null ? null : d(endMonth + "-01").plusMonths(1).minusDays(1);
        return new MedicationRecord(drug, Route.UNKNOWN, MedicationSource.STATEMENT, status, false, start, end,
                start.plusMonths(1).minusDays(1), endMonth == null ? null : d(endMonth + "-01"), null, false,
                new Provenance("MedicationStatement/" + id, start));
    }

    private static MedicationRecord withReason(String id, Drug drug, String day, TherapyReason reason) {
        return new MedicationRecord(drug, Route.UNKNOWN, MedicationSource.ADMINISTRATION, "completed", false, d(day), d(day),
                d(day), d(day), null, false, new Provenance("MedicationAdministration/" + id, d(day)), List.of(reason));
    }

    private static List<Decision> decisions(TherapyPurpose.Split split) {
        return split.other().stream().map(o -> o.getDecision()).toList();
    }

    /**
     * Sweep T, Y1-Y3 (and Sweep Q U2, U6; Sweep R W1): a cyclophosphamide course begun with a drug with no use in myeloma,
     * on the same day or not, given or dispensed, with or without a reason on the partner, is never taken away as that
     * cancer's regimen: its purpose is undecided (a range), the partner itself other therapy.
     */
    @Test
    void aCourseBegunBesideADrugWithNoMyelomaUseKeepsItsPurposeUndecided() {
        List<ClinicalCondition> conditions = List.of(MYELOMA, otherCancer("bc", "2024-04-22"));
        TherapyReason itp = new TherapyReason(null, "Immune thrombocytopenia", null, false);
        MedicationRecord dispensed = new MedicationRecord(NO_MYELOMA_USE, Route.UNKNOWN, MedicationSource.DISPENSE, "completed",
                false, d("2024-06-17"), d("2024-07-16"), d("2024-06-17"), d("2024-07-16"), null, false,
                new Provenance("MedicationDispense/fu", d("2024-06-17")));
        for (List<MedicationRecord> partner : List.of(
                List.of(given("tz", NO_MYELOMA_USE, "2024-06-17", "2024-06-17", null)),
                List.of(monthOnly("ana", NO_MYELOMA_USE, "2024-06", null, "active")),
                List.of(withReason("rtx", NO_MYELOMA_USE, "2024-06-17", itp)),
                List.of(dispensed),
                List.of(given("tz1", NO_MYELOMA_USE, "2024-05-27", "2024-05-27", null),
                        given("tz2", NO_MYELOMA_USE, "2024-06-17", "2024-06-17", null)))) {
            List<MedicationRecord> records = new ArrayList<>(partner);
            records.add(given("cy", CYCLOPHOSPHAMIDE, "2024-06-17", "2024-06-18", null));
            var split = TherapyPurpose.split(records, conditions, AS_OF);
            assertEquals(1, split.myeloma().size(), split.other().toString());
            assertEquals(1, split.undecided().size(), split.other().toString());
            assertTrue(split.undecided().get(0).text().contains("CDS-POLICY-CHEMO-OTHER-CANCER"), split.undecided().get(0).text());
            assertTrue(split.other().stream().allMatch(o -> o.getRecord().getDrug().equals(NO_MYELOMA_USE)), split.other().toString());
        }

        // near miss: the cyclophosphamide's own record names the other cancer: other therapy by its stated reason
        TherapyReason forBreastCancer = new TherapyReason(ConditionKind.OTHER_MALIGNANCY, "Breast cancer", "Condition/bc", true);
        var stated = TherapyPurpose.split(List.of(given("tz", NO_MYELOMA_USE, "2024-06-17", "2024-06-17", null),
                withReason("cy", CYCLOPHOSPHAMIDE, "2024-06-17", forBreastCancer)), conditions, AS_OF);
        assertTrue(stated.myeloma().isEmpty(), stated.myeloma().toString());
        assertTrue(stated.undecided().isEmpty(), stated.undecided().toString());
        assertTrue(decisions(stated).contains(Decision.STATED_REASON), stated.other().toString());
    }

    /** U3: a lymphoma recorded now as in remission with no abatement date may have been under way: a range, no line. */
    @Test
    void aCancerInRemissionWithNoAbatementDateKeepsThePurposeUndecided() {
        ClinicalCondition remission = cancer(ConditionKind.OTHER_MALIGNANCY, "dlbcl", "2024-01-22", "2024-01-22", false,
                "remission", null);
        var split = TherapyPurpose.split(List.of(given("cy", CYCLOPHOSPHAMIDE, "2024-02-05", "2024-02-05", null)),
                List.of(MYELOMA, remission), AS_OF);
        assertEquals(1, split.undecided().size());
        assertTrue(split.undecided().get(0).text().contains("recorded now as remission with no abatement date"),
                split.undecided().get(0).text());

        // near miss: resolved with an abatement dated before the therapy: not on record, a myeloma line as before
        ClinicalCondition abated = cancer(ConditionKind.OTHER_MALIGNANCY, "dlbcl", "2014-01-22", "2014-01-22", false,
                "resolved", "2015-01-10");
        assertTrue(TherapyPurpose.split(List.of(given("cy", CYCLOPHOSPHAMIDE, "2024-02-05", "2024-02-05", null)),
                List.of(MYELOMA, abated), AS_OF).undecided().isEmpty());
        // near miss (Sweep O, s18o-02): its own therapy, stated for it, was over before: treated, not possibly under way
        TherapyReason forLymphoma = new TherapyReason(ConditionKind.OTHER_MALIGNANCY, "DLBCL", "Condition/dlbcl", true);
        var afterRchop = TherapyPurpose.split(List.of(withReason("rchop", CYCLOPHOSPHAMIDE, "2024-05-20", forLymphoma),
                given("cd", CYCLOPHOSPHAMIDE, "2024-06-12", "2024-08-12", null)), List.of(MYELOMA, remission), AS_OF);
        assertTrue(afterRchop.undecided().isEmpty(), afterRchop.undecided().toString());
        assertEquals(1, afterRchop.myeloma().size());
    }

    /** U4: a lymphoma dated only by its recordedDate, written while the course ran, may have been diagnosed before it. */
    @Test
    void aCancerDatedOnlyByItsRecordedDateMayPrecedeACourseRunningThen() {
        ClinicalCondition recordedOnly = new ClinicalCondition(ConditionKind.OTHER_MALIGNANCY, ConditionSeverity.UNSPECIFIED,
                null, true, "active", ConditionCertainty.CONFIRMED, "confirmed", d("2024-03-01"), d("2024-03-01"), null, null,
                d("2024-03-01"), d("2024-03-01"), "code", "DLBCL", new Provenance("Condition/dlbcl", d("2024-03-01")))
                .withOnsetNotStated();
        List<MedicationRecord> chop = new ArrayList<>();
        for (LocalDate day = d("2024-02-05"); day.isBefore(d("2024-05-21")); day = day.plusDays(21)) {
            chop.add(given("cy-" + day, CYCLOPHOSPHAMIDE, day.toString(), day.toString(), null));
        }
        var split = TherapyPurpose.split(chop, List.of(MYELOMA, recordedOnly), AS_OF);
        assertEquals(6, split.undecided().size(), "cycles 1-2 possibly, 3-6 surely beside the lymphoma");
        assertTrue(split.undecided().get(0).text().contains("with no onset date"), split.undecided().get(0).text());

        // near miss: the same day given as its onset: cycles 1-2 came before the diagnosis, myeloma therapy as before
        ClinicalCondition onsetStated = new ClinicalCondition(ConditionKind.OTHER_MALIGNANCY, ConditionSeverity.UNSPECIFIED,
                null, true, "active", ConditionCertainty.CONFIRMED, "confirmed", d("2024-03-01"), d("2024-03-01"), null, null,
                d("2024-03-01"), d("2024-03-01"), "code", "DLBCL", new Provenance("Condition/dlbcl", d("2024-03-01")));
        assertEquals(4, TherapyPurpose.split(chop, List.of(MYELOMA, onsetStated), AS_OF).undecided().size());
        // near miss: an entry written long after the course stopped (more than its 60-day break) says nothing of it
        ClinicalCondition writtenLater = new ClinicalCondition(ConditionKind.OTHER_MALIGNANCY, ConditionSeverity.UNSPECIFIED,
                null, true, "active", ConditionCertainty.CONFIRMED, "confirmed", d("2025-03-01"), d("2025-03-01"), null, null,
                d("2025-03-01"), d("2025-03-01"), "code", "DLBCL", new Provenance("Condition/dlbcl", d("2025-03-01")))
                .withOnsetNotStated();
        assertTrue(TherapyPurpose.split(chop, List.of(MYELOMA, writtenLater), AS_OF).undecided().isEmpty());
    }

    /**
     * Sweep R, W4: a cancer in remission (or inactive) with no abatement date, diagnosed before the myeloma and with no
     * therapy of it recorded since, does not make a later salvage possibly its therapy (a breast cancer of 2009 treated
     * then). Near misses: the same cancer diagnosed after the myeloma (U3's lymphoma), or with therapy of it recorded since
     * the myeloma diagnosis (a drug with no use in myeloma stating no other reason; a record stating it by reference),
     * keeps the range.
     */
    @Test
    void aRemoteCancerInRemissionUntreatedSinceTheMyelomaDoesNotHedgeASalvage() {
        ClinicalCondition breast2009 = cancer(ConditionKind.OTHER_MALIGNANCY, "bc", "2009-03-02", "2009-03-02", false,
                "remission", null);
        MedicationRecord cd = given("cy", CYCLOPHOSPHAMIDE, "2024-06-17", "2024-09-30", null);
        TherapyReason forBreast = new TherapyReason(ConditionKind.OTHER_MALIGNANCY, "Breast cancer", "Condition/bc", true);
        var remote = TherapyPurpose.split(List.of(cd), List.of(MYELOMA, breast2009), AS_OF);
        assertTrue(remote.undecided().isEmpty(), remote.undecided().toString());
        assertEquals(1, remote.myeloma().size());

        // near miss: diagnosed after the myeloma
        ClinicalCondition breast2020 = cancer(ConditionKind.OTHER_MALIGNANCY, "bc", "2020-03-02", "2020-03-02", false,
                "remission", null);
        assertEquals(1, TherapyPurpose.split(List.of(cd), List.of(MYELOMA, breast2020), AS_OF).undecided().size());
        // near miss: diagnosed in the year the myeloma was (an onset "2019" may fall after 2019-01-20)
        ClinicalCondition breast2019 = cancer(ConditionKind.OTHER_MALIGNANCY, "bc", "2019-01-01", "2019-12-31", false,
                "remission", null);
        assertEquals(1, TherapyPurpose.split(List.of(cd), List.of(MYELOMA, breast2019), AS_OF).undecided().size());
        // near miss: a drug with no use in myeloma, no reason, given since the myeloma diagnosis
        MedicationRecord since = given("tam", NO_MYELOMA_USE, "2021-01-11", "2021-01-11", null);
        assertEquals(1, TherapyPurpose.split(List.of(since, cd), List.of(MYELOMA, breast2009), AS_OF).undecided().size());
        // near miss: a record stating the cancer as its reason, given since the myeloma diagnosis and still running then
        MedicationRecord stated = new MedicationRecord(NO_MYELOMA_USE, Route.UNKNOWN, MedicationSource.STATEMENT, "completed",
                false, d("2021-01-11"), d("2026-01-11"), d("2021-01-11"), d("2026-01-11"), null, false,
                new Provenance("MedicationStatement/tam", d("2021-01-11")), List.of(forBreast));
        assertEquals(1, TherapyPurpose.split(List.of(stated, cd), List.of(MYELOMA, breast2009), AS_OF).undecided().size());
    }

    /**
     * Sweep U, B3 (CDS-POLICY-OTHER-CANCER-FOLLOW-UP): a cancer in remission with no abatement date, diagnosed a year
     * before the myeloma and with nothing else of it recorded since, still hedges shared chemotherapy with no reason begun
     * within 5 years of its diagnosis (AC a week after the myeloma diagnosis). Near misses: the same course begun more
     * than 5 years after that diagnosis, and a cancer of 2013 (onset by year) for a course of 2019-01-28, a few weeks
     * beyond 5 years of every day that onset can stand for.
     */
    @Test
    void aCancerInRemissionDiagnosedWithinFiveYearsBeforeACourseStillHedgesIt() {
        ClinicalCondition breast2018 = cancer(ConditionKind.OTHER_MALIGNANCY, "bc", "2018-01-15", "2018-01-15", false,
                "remission", null);
        MedicationRecord ac = given("cy", CYCLOPHOSPHAMIDE, "2019-01-28", "2019-04-01", null);
        var recent = TherapyPurpose.split(List.of(ac), List.of(MYELOMA, breast2018), AS_OF);
        assertEquals(1, recent.undecided().size());
        assertTrue(recent.undecided().toString().contains("CDS-POLICY-OTHER-CANCER-FOLLOW-UP"), recent.undecided().toString());

        // near miss: the same cancer, a course begun more than 5 years after its diagnosis
        MedicationRecord late = given("cy", CYCLOPHOSPHAMIDE, "2023-01-16", "2023-04-01", null);
        assertTrue(TherapyPurpose.split(List.of(late), List.of(MYELOMA, breast2018), AS_OF).undecided().isEmpty());
        // near miss: a cancer recorded by year 2013 (at the latest 2013-12-31) for AC begun 2019-01-28
        ClinicalCondition breast2013 = cancer(ConditionKind.OTHER_MALIGNANCY, "bc", "2013-01-01", "2013-12-31", false,
                "remission", null);
        assertTrue(TherapyPurpose.split(List.of(ac), List.of(MYELOMA, breast2013), AS_OF).undecided().isEmpty());
        // ...but a course begun within 5 years of the last day "2013" can stand for is still hedged
        MedicationRecord early = given("cy", CYCLOPHOSPHAMIDE, "2018-12-03", "2019-04-01", null);
        ClinicalCondition myelomaEarlier = cancer(ConditionKind.MULTIPLE_MYELOMA, "mm", "2018-11-20", "2018-11-20", true,
                null, null);
        assertEquals(1, TherapyPurpose.split(List.of(early), List.of(myelomaEarlier, breast2013), AS_OF).undecided().size());
    }
}
