package org.myelomacds.derive;

import org.junit.jupiter.api.Test;
import org.myelomacds.facts.DiseaseStatus;
import org.myelomacds.facts.DiseaseTrend;
import org.myelomacds.facts.DosingPeriod;
import org.myelomacds.facts.Drug;
import org.myelomacds.facts.MedicationRecord;
import org.myelomacds.facts.Provenance;
import org.myelomacds.facts.Route;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;
import static org.myelomacds.derive.Fixtures.d;
import static org.myelomacds.derive.Fixtures.record;
import static org.myelomacds.facts.TestDrugs.*;

/**
 * CDS-POLICY-CYCLE-CHARTED-ORAL (FINDINGS K4): an oral drug charted once per cycle has its last dose some day of its
 * last cycle, bounded by the line's last recorded dose of that cycle; charted as given, or infused, it is read as charted.
 */
class CycleChartingTest {
    private static final LocalDate AS_OF = d("2026-11-01");

    /** Pd: {@code drug} charted every {@code every} days from 2025-06-02 to 2026-06-29, dexamethasone weekly to 2026-07-20. */
    private static List<MedicationRecord> pd(Drug drug, Route route, int every) {
        List<MedicationRecord> out = new ArrayList<>();
        for (LocalDate day = d("2025-06-02"); !day.isAfter(d("2026-06-29")); day = day.plusDays(every)) {
            out.add(record("x-" + day, drug, route, "completed", false, day.toString(), day.toString(), false));
        }
        for (LocalDate day = d("2025-06-02"); !day.isAfter(d("2026-07-20")); day = day.plusDays(7)) {
            out.add(record("dex-" + day, DEXAMETHASONE, Route.ORAL, "completed", false, day.toString(), day.toString(), false));
        }
        return out;
    }

    private static DosingPeriod course(List<MedicationRecord> records, Drug drug) {
        List<DiseaseStatus> pd = List.of(new DiseaseStatus(DiseaseTrend.PROGRESSION, d("2025-05-20"),
                new Provenance("Observation/pd", d("2025-05-20"))));
        return LineOfTherapyDeriver.timeline(records, List.of(), pd, AS_OF).courses().stream()
                .filter(c -> c.getDrug().equals(drug)).findFirst().orElseThrow();
    }

    @Test
    void pomalidomideChartedOnDayOneHasItsLastDoseUpToTheCyclesLastSteroidDose() {
        DosingPeriod c = course(pd(POMALIDOMIDE, Route.UNKNOWN, 28), POMALIDOMIDE);
        assertTrue(c.isCycleCharted());
        assertEquals(d("2026-06-29"), c.getEnd(), "the record stays the course's recorded end");
        assertEquals(d("2026-07-20"), c.getCycleEndLatest(), "the cycle's last dexamethasone bounds it");
        assertTrue(c.getCycleText().contains("CDS-POLICY-CYCLE-CHARTED-ORAL"), c.getCycleText());
    }

    @Test
    void nearMissPomalidomideChartedDailyIsReadAsCharted() {
        DosingPeriod c = course(pd(POMALIDOMIDE, Route.UNKNOWN, 1), POMALIDOMIDE);
        assertFalse(c.isCycleCharted());
        assertEquals(c.getEnd(), c.getCycleEndLatest());
    }

    @Test
    void nearMissAFourWeeklyInfusionIsOneDoseOnItsDay() {
        DosingPeriod c = course(pd(DARATUMUMAB, Route.INTRAVENOUS, 28), DARATUMUMAB);
        assertFalse(c.isCycleCharted());
    }

    /** Pd with pomalidomide and dexamethasone each charted once per 28-day cycle, on day 1, to 2026-06-29. */
    private static List<MedicationRecord> pdDayOneOnly() {
        List<MedicationRecord> records = new ArrayList<>();
        for (LocalDate day = d("2025-06-02"); !day.isAfter(d("2026-06-29")); day = day.plusDays(28)) {
            records.add(record("pom-" + day, POMALIDOMIDE, Route.UNKNOWN, "completed", false, day.toString(), day.toString(), false));
            records.add(record("dex-" + day, DEXAMETHASONE, Route.ORAL, "completed", false, day.toString(), day.toString(), false));
        }
        return records;
    }

    @Test
    void withTheSteroidChartedOnDayOneOnlyTheLastDoseIsSomeDayOfTheLastCycle() {
        // FINDINGS K4 remainder: no record shows any day of a cycle after its first, so nothing says where the last
        // cycle stopped; its last capsule fell some day up to the day before the next cycle (28-day cycles: day 28)
        DosingPeriod c = course(pdDayOneOnly(), POMALIDOMIDE);
        assertTrue(c.isCycleCharted());
        assertEquals(d("2026-06-29"), c.getEnd());
        assertEquals(d("2026-07-26"), c.getCycleEndLatest());
        assertTrue(c.getCycleText().contains("the day before the next cycle would have begun"), c.getCycleText());
    }

    @Test
    void nearMissTheSteroidChartedWeeklyThenOnlyOnTheLastCyclesFirstDayShowsTheCycleStopped() {
        // the line charts its steroid dose by dose: its last cycle's only dose on day 1 says the cycle went no further
        List<MedicationRecord> records = new ArrayList<>(pdDayOneOnly());
        for (LocalDate day = d("2025-06-02"); day.isBefore(d("2026-06-29")); day = day.plusDays(28)) {
            for (int k : new int[] {7, 14, 21}) {
                LocalDate dex = day.plusDays(k);
                records.add(record("dex-" + dex, DEXAMETHASONE, Route.ORAL, "completed", false, dex.toString(), dex.toString(), false));
            }
        }
        assertFalse(course(records, POMALIDOMIDE).isCycleCharted());
    }

    @Test
    void theNextLineBoundsTheLastCycle() {
        assertEquals(d("2026-07-09"), CycleCharting.lastCycle("pomalidomide", List.of(d("2026-06-01"), d("2026-06-29")),
                List.of(new CycleCharting.LineDose(d("2026-07-20"), "dexamethasone")), d("2026-07-09")).orElseThrow().latest());
        assertTrue(CycleCharting.lastCycle("pomalidomide", List.of(d("2026-06-22"), d("2026-06-29")),
                List.of(new CycleCharting.LineDose(d("2026-07-20"), "dexamethasone")), AS_OF).isEmpty(),
                "records a week apart are not one a cycle");
    }
}
