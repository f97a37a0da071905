package org.myelomacds.derive;

import org.junit.jupiter.api.Test;
import org.myelomacds.facts.DiseaseStatus;
import org.myelomacds.facts.DosingPeriod;
import org.myelomacds.facts.Drug;
import org.myelomacds.facts.DrugExposure;
import org.myelomacds.facts.MedicationRecord;
import org.myelomacds.facts.MedicationSource;
import org.myelomacds.facts.PriorLine;
import org.myelomacds.facts.Provenance;
import org.myelomacds.facts.Route;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;
import static org.myelomacds.derive.Fixtures.d;
import static org.myelomacds.derive.Fixtures.given;
import static org.myelomacds.derive.LineOfTherapyDeriverTest.progression;
import static org.myelomacds.facts.TestDrugs.*;

/**
 * CDS-POLICY-DATE-ASSERTED: a statement with only dateAsserted (qa-bundles/stmt-date-asserted-only.json: line 3 IRd
 * active, asserted 2024-08-26, after KRd ended 2024-08-12 and a progression on 2024-08-05).
 */
class AssertedDatesTest {
    static final LocalDate AS_OF = d("2026-11-01");

    static MedicationRecord asserted(String id, Drug drug, String status, String day) {
        return new MedicationRecord(drug, Route.UNKNOWN, MedicationSource.STATEMENT, status, false, null, null, null,
                false, new Provenance("MedicationStatement/" + id, null)).withDateAsserted(d(day), d(day));
    }

    /** Lines 1 (VRd) and 2 (KRd, ended 2024-08-12), progressions on 2022-09-20 and 2024-08-05 (and later ones given). */
    static List<MedicationRecord> dated() {
        return List.of(given("v1", BORTEZOMIB, "2019-03-04", "2019-05-27", null),
                given("r1", LENALIDOMIDE, "2019-03-04", "2022-09-27", null),
                given("k2", CARFILZOMIB, "2022-10-10", "2024-08-12", null),
                given("r2", LENALIDOMIDE, "2022-10-10", "2024-08-12", null));
    }

    static List<DiseaseStatus> progressions(String... more) {
        List<DiseaseStatus> out = new ArrayList<>(List.of(progression("pd1", "2022-09-20"), progression("pd2", "2024-08-05")));
        for (int i = 0; i < more.length; i++) out.add(progression("pd" + (3 + i), more[i]));
        return out;
    }

    static List<MedicationRecord> placed(List<MedicationRecord> records, List<DiseaseStatus> statuses) {
        List<PriorLine> lines = LineOfTherapyDeriver.derive(records, List.of(), statuses, AS_OF);
        return AssertedDates.place(records, lines, statuses, AS_OF);
    }

    static List<MedicationRecord> with(MedicationRecord... extra) {
        List<MedicationRecord> out = new ArrayList<>(dated());
        out.addAll(List.of(extra));
        return out;
    }

    @Test
    void anActiveStatementAssertedAfterTheLastLineAndAProgressionIsPlacedAsTheNextLineWithItsStartBounded() {
        List<DiseaseStatus> pd = progressions("2026-09-12");
        List<MedicationRecord> records = placed(with(asserted("ixa", IXAZOMIB, "active", "2024-08-26"),
                asserted("len", LENALIDOMIDE, "active", "2024-08-26")), pd);
        MedicationRecord ixa = records.get(4);
        assertTrue(ixa.isPlacedByAssertion());
        assertEquals(d("2024-08-13"), ixa.getStart(), "the day after line 2 ended (later than the progression)");
        assertEquals(d("2024-08-26"), ixa.getStartLatest(), "on or before the asserted day");
        assertNull(ixa.getEnd());
        // taken on the asserted day; whether it still is, is unknown: not ongoing, end unknown from that day
        assertFalse(TherapyRecords.isOngoing(ixa, AS_OF));
        assertTrue(TherapyRecords.hasUnknownEnd(ixa, AS_OF));
        assertEquals(d("2024-08-26"), TherapyRecords.lastDay(ixa, AS_OF));
        assertEquals(d("2024-08-26"), TherapyRecords.earliestLastDay(ixa, AS_OF));

        TherapyTimeline t = LineOfTherapyDeriver.timeline(records, List.of(), pd, AS_OF);
        assertEquals(3, t.lines().size());
        PriorLine l3 = t.lines().get(2);
        assertEquals(List.of(LENALIDOMIDE, IXAZOMIB), l3.getDrugs());
        assertEquals("between 2024-08-13 and 2024-08-26", l3.getStartText());
        assertTrue(l3.isEndUnknown());
        assertEquals(AS_OF, l3.getEndLatest());
        assertTrue(l3.getReason().contains("taken on 2024-08-26 (asserted; start unknown): placed after line 2 ended"
                + " (2024-08-12) and after the progression on 2024-08-05 (Observation/pd2)"), l3.getReason());
        assertTrue(l3.getReason().contains("CDS-POLICY-DATE-ASSERTED"));
        // the ixazomib course ends on the asserted record, its end unknown up to asOf
        DosingPeriod course = t.courses().stream().filter(c -> c.getDrug().equals(IXAZOMIB)).findFirst().orElseThrow();
        assertTrue(course.isEndUnknown());
        assertEquals(AS_OF, course.getEndLatest());
        assertEquals(d("2024-08-26"), course.getEndEarliest(), "taken on the asserted day: the course ran at least to it");
        assertEquals(1, TherapyRecords.unknownEnds(records, t.courses(), AS_OF).stream()
                .filter(u -> u.record() == ixa && !u.openRequest()).count());
    }

    @Test
    void theStartIsBoundedByAProgressionAfterTheLastLineEnded() {
        List<MedicationRecord> records = placed(with(asserted("ixa", IXAZOMIB, "active", "2024-08-26")),
                List.of(progression("pd1", "2022-09-20"), progression("pd2", "2024-08-20")));
        assertEquals(d("2024-08-21"), records.get(4).getStart());
    }

    @Test
    void nearMissACompletedStatementSaysOnlyThatItsLastDoseWasByThatDayAndIsNotPlaced() {
        List<MedicationRecord> records = placed(with(asserted("ixa", IXAZOMIB, "completed", "2024-08-26")),
                progressions("2026-09-12"));
        MedicationRecord ixa = records.get(4);
        assertNull(ixa.getStart());
        assertFalse(ixa.isPlacedByAssertion());
        assertEquals("last taken on or before 2024-08-26 (asserted; start unknown)", ixa.getAssertedText());
        assertTrue(ixa.getAssertedNote().contains("completed statement says only that the drug was taken by that day"));
        assertEquals(2, LineOfTherapyDeriver.derive(records, List.of(), progressions("2026-09-12"), AS_OF).size());
        TherapyTimeline.Unplaced u = LineOfTherapyDeriver.unplaced(records, List.of(), List.of()).get(0);
        assertTrue(u.why().startsWith("no effective date, last taken on or before 2024-08-26 (asserted; start unknown)"),
                u.why());
        assertTrue(u.why().contains("refractoriness and washout are unknown"), u.why());
    }

    @Test
    void nearMissAnActiveStatementAssertedBeforeTheLastLineEndedIsNotPlaced() {
        MedicationRecord ixa = placed(with(asserted("ixa", IXAZOMIB, "active", "2024-08-12")), progressions()).get(4);
        assertNull(ixa.getStart());
        assertTrue(ixa.getAssertedNote().startsWith("asserted on or before line 2 ended (2024-08-12)"), ixa.getAssertedNote());
    }

    @Test
    void nearMissAnActiveStatementWithNoProgressionBetweenTheLastLineAndItsDayIsNotPlaced() {
        // the progression of line 2 documented only after the asserted day: continuation or new line is undecided
        List<DiseaseStatus> pd = List.of(progression("pd1", "2022-09-20"), progression("pd2", "2024-09-02"));
        MedicationRecord ixa = placed(with(asserted("ixa", IXAZOMIB, "active", "2024-08-26")), pd).get(4);
        assertNull(ixa.getStart());
        assertTrue(ixa.getAssertedNote().startsWith("no progression is documented after line 2 started"), ixa.getAssertedNote());
    }

    @Test
    void nearMissAnActiveStatementWithNoDatedLineBeforeItIsNotPlaced() {
        List<MedicationRecord> only = List.of(asserted("ixa", IXAZOMIB, "active", "2024-08-26"));
        MedicationRecord ixa = AssertedDates.place(only, List.of(), progressions(), AS_OF).get(0);
        assertNull(ixa.getStart());
        assertTrue(ixa.getAssertedNote().startsWith("no dated line of therapy precedes it"));
    }

    @Test
    void nearMissAMonthOnlyDateAssertedIsNotPlaced() {
        MedicationRecord month = new MedicationRecord(IXAZOMIB, Route.UNKNOWN, MedicationSource.STATEMENT, "active", false,
                null, null, null, false, new Provenance("MedicationStatement/ixa", null))
                .withDateAsserted(d("2024-09-01"), d("2024-09-30"));
        MedicationRecord ixa = placed(with(month), progressions()).get(4);
        assertNull(ixa.getStart());
        assertEquals("taken on 2024-09 (asserted; start unknown)", ixa.getAssertedText());
    }

    @Test
    void anUndatedExposureSaysWhatItsDateAssertedBoundsAndADatedOneIsUnchanged() {
        List<MedicationRecord> records = placed(with(asserted("ixa", IXAZOMIB, "completed", "2024-08-26")), progressions());
        DrugExposure ixa = ExposureAggregator.aggregate(records, AS_OF).exposures().stream()
                .filter(e -> e.getDrug().equals(IXAZOMIB)).findFirst().orElseThrow();
        assertFalse(ixa.isDated());
        assertEquals("at an unknown time (MedicationStatement/ixa has no effective date: last taken on or before"
                + " 2024-08-26 (asserted; start unknown))", ixa.getFromTo());
        DrugExposure krd = ExposureAggregator.aggregate(records, AS_OF).exposures().stream()
                .filter(e -> e.getDrug().equals(CARFILZOMIB)).findFirst().orElseThrow();
        assertEquals("from 2022-10-10 to 2024-08-12", krd.getFromTo());
    }

    @Test
    void aPlacedExposurePrintsItsFirstDoseAsTheIntervalNotItsFirstDay() {
        List<MedicationRecord> records = placed(with(asserted("ixa", IXAZOMIB, "active", "2024-08-26")),
                progressions("2026-09-12"));
        DrugExposure ixa = ExposureAggregator.aggregate(records, AS_OF).exposures().stream()
                .filter(e -> e.getDrug().equals(IXAZOMIB)).findFirst().orElseThrow();
        assertTrue(ixa.isDated());
        assertFalse(ixa.isOngoing());
        assertEquals(d("2024-08-26"), ixa.getLastDoseEarliest());
        assertTrue(ixa.getFromTo().startsWith("from an unknown day from 2024-08-13 to 2024-08-26 (taken on 2024-08-26"
                + " (asserted; start unknown)) to "), ixa.getFromTo());
    }

    @Test
    void nearMissAnIntendedStatementIsAPlanNotAnExposureWhateverItsDateAsserted() {
        MedicationRecord intended = new MedicationRecord(IXAZOMIB, Route.UNKNOWN, MedicationSource.STATEMENT, "intended",
                true, null, null, null, false, new Provenance("MedicationStatement/ixa", null))
                .withDateAsserted(d("2024-08-26"), d("2024-08-26"));
        List<MedicationRecord> records = placed(with(intended), progressions("2026-09-12"));
        assertSame(intended, records.get(4));
        assertFalse(AssertedDates.any(List.of(intended)));
        assertTrue(ExposureAggregator.aggregate(records, AS_OF).exposures().stream()
                .noneMatch(e -> e.getDrug().equals(IXAZOMIB)));
    }
}
