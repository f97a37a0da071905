package org.myelomacds.facts;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** Which regimen is "the current first-line regimen" of a first line under way (CDS-POLICY-FIRSTLINE-NO-SWITCH). */
class FirstLineUnderWayTest {
    private static final Drug DARA = Drug.catalogued("DARATUMUMAB", "daratumumab", DrugClass.ANTI_CD38, 1);
    private static final Drug BTZ = Drug.catalogued("BORTEZOMIB", "bortezomib", DrugClass.PROTEASOME_INHIBITOR, 5);
    private static final Drug LEN = Drug.catalogued("LENALIDOMIDE", "lenalidomide", DrugClass.IMID, 3);
    private static final Drug CFZ = Drug.catalogued("CARFILZOMIB", "carfilzomib", DrugClass.PROTEASOME_INHIBITOR, 6);
    private static final Drug DEX = Drug.catalogued("DEXAMETHASONE", "dexamethasone", DrugClass.CORTICOSTEROID, 90);

    private static PriorLine line(List<Drug> drugs) {
        return new PriorLine(1, LocalDate.of(2026, 7, 10), LocalDate.of(2026, 8, 1), drugs, List.of(), true, true, true,
                LineOpening.FIRST_THERAPY, "first therapy", List.of());
    }

    private static RegimenCandidate dvrd() {
        return new RegimenCandidate("DARA_VRD", "Daratumumab + bortezomib + lenalidomide + dexamethasone", DARA,
                List.of(DARA, BTZ, LEN, DEX));
    }

    @Test
    void theRegimenHoldingEveryDrugOfTheLineAndItsAntibodyIsTheCurrentOne() {
        FirstLineUnderWay f = new FirstLineUnderWay(line(List.of(DARA, BTZ, DEX)), List.of());
        assertTrue(f.matches(dvrd()));
    }

    /** CDS-POLICY-FIRSTLINE-ASCT-GIVEN (FINDINGS V8): the line's autologous transplant answers its eligibility. */
    @Test
    void anAutologousTransplantOfTheLineIsGivenAndNamedWithItsRecord() {
        ProcedureRecord asct = new ProcedureRecord(ProcedureKind.AUTOLOGOUS_STEM_CELL_TRANSPLANT, LocalDate.of(2026, 7, 20),
                false, null, new Provenance("Procedure/asct-1", LocalDate.of(2026, 7, 20)));
        FirstLineUnderWay f = new FirstLineUnderWay(line(List.of(LEN, BTZ, DEX)), List.of(asct));
        assertTrue(f.isAutologousTransplantGiven());
        assertEquals("the autologous stem-cell transplant of 2026-07-20 (Procedure/asct-1)", f.autologousTransplantText());
    }

    @Test
    void nearMissATransplantOfUnstatedKindDoesNotAnswerEligibility() {
        ProcedureRecord sct = new ProcedureRecord(ProcedureKind.STEM_CELL_TRANSPLANT, LocalDate.of(2026, 7, 20),
                false, null, new Provenance("Procedure/sct-1", LocalDate.of(2026, 7, 20)));
        FirstLineUnderWay f = new FirstLineUnderWay(line(List.of(LEN, BTZ, DEX)), List.of(sct));
        assertTrue(f.isPostTransplant());
        assertFalse(f.isAutologousTransplantGiven());
        assertEquals("", f.autologousTransplantText());
    }

    @Test
    void nearMissALineWithoutTheAntibodyOrWithADrugOutsideTheRegimenDoesNotMatch() {
        assertFalse(new FirstLineUnderWay(line(List.of(BTZ, LEN)), List.of()).matches(dvrd()));
        assertFalse(new FirstLineUnderWay(line(List.of(DARA, CFZ)), List.of()).matches(dvrd()));
    }
}
