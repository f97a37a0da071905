package org.myelomacds.fhir;

import java.time.LocalDate;
import java.util.Optional;

import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Procedure;
import org.myelomacds.facts.ProcedureKind;
import org.myelomacds.facts.ProcedureRecord;
import org.myelomacds.evidence.terminology.ProcedureTerms;

/**
 * Procedure → ProcedureRecord for stem-cell transplants and dialysis. "preparation" is a planned procedure
 * (an ASCT scheduled after induction); not-done and entered-in-error never happened and are skipped.
 */
final class ProcedureMapper {
    private ProcedureMapper() { }

    static void map(Procedure procedure, EntryContext ctx) {
        Procedure.ProcedureStatus status = procedure.getStatus();
        if (status == Procedure.ProcedureStatus.NOTDONE || status == Procedure.ProcedureStatus.ENTEREDINERROR) return;
        ProcedureTerms terms = ctx.terms().procedures();
        Optional<ProcedureKind> kind = Optional.empty();
        for (Coding c : procedure.getCode().getCoding()) {
            kind = terms.byCode(c.getSystem(), c.getCode());
            if (kind.isPresent()) break;
        }
        if (kind.isEmpty()) kind = terms.byText(Concepts.text(procedure.getCode()));
        if (kind.isEmpty()) return;
        LocalDate date = procedure.hasPerformed() ? FhirDates.startOf(procedure.getPerformed()) : null;
        LocalDate latest = procedure.hasPerformed() ? FhirDates.latestStartOf(procedure.getPerformed()) : null;
        ctx.out().procedures.add(new ProcedureRecord(kind.get(), date, latest, status == Procedure.ProcedureStatus.PREPARATION,
                MedicationMapper.firstReference(procedure.getBasedOn()), ctx.provenance(date, latest)));
    }
}
