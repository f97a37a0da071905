package org.myelomacds.render.report;

import org.junit.jupiter.api.Test;
import org.myelomacds.assessment.FactRef;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SourceListTest {

    @Test
    void aDoseByDoseChartPrintsAsOneSummaryPerResourceType() {
        List<FactRef> facts = new ArrayList<>();
        facts.add(new FactRef("Condition/mm", "2024-01-05"));
        for (int day = 20; day >= 10; day--) facts.add(new FactRef("MedicationAdministration/cfz-" + day, "2024-09-" + day));
        facts.add(new FactRef("MedicationAdministration/cfz-undated", null));

        List<ReportView.Source> printed = SourceList.of(facts);

        assertEquals(List.of(
                "Condition/mm 2024-01-05",
                "12 MedicationAdministration records from 2024-09-10 (MedicationAdministration/cfz-10) to 2024-09-20 "
                        + "(MedicationAdministration/cfz-20), 1 of them undated, each listed in the assessment JSON"),
                printed.stream().map(ReportView.Source::printed).toList());
    }

    @Test
    void aFewRecordsOfEachTypeStayItemisedInTheirOrder() {
        List<FactRef> facts = new ArrayList<>();
        for (int i = 1; i <= SourceList.ITEMISED_PER_TYPE; i++) facts.add(new FactRef("MedicationStatement/s" + i, "2024-0" + i));
        facts.add(1, new FactRef("Observation/pd", "2024-03-02"));

        assertEquals(List.of("MedicationStatement/s1", "Observation/pd", "MedicationStatement/s2", "MedicationStatement/s3",
                        "MedicationStatement/s4", "MedicationStatement/s5", "MedicationStatement/s6"),
                SourceList.of(facts).stream().map(ReportView.Source::reference).toList());
    }

    @Test
    void noFactsPrintNothing() {
        assertTrue(SourceList.of(null).isEmpty());
        assertTrue(SourceList.of(List.of()).isEmpty());
    }
}
