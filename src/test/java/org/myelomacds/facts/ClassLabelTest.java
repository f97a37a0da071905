package org.myelomacds.facts;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The counting behind the composite labels: documented drugs (sure) against undecided ones and hidden ones (possible). */
class ClassLabelTest {
    private static final RuleRef RULE = new RuleRef("TEST-01", "TEST-01: test", List.of("X"), false);
    private static final Drug BORTEZOMIB = TestDrugs.BORTEZOMIB;
    private static final Drug CARFILZOMIB = TestDrugs.CARFILZOMIB;
    private static final Drug LENALIDOMIDE = TestDrugs.LENALIDOMIDE;
    private static final Drug POMALIDOMIDE = TestDrugs.POMALIDOMIDE;
    private static final Drug DARATUMUMAB = TestDrugs.DARATUMUMAB;

    private static Refractoriness refractoriness(Drug d) {
        java.time.LocalDate start = java.time.LocalDate.of(2024, 1, 1), end = java.time.LocalDate.of(2024, 6, 1);
        Provenance p = new Provenance("MedicationStatement/" + d.name(), start);
        DrugExposure e = new DrugExposure(d, start, end, false, false, List.of(), List.of(p));
        return new Refractoriness(e, new DosingPeriod(d, start, end, List.of(p)),
                new DiseaseStatus(DiseaseTrend.PROGRESSION, java.time.LocalDate.of(2024, 5, 1), new Provenance("Observation/pd", start)));
    }

    private static ClassExposure exposed(DrugClass c, Drug... drugs) {
        return new ClassExposure(c, ClassExposure.Status.EXPOSED, List.of(drugs), false, "t", RULE, List.of());
    }

    /** Refractoriness facts need a course and a progression; the count only reads how many drugs are listed. */
    private static ClassRefractoriness refractory(DrugClass c, int refractoryDrugs, List<Drug> undecided) {
        List<Refractoriness> list = new java.util.ArrayList<>();
        Drug[] pool = c == DrugClass.IMID ? new Drug[]{LENALIDOMIDE, POMALIDOMIDE}
                : c == DrugClass.PROTEASOME_INHIBITOR ? new Drug[]{BORTEZOMIB, CARFILZOMIB} : new Drug[]{DARATUMUMAB};
        for (int i = 0; i < refractoryDrugs; i++) list.add(refractoriness(pool[i]));
        return new ClassRefractoriness(c, refractoryDrugs > 0 ? ClassRefractoriness.Status.REFRACTORY
                : ClassRefractoriness.Status.UNKNOWN, list, undecided, false, "t", RULE, List.of());
    }

    private final List<ClassExposure> exposures = List.of(exposed(DrugClass.IMID, LENALIDOMIDE, POMALIDOMIDE),
            exposed(DrugClass.PROTEASOME_INHIBITOR, BORTEZOMIB, CARFILZOMIB), exposed(DrugClass.ANTI_CD38, DARATUMUMAB));

    @Test
    void twoRefractoryDrugsPerClassMeetPentaRefractory() {
        List<ClassRefractoriness> r = List.of(refractory(DrugClass.IMID, 2, List.of()),
                refractory(DrugClass.PROTEASOME_INHIBITOR, 2, List.of()), refractory(DrugClass.ANTI_CD38, 1, List.of()));
        assertEquals(0, ClassLabel.Kind.PENTA_REFRACTORY.shortfall(exposures, r, false));
    }

    @Test
    void nearMissAnUndecidedSecondPiLeavesPentaRefractoryUndecidedNotMet() {
        List<ClassRefractoriness> r = List.of(refractory(DrugClass.IMID, 2, List.of()),
                refractory(DrugClass.PROTEASOME_INHIBITOR, 1, List.of(CARFILZOMIB)), refractory(DrugClass.ANTI_CD38, 1, List.of()));
        assertEquals(1, ClassLabel.Kind.PENTA_REFRACTORY.shortfall(exposures, r, false), "not met by documented drugs");
        assertEquals(0, ClassLabel.Kind.PENTA_REFRACTORY.shortfall(exposures, r, true), "but carfilzomib could meet it");
        assertEquals(0, ClassLabel.Kind.TRIPLE_CLASS_REFRACTORY.shortfall(exposures, r, false));
    }

    @Test
    void nearMissOneRefractoryPiAndNothingUndecidedIsNotPentaRefractory() {
        List<ClassRefractoriness> r = List.of(refractory(DrugClass.IMID, 2, List.of()),
                refractory(DrugClass.PROTEASOME_INHIBITOR, 1, List.of()), refractory(DrugClass.ANTI_CD38, 1, List.of()));
        assertEquals(1, ClassLabel.Kind.PENTA_REFRACTORY.shortfall(exposures, r, true));
    }

    @Test
    void anUnknownExposureCouldMeetAnyCount() {
        List<ClassExposure> e = List.of(exposed(DrugClass.IMID, LENALIDOMIDE), exposed(DrugClass.PROTEASOME_INHIBITOR, BORTEZOMIB),
                new ClassExposure(DrugClass.ANTI_CD38, ClassExposure.Status.UNKNOWN, List.of(), true, "t", RULE, List.of()));
        assertEquals(1, ClassLabel.Kind.TRIPLE_CLASS_EXPOSED.shortfall(e, List.of(), false));
        assertEquals(0, ClassLabel.Kind.TRIPLE_CLASS_EXPOSED.shortfall(e, List.of(), true));
        List<ClassExposure> naive = List.of(e.get(0), e.get(1),
                new ClassExposure(DrugClass.ANTI_CD38, ClassExposure.Status.NOT_EXPOSED, List.of(), false, "t", RULE, List.of()));
        assertEquals(1, ClassLabel.Kind.TRIPLE_CLASS_EXPOSED.shortfall(naive, List.of(), true));
    }
}
