package org.myelomacds.derive;

import org.myelomacds.facts.TestDrugs;
import org.junit.jupiter.api.Test;
import org.myelomacds.facts.Drug;
import org.myelomacds.facts.DrugExposure;
import org.myelomacds.facts.MedicationRecord;
import org.myelomacds.facts.Provenance;
import org.myelomacds.facts.Route;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;
import static org.myelomacds.derive.Fixtures.d;
import static org.myelomacds.derive.Fixtures.record;

class ExposureAggregatorTest {
    static final LocalDate AS_OF = d("2026-10-15");

    static DrugExposure only(ExposureSummary s, Drug drug) {
        return s.exposures().stream().filter(e -> e.getDrug() == drug).findFirst().orElseThrow();
    }

    static List<String> refs(DrugExposure e) {
        return e.getProvenance().stream().map(Provenance::getReference).toList();
    }

    /** A completed statement whose end is recorded only by month or year: its end is the interval [earliest, latest]. */
    static MedicationRecord partialEnd(String ref, Drug drug, Route route, String start, String endEarliest, String endLatest) {
        return new MedicationRecord(drug, route, org.myelomacds.facts.MedicationSource.STATEMENT, "completed", false,
                d(start), d(endLatest), d(start), d(endEarliest), null, false, new Provenance(ref, d(start)));
    }

    @Test
    void firstAndLastDoseOverSeveralCompletedRecords() {
        ExposureSummary s = ExposureAggregator.aggregate(List.of(
                record("len-2", TestDrugs.LENALIDOMIDE, Route.ORAL, "completed", false, "2025-08-01", "2025-12-31", false),
                record("len-1", TestDrugs.LENALIDOMIDE, Route.ORAL, "completed", false, "2025-01-05", "2025-06-30", false)), AS_OF);
        assertEquals(1, s.exposures().size());
        DrugExposure e = s.exposures().get(0);
        assertEquals(TestDrugs.LENALIDOMIDE, e.getDrug());
        assertEquals(d("2025-01-05"), e.getFirstDose());
        assertEquals(d("2025-12-31"), e.getLastDose());
        assertFalse(e.isOngoing());
        assertFalse(e.isIntolerant());
        assertEquals(List.of(Route.ORAL), e.getRoutes());
        assertEquals(List.of("MedicationAdministration/len-1", "MedicationAdministration/len-2"), refs(e));
        assertTrue(s.undated().isEmpty());
    }

    @Test
    void singleAdministrationWithoutEndLastsOneDay() {
        DrugExposure e = only(ExposureAggregator.aggregate(List.of(
                record("dara-1", TestDrugs.DARATUMUMAB, Route.SUBCUTANEOUS, "completed", false, "2026-05-04", null, false),
                record("dara-2", TestDrugs.DARATUMUMAB, Route.SUBCUTANEOUS, "completed", false, "2026-05-11", null, false)),
                AS_OF), TestDrugs.DARATUMUMAB);
        assertEquals(d("2026-05-04"), e.getFirstDose());
        assertEquals(d("2026-05-11"), e.getLastDose());
        assertFalse(e.isOngoing());
    }

    @Test
    void activeWithoutEndIsOngoingWithLastDoseAsOf() {
        for (String status : List.of("active", "in-progress", "on-hold")) {
            DrugExposure e = only(ExposureAggregator.aggregate(List.of(
                    record("pom", TestDrugs.POMALIDOMIDE, Route.ORAL, status, false, "2026-07-01", null, false)), AS_OF),
                    TestDrugs.POMALIDOMIDE);
            assertTrue(e.isOngoing(), status);
            assertEquals(d("2026-07-01"), e.getFirstDose());
            assertEquals(AS_OF, e.getLastDose(), status);
        }
    }

    /** An end recorded as "2026" read on 2026-10-15: it may be past or to come, so the drug is not known to be ongoing. */
    @Test
    void aPartialEndThatMayFallBeforeAsOfIsNotOngoing() {
        MedicationRecord yearOnlyEnd = partialEnd("MedicationStatement/ixa", TestDrugs.IXAZOMIB, Route.ORAL, "2024-08-26", "2026-01-01", "2026-12-31");
        DrugExposure e = only(ExposureAggregator.aggregate(List.of(yearOnlyEnd), AS_OF), TestDrugs.IXAZOMIB);
        assertFalse(e.isOngoing(), "an end somewhere in 2026 may be before 2026-10-15");
        assertEquals(AS_OF, e.getLastDose(), "the last dose may still be as late as asOf");
        // near miss: the same end in 2027 is certainly after asOf
        MedicationRecord nextYear = partialEnd("MedicationStatement/ixa", TestDrugs.IXAZOMIB, Route.ORAL, "2024-08-26", "2027-01-01", "2027-12-31");
        assertTrue(only(ExposureAggregator.aggregate(List.of(nextYear), AS_OF), TestDrugs.IXAZOMIB).isOngoing());
    }

    @Test
    void endAfterAsOfIsClippedAndOngoing() {
        DrugExposure e = only(ExposureAggregator.aggregate(List.of(
                record("isa-old", TestDrugs.ISATUXIMAB, Route.INTRAVENOUS, "completed", false, "2026-01-05", "2026-03-01", false),
                record("isa-now", TestDrugs.ISATUXIMAB, Route.INTRAVENOUS, "completed", false, "2026-09-01", "2027-02-28", false)),
                AS_OF), TestDrugs.ISATUXIMAB);
        assertTrue(e.isOngoing());
        assertEquals(d("2026-01-05"), e.getFirstDose());
        assertEquals(AS_OF, e.getLastDose());
    }

    @Test
    void activeStatusWithPastEndIsNotOngoing() {
        DrugExposure e = only(ExposureAggregator.aggregate(List.of(
                record("bor", TestDrugs.BORTEZOMIB, Route.SUBCUTANEOUS, "active", false, "2026-01-05", "2026-04-30", false)),
                AS_OF), TestDrugs.BORTEZOMIB);
        assertFalse(e.isOngoing());
        assertEquals(d("2026-04-30"), e.getLastDose());
    }

    @Test
    void intoleranceRoutesAndProvenanceAreMerged() {
        DrugExposure e = only(ExposureAggregator.aggregate(List.of(
                record("dara-sc", TestDrugs.DARATUMUMAB, Route.SUBCUTANEOUS, "stopped", false, "2025-03-01", "2025-06-01", true),
                record("dara-iv", TestDrugs.DARATUMUMAB, Route.INTRAVENOUS, "completed", false, "2025-01-01", "2025-02-20", false),
                record("dara-iv", TestDrugs.DARATUMUMAB, Route.INTRAVENOUS, "completed", false, "2025-01-01", "2025-02-20", false)),
                AS_OF), TestDrugs.DARATUMUMAB);
        assertTrue(e.isIntolerant());
        assertEquals(List.of(Route.INTRAVENOUS, Route.SUBCUTANEOUS), e.getRoutes());
        assertEquals(List.of("MedicationAdministration/dara-iv", "MedicationAdministration/dara-sc"), refs(e));
        assertEquals(d("2025-01-01"), e.getFirstDose());
        assertEquals(d("2025-06-01"), e.getLastDose());
    }

    @Test
    void plannedNotGivenAndFutureRecordsMakeNoExposure() {
        ExposureSummary s = ExposureAggregator.aggregate(List.of(
                record("plan", TestDrugs.CARFILZOMIB, Route.INTRAVENOUS, "draft", true, "2026-09-01", null, false),
                record("nt", TestDrugs.SELINEXOR, Route.ORAL, "not-taken", false, "2026-08-01", "2026-08-30", false),
                record("eie", TestDrugs.IXAZOMIB, Route.ORAL, "entered-in-error", false, "2026-08-01", "2026-08-30", false),
                record("future", TestDrugs.ELOTUZUMAB, Route.INTRAVENOUS, "active", false, "2026-11-01", null, false)), AS_OF);
        assertEquals(List.of(), s.exposures());
        assertEquals(List.of(), s.undated());
    }

    @Test
    void undatedRecordsAreReturnedAsAGapAndOnlyLendIntoleranceToADatedExposure() {
        MedicationRecord undatedLen = record("len-x", TestDrugs.LENALIDOMIDE, Route.ORAL, "stopped", false, null, null, true);
        MedicationRecord undatedThal = record("thal-x", TestDrugs.THALIDOMIDE, Route.ORAL, "completed", false, null, null, false);
        MedicationRecord plannedUndated = record("plan-x", TestDrugs.POMALIDOMIDE, Route.ORAL, "draft", true, null, null, false);
        ExposureSummary s = ExposureAggregator.aggregate(List.of(undatedLen, undatedThal, plannedUndated,
                record("len-1", TestDrugs.LENALIDOMIDE, Route.ORAL, "completed", false, "2024-02-01", "2024-09-30", false)), AS_OF);
        assertEquals(List.of(undatedLen, undatedThal), s.undated());
        assertTrue(s.hasUndated());
        // lenalidomide has a dated record: one dated exposure; thalidomide has only an undated one: an undated exposure;
        // the planned pomalidomide makes none
        assertEquals(java.util.Set.of(TestDrugs.LENALIDOMIDE, TestDrugs.THALIDOMIDE),
                s.exposures().stream().map(DrugExposure::getDrug).collect(java.util.stream.Collectors.toSet()));
        DrugExposure len = only(s, TestDrugs.LENALIDOMIDE);
        assertTrue(len.isDated());
        assertFalse(only(s, TestDrugs.THALIDOMIDE).isDated());
        assertTrue(len.isIntolerant());
        assertEquals(d("2024-02-01"), len.getFirstDose());
        assertEquals(d("2024-09-30"), len.getLastDose());
        assertEquals(List.of("MedicationAdministration/len-1", "MedicationAdministration/len-x"), refs(len));
        assertEquals(List.of(undatedLen, undatedThal), ExposureAggregator.undated(List.of(undatedLen, undatedThal, plannedUndated)));
    }

    @Test
    void aDrugRecordedOnlyWithoutDatesIsAnUndatedExposure() {
        // S1: a completed statement of pomalidomide with no effective[x]: the drug was given, only when is unknown
        MedicationRecord pom = record("pom-x", TestDrugs.POMALIDOMIDE, Route.ORAL, "completed", false, null, null, false);
        ExposureSummary s = ExposureAggregator.aggregate(List.of(pom), AS_OF);
        assertEquals(List.of(pom), s.undated());
        DrugExposure e = only(s, TestDrugs.POMALIDOMIDE);
        assertFalse(e.isDated());
        assertNull(e.getFirstDose());
        assertNull(e.getLastDose());
        assertFalse(e.isOngoing());
        assertFalse(e.isIntolerant());
        assertEquals(List.of("MedicationAdministration/pom-x"), refs(e));
        assertEquals("at an unknown time (MedicationAdministration/pom-x has no date)", e.getFromTo());
        assertEquals("date unknown: MedicationAdministration/pom-x has no date", e.getPeriod());
        // no day is made up: a rule that reads one without matching `dated` first fails loudly
        assertThrows(IllegalStateException.class, e::getLastDoseDay);
        assertThrows(IllegalStateException.class, e::getFirstDoseDay);
        assertThrows(IllegalStateException.class, e::getLastDoseEarliestDay);
        assertThrows(IllegalStateException.class, e::isLastDoseImprecise);

        // near miss: the same record dated gives the dated exposure it always did
        DrugExposure dated = only(ExposureAggregator.aggregate(List.of(
                record("pom-d", TestDrugs.POMALIDOMIDE, Route.ORAL, "completed", false, "2024-08-26", "2025-09-15", false)),
                AS_OF), TestDrugs.POMALIDOMIDE);
        assertTrue(dated.isDated());
        assertEquals(d("2024-08-26"), dated.getFirstDose());
        assertEquals(d("2025-09-15"), dated.getLastDose());
        assertEquals("2024-08-26 to 2025-09-15", dated.getPeriod());
        assertEquals("from 2024-08-26 to 2025-09-15", dated.getFromTo());
    }

    @Test
    void anUndatedExposureIsNeverOngoingAndKeepsItsOwnIntolerance() {
        // an active statement without a date does not make therapy current: nothing places it at asOf
        DrugExposure active = only(ExposureAggregator.aggregate(List.of(
                record("dara-x", TestDrugs.DARATUMUMAB, Route.SUBCUTANEOUS, "active", false, null, null, false)), AS_OF),
                TestDrugs.DARATUMUMAB);
        assertFalse(active.isDated());
        assertFalse(active.isOngoing());
        // stopped for its own toxicity: intolerant although undated
        DrugExposure stopped = only(ExposureAggregator.aggregate(List.of(
                record("car-x", TestDrugs.CARFILZOMIB, Route.INTRAVENOUS, "stopped", false, null, null, true)), AS_OF),
                TestDrugs.CARFILZOMIB);
        assertFalse(stopped.isDated());
        assertTrue(stopped.isIntolerant());
        // near miss: a planned (draft) undated record is no exposure at all
        assertEquals(List.of(), ExposureAggregator.aggregate(List.of(
                record("plan-x", TestDrugs.POMALIDOMIDE, Route.ORAL, "draft", true, null, null, false)), AS_OF).exposures());
    }

    @Test
    void exposuresAreInDrugEnumOrder() {
        ExposureSummary s = ExposureAggregator.aggregate(List.of(
                record("dex", TestDrugs.DEXAMETHASONE, Route.ORAL, "completed", false, "2026-02-01", "2026-06-01", false),
                record("pom", TestDrugs.POMALIDOMIDE, Route.ORAL, "completed", false, "2026-02-01", "2026-06-01", false),
                record("isa", TestDrugs.ISATUXIMAB, Route.INTRAVENOUS, "completed", false, "2026-02-01", "2026-06-01", false)), AS_OF);
        assertEquals(List.of(TestDrugs.ISATUXIMAB, TestDrugs.POMALIDOMIDE, TestDrugs.DEXAMETHASONE),
                s.exposures().stream().map(DrugExposure::getDrug).toList());
    }

    private static MedicationRecord request(String id, String status, String authoredOn) {
        return new MedicationRecord(TestDrugs.LENALIDOMIDE, Route.ORAL, org.myelomacds.facts.MedicationSource.REQUEST, status,
                false, d(authoredOn), null, null, false, new Provenance("MedicationRequest/" + id, d(authoredOn)));
    }

    @Test
    void anActiveRequestWithoutAnEndIsOngoingOnlyWithinThePolicyWindow() {
        // CDS-POLICY-OPEN-REQUEST: 90 days
        DrugExposure old = only(ExposureAggregator.aggregate(List.of(request("old", "active", "2024-03-01")), AS_OF), TestDrugs.LENALIDOMIDE);
        assertFalse(old.isOngoing());
        assertEquals(d("2024-03-01"), old.getLastDose());
        assertEquals(1, TherapyRecords.staleOpenRequests(List.of(request("old", "active", "2024-03-01")), AS_OF).size());

        // near miss: written 90 days before asOf, it is still ongoing
        DrugExposure recent = only(ExposureAggregator.aggregate(List.of(request("new", "active", "2026-07-17")), AS_OF), TestDrugs.LENALIDOMIDE);
        assertTrue(recent.isOngoing());
        assertEquals(AS_OF, recent.getLastDose());
        assertEquals(0, TherapyRecords.staleOpenRequests(List.of(request("new", "active", "2026-07-17")), AS_OF).size());
        // a stopped request is never ongoing, old or not
        assertFalse(only(ExposureAggregator.aggregate(List.of(request("s", "stopped", "2026-09-01")), AS_OF), TestDrugs.LENALIDOMIDE).isOngoing());
    }

    @Test
    void anOldOpenRequestFollowedByDispensesOfItsDrugNoLongerLeavesTheEndUnknown() {
        MedicationRecord dispense = new MedicationRecord(TestDrugs.LENALIDOMIDE, Route.ORAL,
                org.myelomacds.facts.MedicationSource.DISPENSE, "completed", false, d("2026-05-01"), d("2026-05-21"), null,
                false, new Provenance("MedicationDispense/md", d("2026-05-01")));
        assertEquals(0, TherapyRecords.staleOpenRequests(List.of(request("old", "active", "2024-03-01"), dispense), AS_OF).size());
        // near miss: a later order of the same drug is no evidence that it was given
        assertEquals(2, TherapyRecords.staleOpenRequests(List.of(request("old", "active", "2024-03-01"),
                request("later", "active", "2025-03-01")), AS_OF).size());
    }

    @Test
    void aMonthOnlyEndMakesTheLastDoseAnInterval() {
        MedicationRecord period = partialEnd("MedicationStatement/p", TestDrugs.DARATUMUMAB, Route.UNKNOWN, "2025-01-06", "2026-07-01", "2026-07-31");
        DrugExposure e = only(ExposureAggregator.aggregate(List.of(period), AS_OF), TestDrugs.DARATUMUMAB);
        assertEquals(d("2026-07-31"), e.getLastDose());
        assertEquals(d("2026-07-01"), e.getLastDoseEarliest());
        assertTrue(e.isLastDoseImprecise());
        // near miss: a precise administration after the month settles the last dose
        MedicationRecord after = record("a", TestDrugs.DARATUMUMAB, Route.UNKNOWN, "completed", false, "2026-08-05", null, false);
        DrugExposure settled = only(ExposureAggregator.aggregate(List.of(period, after), AS_OF), TestDrugs.DARATUMUMAB);
        assertEquals(d("2026-08-05"), settled.getLastDose());
        assertFalse(settled.isLastDoseImprecise());
    }

    @Test
    void aOneDayRecordWithAMonthOnlyDateEndsOnTheLastDayOfItsMonth() {
        MedicationRecord month = new MedicationRecord(TestDrugs.DARATUMUMAB, Route.UNKNOWN,
                org.myelomacds.facts.MedicationSource.ADMINISTRATION, "completed", false, d("2026-07-01"), null,
                d("2026-07-31"), null, null, false, new Provenance("MedicationAdministration/m", d("2026-07-01")));
        DrugExposure e = only(ExposureAggregator.aggregate(List.of(month), AS_OF), TestDrugs.DARATUMUMAB);
        assertEquals(d("2026-07-01"), e.getFirstDose());
        assertEquals(d("2026-07-31"), e.getLastDose());
        // near miss: the same administration with its day recorded ends that day
        MedicationRecord day = new MedicationRecord(TestDrugs.DARATUMUMAB, Route.UNKNOWN,
                org.myelomacds.facts.MedicationSource.ADMINISTRATION, "completed", false, d("2026-07-01"), null, null,
                false, new Provenance("MedicationAdministration/d", d("2026-07-01")));
        assertEquals(d("2026-07-01"), only(ExposureAggregator.aggregate(List.of(day), AS_OF), TestDrugs.DARATUMUMAB).getLastDose());
    }
}
