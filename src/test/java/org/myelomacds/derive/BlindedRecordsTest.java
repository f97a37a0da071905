package org.myelomacds.derive;

import org.junit.jupiter.api.Test;
import org.myelomacds.facts.DiseaseStatus;
import org.myelomacds.facts.DiseaseTrend;
import org.myelomacds.facts.DrugHistoryGap;
import org.myelomacds.facts.MedicationRecord;
import org.myelomacds.facts.Provenance;
import org.myelomacds.facts.Route;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;
import static org.myelomacds.derive.Fixtures.d;
import static org.myelomacds.derive.Fixtures.given;
import static org.myelomacds.derive.Fixtures.record;
import static org.myelomacds.facts.TestDrugs.*;

/** CDS-POLICY-BLINDED-STUDY-DRUG (FINDINGS K3): a blinded "X or placebo" record is therapy, not an exposure to X. */
class BlindedRecordsTest {
    private static final String WORDS = "its name says 'or placebo' (\"Ixazomib 4 mg or placebo capsule\")";

    private static List<MedicationRecord> irdBlinded() {
        List<MedicationRecord> out = new ArrayList<>();
        out.add(record("ixa-1", IXAZOMIB, Route.ORAL, "completed", false, "2021-04-01", "2021-04-01", false).withBlinded(WORDS));
        out.add(record("ixa-2", IXAZOMIB, Route.ORAL, "completed", false, "2021-04-08", "2021-04-08", false).withBlinded(WORDS));
        out.add(given("rd", LENALIDOMIDE, "2021-04-01", "2026-06-20", null));
        return out;
    }

    @Test
    void blindedRecordsStayBlindedAndGiveOneGapNamingThem() {
        List<MedicationRecord> records = BlindedRecords.unblinded(irdBlinded(), List.of());
        List<MedicationRecord> blinded = BlindedRecords.blinded(records);
        assertEquals(2, blinded.size());
        List<DrugHistoryGap> gaps = BlindedRecords.gaps(blinded);
        assertEquals(1, gaps.size());
        assertEquals(DrugHistoryGap.Kind.BLINDED_STUDY_DRUG, gaps.get(0).getKind());
        assertEquals(IXAZOMIB, gaps.get(0).getDrug());
        assertTrue(gaps.get(0).getText().contains("MedicationAdministration/ixa-1 and 1 more"), gaps.get(0).getText());
    }

    // FINDINGS N2: an unblinding written as a note is quoted in the gap, never read as the arm
    @Test
    void aNoteOnABlindedRecordIsQuotedInTheGapAndNotRead() {
        List<MedicationRecord> records = new ArrayList<>(irdBlinded());
        records.set(1, records.get(1).withNote("Unblinded at study close: ACTIVE arm (ixazomib)."));
        List<MedicationRecord> blinded = BlindedRecords.blinded(BlindedRecords.unblinded(records, List.of()));
        assertEquals(2, blinded.size(), "the note unblinds nothing");
        String text = BlindedRecords.gaps(blinded, records).get(0).getText();
        assertTrue(text.contains("a note on MedicationAdministration/ixa-2 says 'Unblinded at study close: ACTIVE arm"
                + " (ixazomib).': notes are free text and are not read as the arm"), text);
    }

    @Test
    void aNoteOnALaterRecordOfTheDrugIsQuotedWhenTheBlindedOnesHaveNone() {
        List<MedicationRecord> records = new ArrayList<>(irdBlinded());
        records.add(given("ixa-later", IXAZOMIB, "2024-01-01", "2024-06-01", null).withNote("crossover: placebo arm"));
        List<MedicationRecord> blinded = BlindedRecords.blinded(BlindedRecords.unblinded(records, List.of()));
        String text = BlindedRecords.gaps(blinded, records).get(0).getText();
        assertTrue(text.contains("a note on MedicationStatement/ixa-later says 'crossover: placebo arm'"), text);
    }

    @Test
    void nearMissNoNoteLeavesTheGapAsBefore() {
        List<MedicationRecord> records = irdBlinded();
        List<MedicationRecord> blinded = BlindedRecords.blinded(BlindedRecords.unblinded(records, List.of()));
        String text = BlindedRecords.gaps(blinded, records).get(0).getText();
        assertEquals(BlindedRecords.gaps(blinded).get(0).getText(), text);
        assertFalse(text.contains("a note on"), text);
    }

    @Test
    void nearMissANoteOnAnotherDrugIsNotQuoted() {
        List<MedicationRecord> records = new ArrayList<>(irdBlinded());
        records.set(2, records.get(2).withNote("ACTIVE arm"));   // the open-label lenalidomide
        List<MedicationRecord> blinded = BlindedRecords.blinded(BlindedRecords.unblinded(records, List.of()));
        assertFalse(BlindedRecords.gaps(blinded, records).get(0).getText().contains("a note on"));
    }

    @Test
    void nearMissARecordOfTheDrugItselfWithinTheCourseUnblindsThem() {
        List<MedicationRecord> records = new ArrayList<>(irdBlinded());
        records.add(given("ixa-open", IXAZOMIB, "2021-05-01", "2021-09-01", null));
        assertTrue(BlindedRecords.blinded(BlindedRecords.unblinded(records, List.of())).isEmpty());
    }

    @Test
    void nearMissARecordOfTheDrugYearsLaterSaysNothingOfTheArm() {
        List<MedicationRecord> records = new ArrayList<>(irdBlinded());
        records.add(given("ixa-later", IXAZOMIB, "2024-01-01", "2024-06-01", null));
        assertEquals(2, BlindedRecords.blinded(BlindedRecords.unblinded(records, List.of())).size());
    }

    private static DiseaseStatus progression(String date) {
        return new DiseaseStatus(DiseaseTrend.PROGRESSION, d(date), new Provenance("Observation/pd", d(date)));
    }

    /** FINDINGS L1: open-label X begun after a progression on the blinded product (a crossover) says nothing of the arm. */
    @Test
    void anOpenLabelRecordBegunAfterAProgressionLeavesThemBlinded() {
        List<MedicationRecord> records = new ArrayList<>(irdBlinded());
        records.add(given("ixa-open", IXAZOMIB, "2021-05-20", "2021-09-01", null));
        assertEquals(2, BlindedRecords.blinded(BlindedRecords.unblinded(records, List.of(progression("2021-05-01")))).size());
    }

    /** Near miss: the same open-label record with the progression after it, or before the blinded records, unblinds them. */
    @Test
    void nearMissAProgressionOutsideTheGapBetweenThemDoesNotKeepThemBlinded() {
        List<MedicationRecord> records = new ArrayList<>(irdBlinded());
        records.add(given("ixa-open", IXAZOMIB, "2021-05-20", "2021-09-01", null));
        assertTrue(BlindedRecords.blinded(BlindedRecords.unblinded(records,
                List.of(progression("2021-03-01"), progression("2021-06-10")))).isEmpty());
    }

    @Test
    void aCourseOfBlindedRecordsOnlyIsNoCourseOfTheDrug() {
        List<MedicationRecord> records = irdBlinded();
        var timeline = LineOfTherapyDeriver.timeline(records, List.of(), List.of(), Fixtures.d("2026-11-01"));
        assertEquals(List.of(LENALIDOMIDE, IXAZOMIB), timeline.lines().get(0).getDrugs(), "the line stands");
        var courses = BlindedRecords.withoutBlindedCourses(timeline.courses(), BlindedRecords.blinded(records));
        assertTrue(courses.stream().noneMatch(c -> c.getDrug().equals(IXAZOMIB)));
        assertTrue(courses.stream().anyMatch(c -> c.getDrug().equals(LENALIDOMIDE)));
    }
}
