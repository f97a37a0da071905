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

    /** The source dated by a partial date: printed as recorded ("2026-10"), identified by its first day. */
    Provenance provenance(LocalDate date, LocalDate latest) { return new Provenance(entry.reference(), date, latest); }

    void problem(String field, String message) {
        out.unreadable.add(new UnreadableInput(entry.index(), entry.reference(), field, message));
    }
}
