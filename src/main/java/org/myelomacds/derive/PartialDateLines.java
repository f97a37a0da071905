package org.myelomacds.derive;

import org.myelomacds.facts.Drug;
import org.myelomacds.facts.DrugClass;
import org.myelomacds.facts.LineCountUncertain;
import org.myelomacds.facts.PriorLine;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Finding I2 (CDS-POLICY-RANGE-SCOPE): which placed lines the other days a partial date (of a progression or a
 * transplant) can stand for change. The timeline places the date on its first day and forms the lines again with it on
 * every other day where a decision can turn; every reading uses the same medication records, so only the grouping of
 * records into lines can differ. A line of the placed reading that some reading does not hold with the same records,
 * start and end has changed, and so has a line of a reading that the placed lines do not hold. Refractoriness is judged
 * by the line a drug was given in (IMWG-C11, DERIVE-REFRACTORY-03), so only the drugs of changed lines have a decision
 * the day could change; a line every reading holds unchanged stays decided (its own 60-day window against the partial
 * progression is judged by DERIVE-REFRACTORY-04/07/08).
 */
final class PartialDateLines {
    private PartialDateLines() { }

    /**
     * What the other readings change: the changed lines of every reading, their drugs (corticosteroids left out, no rule
     * judges their refractoriness) and whether the last line differs in any reading. Empty when no reading differs, or
     * when the lines that differ give no drug other than a corticosteroid (a changed transplant-only line: nothing to
     * scope by, so the caller keeps the whole history undecided).
     */
    static Optional<LineCountUncertain.UseUnknownScope> scope(List<PriorLine> placed, List<List<PriorLine>> readings) {
        Set<String> none = Set.of();
        List<List<Object>> placedKeys = placed.stream().map(l -> UseUnknownLines.key(l, none)).toList();
        List<String> changed = new ArrayList<>();
        List<Drug> drugs = new ArrayList<>();
        boolean lastChanged = false;
        for (List<PriorLine> reading : readings) {
            List<List<Object>> keys = reading.stream().map(l -> UseUnknownLines.key(l, none)).toList();
            if (keys.equals(placedKeys)) continue;
            for (PriorLine l : placed) {
                if (keys.contains(UseUnknownLines.key(l, none))) continue;
                add(changed, "line " + l.getNumber() + " (" + l.getSpanText() + ": " + UseUnknownLines.names(l) + ")");
                drugs.addAll(l.getDrugs());
            }
            for (PriorLine l : reading) {
                if (placedKeys.contains(UseUnknownLines.key(l, none))) continue;
                add(changed, "line " + l.getNumber() + " as it would be (" + l.getSpanText() + ": "
                        + UseUnknownLines.names(l) + ")");
                drugs.addAll(l.getDrugs());
            }
            lastChanged |= placed.isEmpty() || reading.isEmpty()
                    || !Objects.equals(placedKeys.get(placedKeys.size() - 1), keys.get(keys.size() - 1));
        }
        drugs.removeIf(d -> d.getDrugClass() == DrugClass.CORTICOSTEROID);
        if (changed.isEmpty() || drugs.isEmpty()) return Optional.empty();
        return Optional.of(new LineCountUncertain.UseUnknownScope(changed, drugs, lastChanged));
    }

    private static void add(List<String> out, String line) {
        if (!out.contains(line)) out.add(line);
    }
}
