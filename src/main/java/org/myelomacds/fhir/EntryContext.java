package org.myelomacds.fhir;

import java.time.LocalDate;

import org.myelomacds.facts.Provenance;
import org.myelomacds.facts.UnreadableInput;

/** What a mapper needs to know about the entry it maps: where it is, how to cite it, where problems go. */
record EntryContext(ScannedEntry entry, RecordBuilder out) {

    String reference() { return entry.reference(); }

    Provenance provenance(LocalDate date) { return new Provenance(entry.reference(), date); }

    void problem(String field, String message) {
        out.unreadable.add(new UnreadableInput(entry.index(), entry.reference(), field, message));
    }
}
