package org.myelomacds.derive;

import org.myelomacds.facts.MedicationRecord;
import org.myelomacds.facts.PriorLine;
import org.myelomacds.facts.ProcedureRecord;
import org.myelomacds.facts.Provenance;
import org.myelomacds.facts.TherapyHistory;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The {@link TherapyHistory} summary: {@code priorLines} = the number of lines from {@link LineOfTherapyDeriver}
 * (the ongoing line included); {@code recorded} = the bundle holds at least one given (non-planned, not
 * not-taken/not-done/entered-in-error) anti-myeloma medication record or one performed stem-cell transplant, dated or not.
 * An undated record therefore makes {@code recorded} true although it cannot make a line: rules should read
 * {@code recorded && priorLines == 0} as "therapy recorded but not datable", not as newly diagnosed.
 * Provenance: those records and procedures plus every line's provenance, distinct and sorted.
 */
public final class TherapyHistoryBuilder {
    private TherapyHistoryBuilder() {}

    public static TherapyHistory build(List<MedicationRecord> records, List<ProcedureRecord> procedures,
                                       List<PriorLine> lines) {
        TreeSet<Provenance> provenance = new TreeSet<>();
        boolean recorded = false;
        for (MedicationRecord r : records == null ? List.<MedicationRecord>of() : records) {
            if (r != null && TherapyRecords.isGiven(r) && r.getDrug().getDrugClass().isAntiMyelomaTherapy()) {
                recorded = true;
                provenance.addAll(r.getProvenance());
            }
        }
        for (ProcedureRecord p : procedures == null ? List.<ProcedureRecord>of() : procedures) {
            if (p != null && TherapyRecords.isPerformedTransplant(p)) {
                recorded = true;
                provenance.addAll(p.getProvenance());
            }
        }
        List<PriorLine> ls = lines == null ? List.of() : lines;
        for (PriorLine l : ls) provenance.addAll(l.getProvenance());
        return new TherapyHistory(ls.size(), recorded || !ls.isEmpty(), new ArrayList<>(provenance));
    }
}
