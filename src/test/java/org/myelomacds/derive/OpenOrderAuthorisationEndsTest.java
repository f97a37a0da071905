package org.myelomacds.derive;

import org.junit.jupiter.api.Test;
import org.myelomacds.facts.DiseaseStatus;
import org.myelomacds.facts.DiseaseTrend;
import org.myelomacds.facts.DosingPeriod;
import org.myelomacds.facts.Drug;
import org.myelomacds.facts.MedicationRecord;
import org.myelomacds.facts.MedicationSource;
import org.myelomacds.facts.Provenance;
import org.myelomacds.facts.Route;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;
import static org.myelomacds.derive.Fixtures.d;
import static org.myelomacds.facts.TestDrugs.*;

/**
 * Sweep V part 2, AB1 (qa-bundles/s21b-06, -06b, -06c): an order still active or on-hold whose only end is its dispense
 * authorisation is not read as stopped at that end (CDS-POLICY-OPEN-REQUEST): the end is only the earliest day the drug
 * can have stopped, and after it the end is unknown, bounded by the next line or asOf.
 */
class OpenOrderAuthorisationEndsTest {
    private static final LocalDate AS_OF = d("2026-11-01");

    /** Rd as in s21b-06: authored 2023-04-24, 28-day supply and 2 repeats, so authorised to 2023-07-16. */
    private static MedicationRecord rdOrder(String status) {
        return new MedicationRecord(LENALIDOMIDE, Route.ORAL, MedicationSource.REQUEST, status, false, d("2023-04-24"),
                d("2023-07-16"), null, false, new Provenance("MedicationRequest/rd-len", d("2023-04-24")))
                .withEndFromAuthorisation();
    }

    private static MedicationRecord record(String ref, Drug drug, MedicationSource source, String status, String start,
                                           String end) {
        return new MedicationRecord(drug, Route.ORAL, source, status, false, d(start), end == null ? null : d(end), null,
                false, new Provenance(ref, d(start)));
    }

    private static DiseaseStatus progression(String date) {
        return new DiseaseStatus(DiseaseTrend.PROGRESSION, d(date), new Provenance("Observation/pd", d(date)));
    }

    private static DosingPeriod lenalidomideCourse(List<MedicationRecord> records) {
        TherapyTimeline t = LineOfTherapyDeriver.timeline(records, List.of(), List.of(progression("2026-06-01")), AS_OF);
        return t.courses().stream().filter(c -> c.getDrug().equals(LENALIDOMIDE)).findFirst().orElseThrow();
    }

    @Test
    void anActiveOrderPastItsAuthorisationHasAnUnknownEndFromThatDayToAsOf() {
        List<MedicationRecord> marked = OpenOrderAuthorisationEnds.mark(List.of(rdOrder("active")), AS_OF);
        assertTrue(marked.get(0).isAuthorisationEndOpen());
        DosingPeriod course = lenalidomideCourse(marked);
        assertTrue(course.isEndUnknown(), "the order is still open: the authorisation's end is no stop");
        assertEquals(d("2023-07-16"), course.getEndEarliest());
        assertEquals(AS_OF, course.getEndLatest());
        var unknown = TherapyRecords.unknownEnds(marked, List.of(course), AS_OF);
        assertEquals(1, unknown.size());
        assertTrue(unknown.get(0).pastAuthorisation());
        assertFalse(unknown.get(0).openRequest(), "not the old open-order gap: the order states an authorisation");
        // on-hold is read the same way
        assertTrue(OpenOrderAuthorisationEnds.mark(List.of(rdOrder("on-hold")), AS_OF).get(0).isAuthorisationEndOpen());
    }

    @Test
    void nearMissACompletedOrStoppedOrderKeepsItsEnd() {
        List<MedicationRecord> completed = List.of(rdOrder("completed"));
        assertSame(completed, OpenOrderAuthorisationEnds.mark(completed, AS_OF));
        DosingPeriod course = lenalidomideCourse(completed);
        assertFalse(course.isEndUnknown());
        assertEquals(d("2023-07-16"), course.getEnd());
        assertFalse(OpenOrderAuthorisationEnds.mark(List.of(rdOrder("stopped")), AS_OF).get(0).isAuthorisationEndOpen());
    }

    @Test
    void nearMissLaterRecordsOfTheDrugSettleTheEnd() {
        MedicationRecord order = rdOrder("active");
        // a later order of the drug
        assertFalse(OpenOrderAuthorisationEnds.mark(List.of(order, record("MedicationRequest/rd-len-2", LENALIDOMIDE,
                MedicationSource.REQUEST, "completed", "2023-07-17", "2023-10-08")), AS_OF).get(0).isAuthorisationEndOpen());
        // a statement saying it was taken to 2024-01-31 and stopped
        assertFalse(OpenOrderAuthorisationEnds.mark(List.of(order, record("MedicationStatement/len", LENALIDOMIDE,
                MedicationSource.STATEMENT, "stopped", "2023-04-24", "2024-01-31")), AS_OF).get(0).isAuthorisationEndOpen());
        // an administration after it
        assertFalse(OpenOrderAuthorisationEnds.mark(List.of(order, record("MedicationAdministration/len", LENALIDOMIDE,
                MedicationSource.ADMINISTRATION, "completed", "2023-08-01", null)), AS_OF).get(0).isAuthorisationEndOpen());
        // another drug later does not settle lenalidomide's end
        assertTrue(OpenOrderAuthorisationEnds.mark(List.of(order, record("MedicationRequest/btz", BORTEZOMIB,
                MedicationSource.REQUEST, "completed", "2023-08-01", "2023-08-29")), AS_OF).get(0).isAuthorisationEndOpen());
    }

    @Test
    void nearMissAnAuthorisationReachingAsOfOrADoseDurationIsNotMarked() {
        MedicationRecord running = new MedicationRecord(LENALIDOMIDE, Route.ORAL, MedicationSource.REQUEST, "active", false,
                d("2026-09-01"), d("2026-11-23"), null, false, new Provenance("MedicationRequest/rd-len", d("2026-09-01")))
                .withEndFromAuthorisation();
        assertFalse(OpenOrderAuthorisationEnds.mark(List.of(running), AS_OF).get(0).isAuthorisationEndOpen());
        // an end from a dosing period (not the authorisation) is the period given
        MedicationRecord bounded = record("MedicationRequest/rd-len", LENALIDOMIDE, MedicationSource.REQUEST, "active",
                "2023-04-24", "2023-07-16");
        assertFalse(OpenOrderAuthorisationEnds.mark(List.of(bounded), AS_OF).get(0).isAuthorisationEndOpen());
    }

    /**
     * Sweep W AC1 (qa-bundles/s21f-03): the active order authorised to 2023-07-16, a completed renewal 2024-01-08 to
     * 2024-04-07, then two dispenses in 2025 past the renewal's authorisation.
     */
    private static List<MedicationRecord> rdThenRenewalThenDispenses(String firstStatus) {
        return List.of(rdOrder(firstStatus),
                record("MedicationRequest/rd-len-2", LENALIDOMIDE, MedicationSource.REQUEST, "completed", "2024-01-08",
                        "2024-04-07").withEndFromAuthorisation(),
                record("MedicationDispense/rd-len-d1", LENALIDOMIDE, MedicationSource.DISPENSE, "completed", "2025-03-03",
                        "2025-03-30"),
                record("MedicationDispense/rd-len-d2", LENALIDOMIDE, MedicationSource.DISPENSE, "completed", "2025-03-31",
                        "2025-04-27"));
    }

    @Test
    void anOpenOrderFollowedByRecordsNoOrderClosesLeavesTheEndAfterTheLastRecordUnknown() {
        List<MedicationRecord> marked = OpenOrderAuthorisationEnds.mark(rdThenRenewalThenDispenses("active"), AS_OF);
        assertFalse(marked.get(0).isAuthorisationEndOpen(), "later records follow the open order itself");
        assertFalse(marked.get(1).isAuthorisationEndOpen());
        assertFalse(marked.get(2).isAuthorisationEndOpen());
        MedicationRecord last = marked.get(3);
        assertTrue(last.isAuthorisationEndOpen(), "the later records show lenalidomide went on, not that it stopped");
        assertEquals(List.of(marked.get(0)), last.getEndKeptOpenBy());
        DosingPeriod course = lenalidomideCourse(marked);
        assertTrue(course.isEndUnknown());
        assertEquals(d("2025-04-27"), course.getEndEarliest());
        assertEquals(AS_OF, course.getEndLatest());
        var unknown = TherapyRecords.unknownEnds(marked, List.of(course), AS_OF);
        assertEquals(1, unknown.size());
        assertTrue(unknown.get(0).pastAuthorisation());
        assertSame(last, unknown.get(0).record());
    }

    @Test
    void nearMissEveryOrderCompletedKeepsTheLastRecordsEnd() {
        List<MedicationRecord> completed = rdThenRenewalThenDispenses("completed");
        assertSame(completed, OpenOrderAuthorisationEnds.mark(completed, AS_OF));
        DosingPeriod course = lenalidomideCourse(completed);
        assertFalse(course.isEndUnknown());
        assertEquals(d("2025-04-27"), course.getEnd());
    }

    @Test
    void nearMissAStaleOpenOrderSupersededByACompletedRenewalWithNothingAfterKeepsTheRenewalsEnd() {
        List<MedicationRecord> records = List.of(rdOrder("active"), record("MedicationRequest/rd-len-2", LENALIDOMIDE,
                MedicationSource.REQUEST, "completed", "2024-01-08", "2024-04-07").withEndFromAuthorisation());
        assertSame(records, OpenOrderAuthorisationEnds.mark(records, AS_OF));
        DosingPeriod course = lenalidomideCourse(records);
        assertFalse(course.isEndUnknown());
        assertEquals(d("2024-04-07"), course.getEnd());
        // a dispense past the renewal's end leaves it no longer closing: the end is unknown after that dispense
        List<MedicationRecord> withFill = new java.util.ArrayList<>(records);
        withFill.add(record("MedicationDispense/len", LENALIDOMIDE, MedicationSource.DISPENSE, "completed", "2024-05-01",
                "2024-05-28"));
        assertTrue(OpenOrderAuthorisationEnds.mark(withFill, AS_OF).get(2).isAuthorisationEndOpen());
    }
}
