package org.myelomacds.derive;

import org.junit.jupiter.api.Test;
import org.myelomacds.facts.DiseaseStatus;
import org.myelomacds.facts.DiseaseTrend;
import org.myelomacds.facts.Drug;
import org.myelomacds.facts.MedicationRecord;
import org.myelomacds.facts.MedicationSource;
import org.myelomacds.facts.PriorLine;
import org.myelomacds.facts.Provenance;
import org.myelomacds.facts.Route;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.myelomacds.derive.Fixtures.d;
import static org.myelomacds.derive.Fixtures.given;
import static org.myelomacds.facts.TestDrugs.*;

/**
 * CDS-POLICY-PARTIAL-ENTRY-CHARTED-COURSE (FINDINGS I4, s16a-15): Rd to 2023-05-15, progression 2023-05-10, Kd charted
 * weekly 2023-06-05 to 2024-02-26, and a referral letter's "Kd, 2023 to 2024". The entry is the charted Kd: it starts on
 * 2023-06-05 and its end stays 2024-02-26 to 2024-12-31. Near misses keep the entry's partial dates.
 */
class ChartedCourseEntriesTest {
    static final LocalDate AS_OF = d("2026-11-01");
    static final List<DiseaseStatus> PD = List.of(new DiseaseStatus(DiseaseTrend.PROGRESSION, d("2023-05-10"),
            new Provenance("Observation/pd-1", d("2023-05-10"))));

    static MedicationRecord charted(String id, Drug drug, String day) {
        return new MedicationRecord(drug, Route.UNKNOWN, MedicationSource.ADMINISTRATION, "completed", false, d(day),
                null, null, false, new Provenance("MedicationAdministration/" + id, d(day)));
    }

    /** A statement "from" .. "to" as partial dates: start within [from, fromLatest], end within [toEarliest, to]. */
    static MedicationRecord entry(String id, Drug drug, String from, String fromLatest, String toEarliest, String to) {
        return new MedicationRecord(drug, Route.UNKNOWN, MedicationSource.STATEMENT, "completed", false, d(from), d(to),
                d(fromLatest), d(toEarliest), null, false, new Provenance("MedicationStatement/" + id, null));
    }

    static MedicationRecord yearOnly(String id, Drug drug) {
        return entry(id, drug, "2023-01-01", "2023-12-31", "2024-01-01", "2024-12-31");
    }

    /** Rd to 2023-05-15, then Kd charted weekly from 2023-06-05 to 2024-02-26 (carfilzomib and dexamethasone). */
    static List<MedicationRecord> chart() {
        List<MedicationRecord> out = new ArrayList<>();
        out.add(given("rd-r", LENALIDOMIDE, "2021-01-04", "2023-05-15", null));
        out.add(given("rd-d", DEXAMETHASONE, "2021-01-04", "2023-05-15", null));
        for (LocalDate day = d("2023-06-05"); !day.isAfter(d("2024-02-26")); day = day.plusDays(7)) {
            out.add(charted("k-" + day, CARFILZOMIB, day.toString()));
            out.add(charted("d-" + day, DEXAMETHASONE, day.toString()));
        }
        return out;
    }

    static List<MedicationRecord> with(MedicationRecord... entries) {
        List<MedicationRecord> all = new ArrayList<>(chart());
        all.addAll(List.of(entries));
        return all;
    }

    static List<MedicationRecord> read(List<MedicationRecord> all) {
        return ChartedCourseEntries.read(all, all, List.of(), PD, AS_OF, List.of());
    }

    static MedicationRecord find(List<MedicationRecord> all, String ref) {
        return all.stream().filter(r -> r.getProvenance().get(0).getReference().equals(ref)).findFirst().orElseThrow();
    }

    @Test
    void aYearOnlyEntryContainingTheChartedCourseIsThatCourse() {
        List<MedicationRecord> read = read(with(yearOnly("kd-c", CARFILZOMIB), yearOnly("kd-d", DEXAMETHASONE)));
        MedicationRecord c = find(read, "MedicationStatement/kd-c");
        assertEquals(d("2023-06-05"), c.getStart());
        assertEquals(d("2023-06-05"), c.getStartLatest());
        assertEquals(d("2024-02-26"), c.getEndEarliest(), "its end stays an interval from the last charted dose");
        assertEquals(d("2024-12-31"), c.getEnd());
        assertNotNull(c.getChartedCourseNote());
        assertTrue(c.getChartedCourseNote().contains("MedicationStatement/kd-c, MedicationStatement/kd-d (carfilzomib,"
                + " dexamethasone, 2023 to 2024) read as the course charted dose by dose from 2023-06-05 to 2024-02-26"),
                c.getChartedCourseNote());
        assertTrue(c.getChartedCourseNote().endsWith("its end stays an unknown day from 2024-02-26 to 2024-12-31, where"
                + " the entry reaches beyond the course (CDS-POLICY-PARTIAL-ENTRY-CHARTED-COURSE)"), c.getChartedCourseNote());
        assertEquals(d("2023-06-05"), find(read, "MedicationStatement/kd-d").getStart(), "its steroid follows its drugs");

        // the lines: line 2 starts with the charted course, its reason names the entry and the policy
        List<PriorLine> lines = ChartedCourseEntries.noted(LineOfTherapyDeriver.timeline(read, List.of(), PD, AS_OF)
                .lines(), read);
        assertEquals(2, lines.size());
        assertEquals(d("2023-06-05"), lines.get(1).getStart());
        assertEquals(d("2023-06-05"), lines.get(1).getStartLatest());
        assertTrue(lines.get(1).getReason().contains("(CDS-POLICY-PARTIAL-ENTRY-CHARTED-COURSE)"), lines.get(1).getReason());
        assertTrue(lines.get(1).getReason().startsWith("new therapy after progression on 2023-05-10"), lines.get(1).getReason());
    }

    @Test
    void nearMissAYearOnlyEntryOfADrugNeverChartedStaysPartial() {
        // FINDINGS T7, W6: pomalidomide listed for 2023 to 2024 and never charted
        List<MedicationRecord> all = with(yearOnly("pom", POMALIDOMIDE));
        assertSame(all, read(all));
    }

    @Test
    void nearMissAnEntryListingOtherDrugsThanTheChartedLineKeepsItsReading() {
        // KRd listed, Kd charted: lenalidomide has no charted course in the interval, so the entry is not that course
        List<MedicationRecord> all = with(yearOnly("krd-k", CARFILZOMIB), yearOnly("krd-r", LENALIDOMIDE),
                yearOnly("krd-d", DEXAMETHASONE));
        assertSame(all, read(all));
    }

    @Test
    void nearMissAnEntryListingFewerDrugsThanTheChartedLineKeepsItsReading() {
        // Kd listed, KRd charted: the line gives lenalidomide in the entry's interval too, so the entry is not its course
        List<MedicationRecord> all = with(yearOnly("kd-c", CARFILZOMIB), yearOnly("kd-d", DEXAMETHASONE));
        for (LocalDate day = d("2023-06-05"); !day.isAfter(d("2024-02-26")); day = day.plusDays(7)) {
            all.add(charted("r-" + day, LENALIDOMIDE, day.toString()));
        }
        assertSame(all, read(all));
    }

    @Test
    void nearMissAnEntryWhoseIntervalDoesNotContainTheCourseKeepsItsReading() {
        // "2023" only: the charted course goes on to 2024-02-26
        List<MedicationRecord> all = with(entry("k23", CARFILZOMIB, "2023-01-01", "2023-12-31", "2023-01-01", "2023-12-31"));
        assertSame(all, read(all));
    }

    @Test
    void nearMissAnEntryWithItsOwnDatedDoseOutsideTheCourseKeepsItsReading() {
        // started on 2023-03-01 (a day, before the first charted dose), ended in 2024
        List<MedicationRecord> all = with(entry("k-own", CARFILZOMIB, "2023-03-01", "2023-03-01", "2024-01-01", "2024-12-31"));
        assertSame(all, read(all));
        // hit: the same entry with its dated start on the first charted dose is the course
        List<MedicationRecord> inside = with(entry("k-in", CARFILZOMIB, "2023-06-05", "2023-06-05", "2024-01-01", "2024-12-31"));
        assertNotNull(find(read(inside), "MedicationStatement/k-in").getChartedCourseNote());
    }

    @Test
    void nearMissAnEntryStatingAProgressionKeepsItsReading() {
        List<MedicationRecord> all = with(yearOnly("k-pd", CARFILZOMIB).withStopReason("Disease progression", List.of()));
        assertSame(all, read(all));
        MedicationRecord untouched = find(all, "MedicationStatement/k-pd");
        assertNull(untouched.getChartedCourseNote());
        assertEquals(d("2023-01-01"), untouched.getStart());
    }
}
