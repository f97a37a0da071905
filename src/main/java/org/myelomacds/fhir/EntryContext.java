package org.myelomacds.fhir;

import java.time.LocalDate;

import org.myelomacds.facts.Provenance;
import org.myelomacds.facts.UnreadableInput;
import org.myelomacds.evidence.terminology.Terminology;

/** What a mapper needs to know about the entry it maps: where it is, how to cite it, where problems go, which codes mean what. */
record EntryContext(ScannedEntry entry, RecordBuilder out) {

    Terminology terms() { return out.terminology; }

    String reference() { return entry.reference(); }

    Provenance provenance(LocalDate date) { return new Provenance(entry.reference(), date); }

    void problem(String field, String message) {
        out.unreadable.add(new UnreadableInput(entry.index(), entry.reference(), field, message));
    }
}
