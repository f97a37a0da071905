package org.myelomacds.facts;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ProvenancesTest {
    private static HasProvenance fact(String reference) {
        return () -> List.of(new Provenance(reference, LocalDate.of(2026, 1, 1)));
    }

    @Test
    void collectionsGivenAmongTheFactsAreCitedElementByElement() {
        // A rule passes a collected list and a single fact: both must be cited (the setting rules did, and cited nothing).
        List<Provenance> cited = Provenances.of(List.of(fact("Condition/mm-1")), List.of(fact("Observation/progression-1")));
        assertEquals(List.of("Condition/mm-1", "Observation/progression-1"), cited.stream().map(Provenance::getReference).toList());
        assertEquals(List.of("Condition/mm-1"), Provenances.of(fact("Condition/mm-1"), "not a fact").stream().map(Provenance::getReference).toList());
    }
}
