package org.myelomacds.derive;

import org.junit.jupiter.api.Test;
import org.myelomacds.facts.DiseaseStatus;
import org.myelomacds.facts.DiseaseTrend;
import org.myelomacds.facts.Drug;
import org.myelomacds.facts.LineOpening;
import org.myelomacds.facts.MedicationRecord;
import org.myelomacds.facts.MedicationSource;
import org.myelomacds.facts.PriorLine;
import org.myelomacds.facts.Provenance;
import org.myelomacds.facts.Route;
import org.myelomacds.facts.TherapyGap;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;
import static org.myelomacds.derive.Fixtures.d;
import static org.myelomacds.derive.Fixtures.given;
import static org.myelomacds.facts.TestDrugs.*;

/**
 * T7 (sweep A): a line start known only to the year or month is an interval (issue 10 #3), not its first day; R10
 * (sweep B): an interval measured from a record with no recorded end is an upper bound, not a gap.
 */
class LinePartialStartTest {
    static final LocalDate AS_OF = d("2026-11-01");

    /** A completed statement whose start is known as a day from {@code start} to {@code startLatest}. */
    static MedicationRecord partial(String id, Drug drug, String start, String startLatest, String end) {
        return new MedicationRecord(drug, Route.UNKNOWN, MedicationSource.STATEMENT, "completed", false, d(start), d(end),
                d(startLatest), d(end), null, false, new Provenance("MedicationStatement/" + id, d(start)));
    }

    static MedicationRecord order(String id, Drug drug, String date) {
        return new MedicationRecord(drug, Route.UNKNOWN, MedicationSource.REQUEST, "completed", false, d(date), null,
                null, false, new Provenance("MedicationRequest/" + id, d(date)));
    }

    static DiseaseStatus progression(String id, String date) {
        return new DiseaseStatus(DiseaseTrend.PROGRESSION, d(date), new Provenance("Observation/" + id, d(date)));
    }

    /** KRd 2022-10-10..2024-08-12 (progression 2024-08-05), then the given line-3 records. */
    static List<MedicationRecord> krdThen(List<MedicationRecord> line3) {
        List<MedicationRecord> out = new ArrayList<>(List.of(
                given("krd-k", CARFILZOMIB, "2022-10-10", "2024-08-12", null),
                given("krd-r", LENALIDOMIDE, "2022-10-10", "2024-08-12", null),
                given("krd-d", DEXAMETHASONE, "2022-10-10", "2024-08-12", null)));
        out.addAll(line3);
        return out;
    }

    static List<MedicationRecord> ird(String start, String startLatest) {
        return List.of(partial("ird-i", IXAZOMIB, start, startLatest, "2026-09-15"),
                partial("ird-r", LENALIDOMIDE, start, startLatest, "2026-09-15"),
                partial("ird-d", DEXAMETHASONE, start, startLatest, "2026-09-15"));
    }

    static List<String> refs(PriorLine l) {
        return l.getProvenance().stream().map(Provenance::getReference).toList();
    }

    @Test
    void aYearOnlyStartDoesNotCutTheRunningLineAndLeavesTheOpeningUndecided() {
        List<PriorLine> lines = LineOfTherapyDeriver.derive(krdThen(ird("2024-01-01", "2024-12-31")), List.of(),
                List.of(progression("pd-2", "2024-08-05")), AS_OF);
        assertEquals(2, lines.size());
        PriorLine krd = lines.get(0);
        PriorLine irdLine = lines.get(1);
        assertEquals(d("2024-08-12"), krd.getEnd(), "the previous line keeps its recorded end");
        assertEquals("2022-10-10 to 2024-08-12", krd.getSpanText());
        assertEquals(List.of(LENALIDOMIDE, IXAZOMIB, DEXAMETHASONE), irdLine.getDrugs(), "carfilzomib is not a drug of line 2");
        assertFalse(refs(irdLine).stream().anyMatch(r -> r.contains("krd")), refs(irdLine).toString());
        assertEquals("2024", irdLine.getStartText());
        assertEquals(LineOpening.UNDECIDED, irdLine.getOpenedBy());
        assertTrue(irdLine.getReason().contains("unplanned addition of ixazomib while line 1 was running"), irdLine.getReason());
        assertTrue(irdLine.getReason().contains("if after, new therapy after progression on 2024-08-05"), irdLine.getReason());
        assertTrue(irdLine.getReason().contains("carfilzomib given in line 1 only)"), irdLine.getReason());
    }

    @Test
    void nearMissAFullStartDuringTheRunningLineIsAnUnplannedAdditionThatSplitsIt() {
        List<PriorLine> lines = LineOfTherapyDeriver.derive(krdThen(ird("2024-03-12", "2024-03-12")), List.of(),
                List.of(progression("pd-2", "2024-08-05")), AS_OF);
        assertEquals(2, lines.size());
        assertEquals(d("2024-03-11"), lines.get(0).getEnd());
        assertEquals(LineOpening.UNPLANNED_ADDITION, lines.get(1).getOpenedBy());
        assertTrue(lines.get(1).getDrugs().contains(CARFILZOMIB), "the modified regimen carries carfilzomib on");
    }

    @Test
    void aMonthOnlyStartWhileTheLineRanSplitsItWithTheCutAsAnInterval() {
        List<PriorLine> lines = LineOfTherapyDeriver.derive(krdThen(ird("2024-03-01", "2024-03-31")), List.of(),
                List.of(progression("pd-2", "2024-08-05")), AS_OF);
        assertEquals(2, lines.size());
        PriorLine krd = lines.get(0);
        assertEquals(d("2024-02-29"), krd.getEndEarliest());
        assertEquals(d("2024-03-30"), krd.getEnd());
        assertEquals("2022-10-10 to between 2024-02-29 and 2024-03-30", krd.getSpanText());
        PriorLine irdLine = lines.get(1);
        assertEquals("2024-03", irdLine.getStartText());
        assertEquals(LineOpening.UNPLANNED_ADDITION, irdLine.getOpenedBy());
        assertTrue(irdLine.getReason().startsWith("unplanned addition of ixazomib in 2024-03 while line 1"), irdLine.getReason());
    }

    @Test
    void withoutAProgressionBothReadingsOpenWithoutOneAndTheEarlierIsPrintedWithTheOtherNamed() {
        List<PriorLine> lines = LineOfTherapyDeriver.derive(krdThen(ird("2024-01-01", "2024-12-31")), List.of(),
                List.of(), AS_OF);
        assertEquals(2, lines.size());
        assertEquals(d("2024-08-12"), lines.get(0).getEnd());
        assertEquals(LineOpening.UNPLANNED_ADDITION, lines.get(1).getOpenedBy());
        assertTrue(lines.get(1).getReason().contains("if after, new regimen after all drugs of line 1 stopped on 2024-08-12"),
                lines.get(1).getReason());
    }

    @Test
    void aLineCountThatDependsOnAYearOnlyStartIsARange() {
        // Rd "2024": read before the progression it is lenalidomide continued while KRd ran (2 lines); after it, new
        // therapy after progression (3 lines, counting the induction line below).
        List<MedicationRecord> meds = new ArrayList<>(List.of(
                given("vrd-v", BORTEZOMIB, "2019-03-04", "2019-05-27", null),
                given("vrd-r", LENALIDOMIDE, "2019-03-04", "2022-09-27", null)));
        meds.addAll(krdThen(List.of(partial("rd-r", LENALIDOMIDE, "2024-01-01", "2024-12-31", "2026-09-15"),
                partial("rd-d", DEXAMETHASONE, "2024-01-01", "2024-12-31", "2026-09-15"))));
        List<DiseaseStatus> pd = List.of(progression("pd-1", "2022-09-20"), progression("pd-2", "2024-08-05"));
        TherapyTimeline t = LineOfTherapyDeriver.timeline(meds, List.of(), pd, AS_OF);
        assertNotNull(t.lineCountUncertain(), "the count rests on the unknown day");
        assertEquals(2, t.lineCountUncertain().getMin());
        assertEquals(3, t.lineCountUncertain().getMax());
        assertTrue(t.lineCountUncertain().getRecords().contains("MedicationStatement/rd-r (lenalidomide started in 2024)"),
                t.lineCountUncertain().getRecords().toString());
        // near miss: a start in the same year known to the day, after the progression: 3 lines, nothing undecided
        List<MedicationRecord> dated = new ArrayList<>(meds.subList(0, 5));
        dated.add(partial("rd-r", LENALIDOMIDE, "2024-09-02", "2024-09-02", "2026-09-15"));
        dated.add(partial("rd-d", DEXAMETHASONE, "2024-09-02", "2024-09-02", "2026-09-15"));
        TherapyTimeline t2 = LineOfTherapyDeriver.timeline(dated, List.of(), pd, AS_OF);
        assertNull(t2.lineCountUncertain());
        assertEquals(3, t2.lines().size());
    }

    @Test
    void anIntervalMeasuredFromAnOrderWithNoRecordedEndIsAnUpperBoundNotAGap() {
        // R10: ixazomib and lenalidomide ordered 2024-08-26 (completed, no end), ordered again 2025-06-02
        List<MedicationRecord> meds = List.of(order("i1", IXAZOMIB, "2024-08-26"), order("r1", LENALIDOMIDE, "2024-08-26"),
                order("i2", IXAZOMIB, "2025-06-02"), order("r2", LENALIDOMIDE, "2025-06-02"));
        List<PriorLine> lines = LineOfTherapyDeriver.derive(meds, List.of(), List.of(), AS_OF);
        assertEquals(1, lines.size());
        TherapyGap gap = lines.get(0).getGaps().get(0);
        assertTrue(gap.isEndUnknown());
        assertFalse(gap.describe().contains("gap of"), gap.describe());
        assertFalse(gap.describe().contains("last dose on"), gap.describe());
        assertTrue(gap.describe().contains("an interval of at most 280 days"), gap.describe());
        // near miss: statements that say the drugs stopped on 2024-10-01 hold a gap of 244 days
        List<MedicationRecord> stated = List.of(given("i1", IXAZOMIB, "2024-08-26", "2024-10-01", null),
                given("r1", LENALIDOMIDE, "2024-08-26", "2024-10-01", null),
                order("i2", IXAZOMIB, "2025-06-02"), order("r2", LENALIDOMIDE, "2025-06-02"));
        TherapyGap held = LineOfTherapyDeriver.derive(stated, List.of(), List.of(), AS_OF).get(0).getGaps().get(0);
        assertFalse(held.isEndUnknown());
        assertTrue(held.describe().contains("after a gap of 244 days"), held.describe());
    }

    @Test
    void aDifferentRegimenAfterAnOrderWithNoRecordedEndSaysAtMost() {
        // R10: VR ordered 2023-02-04 (no end), lenalidomide alone ordered 2024-02-10: a different regimen, at most 371 days
        List<MedicationRecord> meds = List.of(order("v", BORTEZOMIB, "2023-02-04"), order("r", LENALIDOMIDE, "2023-02-04"),
                order("r2", LENALIDOMIDE, "2024-02-10"));
        List<PriorLine> lines = LineOfTherapyDeriver.derive(meds, List.of(), List.of(), AS_OF);
        assertEquals(2, lines.size());
        String reason = lines.get(1).getReason();
        assertTrue(reason.contains("started on 2024-02-10, at most 371 days after all drugs of line 1 stopped"), reason);
        assertFalse(reason.contains("started 371 days after"), reason);
        // near miss: a stated end gives the count as a fact
        List<MedicationRecord> stated = List.of(given("v", BORTEZOMIB, "2023-01-04", "2023-02-04", null),
                given("r", LENALIDOMIDE, "2023-01-04", "2023-02-04", null), order("r2", LENALIDOMIDE, "2024-02-10"));
        String r2 = LineOfTherapyDeriver.derive(stated, List.of(), List.of(), AS_OF).get(1).getReason();
        assertTrue(r2.contains("started 371 days after all drugs of line 1 stopped on 2023-02-04"), r2);
    }

    /** An active statement with no effective date, asserted on {@code day} (CDS-POLICY-DATE-ASSERTED). */
    static MedicationRecord asserted(String id, Drug drug, String day) {
        return new MedicationRecord(drug, Route.UNKNOWN, MedicationSource.STATEMENT, "active", false, null, null, null,
                false, new Provenance("MedicationStatement/" + id, null)).withDateAsserted(d(day), d(day));
    }

    @Test
    void anAssertedStatementBetweenTwoDatedLinesIsNotPlacedAndMakesTheCountARange() {
        // W6 leftovers: VRd to 2022-09-27, IRd from 2024-08-26; pomalidomide asserted 2023-06-01 lies between them
        List<MedicationRecord> dated = List.of(given("vrd-v", BORTEZOMIB, "2019-03-04", "2022-09-27", null),
                given("ird-i", IXAZOMIB, "2024-08-26", "2026-09-15", null));
        List<DiseaseStatus> pd = List.of(progression("pd-1", "2022-09-20"));
        List<PriorLine> lines = LineOfTherapyDeriver.derive(dated, List.of(), pd, AS_OF);
        List<MedicationRecord> meds = new ArrayList<>(dated);
        meds.add(asserted("pom", POMALIDOMIDE, "2023-06-01"));
        List<MedicationRecord> decided = AssertedDates.place(meds, lines, pd, AS_OF);
        MedicationRecord pom = decided.get(2);
        assertNull(pom.getStart(), "not placed");
        assertTrue(pom.getAssertedNote().contains("after line 1 started (2019-03-04) and before line 2 started (2024-08-26)"),
                pom.getAssertedNote());
        TherapyTimeline t = LineOfTherapyDeriver.timeline(decided, List.of(), pd, AS_OF);
        assertEquals(2, t.lines().size());
        assertNotNull(t.lineCountUncertain());
        assertEquals(2, t.lineCountUncertain().getMin());
        assertEquals(3, t.lineCountUncertain().getMax());
        assertTrue(t.lineCountUncertain().describe().contains("MedicationStatement/pom (pomalidomide, taken on 2023-06-01"),
                t.lineCountUncertain().describe());
        // near miss: asserted after the evaluation date, the statement did not exist yet: nothing undecided
        List<MedicationRecord> later = new ArrayList<>(dated);
        later.add(asserted("pom", POMALIDOMIDE, "2026-12-01"));
        assertNull(LineOfTherapyDeriver.timeline(AssertedDates.place(later, lines, pd, AS_OF), List.of(), pd, AS_OF)
                .lineCountUncertain());
    }

    @Test
    void anAssertedStatementBeforeTheFirstDatedLineSaysSo() {
        List<MedicationRecord> dated = List.of(given("vrd-v", BORTEZOMIB, "2019-03-04", "2022-09-27", null));
        List<PriorLine> lines = LineOfTherapyDeriver.derive(dated, List.of(), List.of(), AS_OF);
        List<MedicationRecord> meds = new ArrayList<>(dated);
        meds.add(asserted("pom", POMALIDOMIDE, "2018-11-15"));
        MedicationRecord pom = AssertedDates.place(meds, lines, List.of(), AS_OF).get(1);
        assertTrue(pom.getAssertedNote().startsWith("asserted before line 1 started (2019-03-04)"), pom.getAssertedNote());
        // near miss: asserted after line 1 ended with no progression between keeps the existing reason
        List<MedicationRecord> after = new ArrayList<>(dated);
        after.add(asserted("pom", POMALIDOMIDE, "2023-06-01"));
        MedicationRecord pom2 = AssertedDates.place(after, lines, List.of(), AS_OF).get(1);
        assertTrue(pom2.getAssertedNote().startsWith("no progression is documented after line 1"), pom2.getAssertedNote());
    }
}
