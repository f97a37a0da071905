package org.myelomacds.derive;

import org.myelomacds.facts.TestDrugs;
import org.junit.jupiter.api.Test;
import org.myelomacds.facts.MedicationRecord;
import org.myelomacds.facts.MedicationSource;
import org.myelomacds.facts.PriorLine;
import org.myelomacds.facts.Provenance;
import org.myelomacds.facts.Route;
import org.myelomacds.facts.TherapyHistory;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;
import static org.myelomacds.derive.Fixtures.asct;
import static org.myelomacds.derive.Fixtures.d;
import static org.myelomacds.derive.Fixtures.given;
import static org.myelomacds.facts.TestDrugs.*;

class TherapyHistoryBuilderTest {
    static final LocalDate AS_OF = d("2026-10-15");

    @Test
    void countsLinesAndCollectsProvenance() {
        List<MedicationRecord> meds = List.of(given("v", BORTEZOMIB, "2023-02-01", "2023-08-15", null),
                given("d", DEXAMETHASONE, "2023-02-01", "2023-08-15", null),
                given("k", CARFILZOMIB, "2024-06-03", "2025-01-20", null));
        var procs = List.of(asct("asct-1", "2023-10-02", null));
        List<PriorLine> lines = LineOfTherapyDeriver.derive(meds, procs, AS_OF);
        TherapyHistory h = TherapyHistoryBuilder.build(meds, procs, lines);
        assertEquals(2, h.getPriorLines());
        assertTrue(h.isRecorded());
        assertEquals(List.of("MedicationStatement/d", "MedicationStatement/k", "MedicationStatement/v", "Procedure/asct-1"),
                h.getProvenance().stream().map(Provenance::getReference).toList());
    }

    @Test
    void steroidsOnlyOrPlannedOnlyIsNotRecordedTherapy() {
        MedicationRecord plannedDara = new MedicationRecord(DARATUMUMAB, Route.SUBCUTANEOUS, MedicationSource.REQUEST,
                "draft", true, d("2026-11-01"), null, null, false, new Provenance("MedicationRequest/dara", null));
        List<MedicationRecord> meds = List.of(given("dex", DEXAMETHASONE, "2026-09-01", "2026-09-04", null), plannedDara);
        TherapyHistory h = TherapyHistoryBuilder.build(meds, List.of(), LineOfTherapyDeriver.derive(meds, List.of(), AS_OF));
        assertEquals(0, h.getPriorLines());
        assertFalse(h.isRecorded());
        assertEquals(List.of(), h.getProvenance());
    }

    @Test
    void undatedTherapyIsRecordedButMakesNoLine() {
        List<MedicationRecord> meds = List.of(given("vrd-undated", LENALIDOMIDE, null, null, null));
        TherapyHistory h = TherapyHistoryBuilder.build(meds, List.of(), LineOfTherapyDeriver.derive(meds, List.of(), AS_OF));
        assertEquals(0, h.getPriorLines());
        assertTrue(h.isRecorded());
        assertEquals(List.of("MedicationStatement/vrd-undated"),
                h.getProvenance().stream().map(Provenance::getReference).toList());
    }
}
