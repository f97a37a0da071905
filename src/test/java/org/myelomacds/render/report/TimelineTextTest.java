package org.myelomacds.render.report;

import org.junit.jupiter.api.Test;
import org.myelomacds.assessment.Findings;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The timeline names each line's transplant by its kind (sweep-b R12, issue-10 #11). */
class TimelineTextTest {
    private static Findings.Line line(List<String> drugs, List<String> transplants) {
        return new Findings.Line(1, "2013-09-02", "2013-09-02", drugs, !transplants.isEmpty(), false, "first therapy",
                List.of(), "FIRST_THERAPY", "first therapy recorded", transplants, null, null);
    }

    @Test
    void aTransplantOnlyLineIsNamedByItsKindNotAnEmptyDrugList() {
        // Synthea transplant-module patients: "Line 1:  with stem-cell transplant" before
        assertEquals("stem-cell transplant (kind not recorded)", Timeline.given(line(List.of(), List.of("UNKNOWN"))));
        assertEquals("allogeneic stem-cell transplant", Timeline.given(line(List.of(), List.of("ALLOGENEIC"))));
        assertEquals("allo-SCT", Timeline.barLabel(line(List.of(), List.of("ALLOGENEIC"))));
    }

    @Test
    void anAllogeneicTransplantIsNeverLabelledAsct() {
        Findings.Line allo = line(List.of("BORTEZOMIB", "LENALIDOMIDE"), List.of("ALLOGENEIC"));
        assertEquals("bortezomib, lenalidomide, allogeneic stem-cell transplant", Timeline.given(allo));
        assertEquals("bortezomib, lenalidomide + allo-SCT", Timeline.barLabel(allo));
        // near miss: an autologous one is the ASCT, and a line without transplant names only its drugs
        Findings.Line auto = line(List.of("BORTEZOMIB"), List.of("AUTOLOGOUS", "AUTOLOGOUS"));
        assertEquals("bortezomib + ASCT + ASCT", Timeline.barLabel(auto));
        assertEquals("bortezomib, autologous stem-cell transplant, autologous stem-cell transplant", Timeline.given(auto));
        assertEquals("bortezomib", Timeline.given(line(List.of("BORTEZOMIB"), List.of())));
    }
}
