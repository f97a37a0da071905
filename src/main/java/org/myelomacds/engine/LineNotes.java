package org.myelomacds.engine;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.myelomacds.facts.LineCountUncertain;
import org.myelomacds.facts.MedicationRecord;
import org.myelomacds.facts.PriorLine;
import org.myelomacds.facts.Provenance;

/**
 * The line table shows one reading of an undecided line count (sweep s11 partstart P1, P2): each line as placed. So that
 * a reader of the table, not only of the "Lines undecided" note, sees which row the other reading would change, a line
 * holding a record the count depends on says so in its reason, with the other reading; and a statement dated only by
 * dateAsserted that the timeline left unplaced is named on the row it lies before (or the last row), with where its
 * asserted day lies. Only the records {@link LineCountUncertain} names are noted: a line the range does not touch keeps
 * its reason as it was.
 */
final class LineNotes {
    private LineNotes() {}

    private static final Pattern REFERENCE = Pattern.compile("\\b([A-Z][A-Za-z]+/[A-Za-z0-9\\-.]+)");

    /** The line's reason, with a note per record of the undecided count that lies in it (or, if asserted, before it). */
    static String reason(PriorLine line, List<PriorLine> lines, LineCountUncertain u, List<MedicationRecord> medications) {
        String reason = line.getReason();
        if (u == null || u.getMin() == u.getMax()) return reason;
        Set<String> mine = new TreeSet<>();
        for (Provenance p : line.getProvenance()) mine.add(p.getReference());
        List<String> notes = new ArrayList<>();
        group(notes, u.getRecords(), mine, " placed here with its partial date on its first day",
                " placed here with their partial dates on their first days",
                "; on another day the partial date stands for, the records may open a line of their own or join another");
        group(notes, u.getUnknownEnds(), mine, " has no recorded end and is read here as given on its date only",
                " have no recorded end and are read here as given on their dates only",
                "; read as given up to the next therapy, the lines differ");
        group(notes, u.getWindowJoins(), mine, " joined this line only by a day-count window (its planned continuation as placed)",
                " joined this line only by a day-count window (its planned continuation as placed)",
                "; as salvage or re-induction it would open a line of its own");
        group(notes, u.getPurpose(), mine, " is counted here as myeloma therapy", " are counted here as myeloma therapy",
                "; given for another condition, it would be in no line");
        for (MedicationRecord r : medications) {
            if (r == null || r.getStart() != null || r.getAssertedOn() == null || r.getProvenance().isEmpty()) continue;
            String ref = r.getProvenance().get(0).getReference();
            if (u.getAsserted().stream().noneMatch(a -> names(a, Set.of(ref)))) continue;
            if (lineBefore(r.getAssertedOn(), lines) != line) continue;
            notes.add(ref + " (" + r.getDrug().displayName() + ", " + r.getAssertedText() + ") is not placed: "
                    + (r.getAssertedNote() == null ? "its start is unknown" : r.getAssertedNote())
                    + "; as a line of its own it would add one (CDS-POLICY-PARTSTART-ASSERTED-COUNT)");
        }
        if (notes.isEmpty()) return reason;
        return (reason == null || reason.isBlank() ? "" : reason + ". ") + "Line count undecided (" + u.getMin() + " to "
                + u.getMax() + " lines; this table shows them as placed): " + String.join("; ", notes);
    }

    /** One note for the entries of one cause that lie in this line: "a, b have no recorded end ...; other reading". */
    private static void group(List<String> notes, List<String> entries, Set<String> mine, String one, String many,
                              String otherReading) {
        List<String> here = entries.stream().filter(e -> names(e, mine)).toList();
        if (here.isEmpty()) return;
        notes.add(String.join(", ", here) + (here.size() == 1 ? (one.startsWith(" placed") ? " is" + one : one)
                : (many.startsWith(" placed") ? " are" + many : many)) + otherReading);
    }

    /** The first line that started after the asserted day, else the last line: the row the statement lies before. */
    static PriorLine lineBefore(LocalDate asserted, List<PriorLine> lines) {
        for (PriorLine l : lines) if (l.getStart().isAfter(asserted)) return l;
        return lines.isEmpty() ? null : lines.get(lines.size() - 1);
    }

    static boolean names(String entry, Set<String> references) {
        Matcher m = REFERENCE.matcher(entry);
        while (m.find()) if (references.contains(m.group(1))) return true;
        return false;
    }
}
