package org.myelomacds.derive;

import org.myelomacds.facts.DiseaseStatus;
import org.myelomacds.facts.Drug;
import org.myelomacds.facts.DrugClass;
import org.myelomacds.facts.LineCountUncertain;
import org.myelomacds.facts.MedicationRecord;
import org.myelomacds.facts.PriorLine;
import org.myelomacds.facts.ProcedureRecord;
import org.myelomacds.facts.Provenance;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * R14-1 (CDS-POLICY-HISTORY-STATUS-UNKNOWN): which placed lines a statement whose use is unknown would change if it was
 * taken. The lines are formed twice, without the statements (as placed) and with them; a line of either reading that the
 * other does not hold with the same records (the statements aside), start and end has changed. Refractoriness is judged
 * by the line a drug was given in (IMWG-C11, DERIVE-REFRACTORY-03), so only the drugs of changed lines have a decision
 * the statements could change; every line both readings share stays decided.
 */
final class UseUnknownLines {
    private UseUnknownLines() { }

    /**
     * What reading {@code useUnknown} as taken changes: the changed lines of both readings, their drugs (corticosteroids
     * left out, no rule judges their refractoriness) and whether the last line differs. Empty when the two readings form
     * the same lines, which the caller does not expect once the count is uncertain: it then keeps the whole history
     * undecided.
     */
    static Optional<LineCountUncertain.UseUnknownScope> scope(List<MedicationRecord> placedRecords,
                                                             List<MedicationRecord> takenRecords,
                                                             List<ProcedureRecord> procedures, List<DiseaseStatus> statuses,
                                                             LocalDate asOf, List<MedicationRecord> useUnknown) {
        Set<String> statementRefs = new TreeSet<>();
        useUnknown.forEach(r -> r.getProvenance().forEach(p -> statementRefs.add(p.getReference())));
        List<PriorLine> placed = LineOfTherapyDeriver.timeline(placedRecords, procedures, statuses, asOf).lines();
        List<PriorLine> taken = LineOfTherapyDeriver.timeline(takenRecords, procedures, statuses, asOf).lines();
        List<List<Object>> placedKeys = placed.stream().map(l -> key(l, statementRefs)).toList();
        List<List<Object>> takenKeys = taken.stream().map(l -> key(l, statementRefs)).toList();
        List<String> changed = new ArrayList<>();
        List<Drug> drugs = new ArrayList<>();
        for (PriorLine l : placed) {
            if (takenKeys.contains(key(l, statementRefs))) continue;
            changed.add("line " + l.getNumber() + " (" + l.getSpanText() + ": " + names(l) + ")");
            drugs.addAll(l.getDrugs());
        }
        for (PriorLine l : taken) {
            if (placedKeys.contains(key(l, statementRefs))) continue;
            changed.add("line " + l.getNumber() + " as it would be (" + l.getSpanText() + ": " + names(l) + ")");
            drugs.addAll(l.getDrugs());
        }
        if (changed.isEmpty()) return Optional.empty();
        drugs.removeIf(d -> d.getDrugClass() == DrugClass.CORTICOSTEROID);
        boolean lastChanged = placed.isEmpty() || taken.isEmpty()
                || !Objects.equals(placedKeys.get(placedKeys.size() - 1), takenKeys.get(takenKeys.size() - 1));
        return Optional.of(new LineCountUncertain.UseUnknownScope(changed, drugs, lastChanged));
    }

    /** A line's start, end and records, the statements whose use is unknown left out. */
    static List<Object> key(PriorLine l, Set<String> statementRefs) {
        List<String> refs = l.getProvenance().stream().map(Provenance::getReference).filter(r -> !statementRefs.contains(r))
                .distinct().sorted().toList();
        return List.of(l.getStart(), l.getEnd(), refs);
    }

    static String names(PriorLine l) {
        return String.join(", ", l.getDrugs().stream().map(Drug::displayName).toList());
    }
}
