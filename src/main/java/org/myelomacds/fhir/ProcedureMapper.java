package org.myelomacds.fhir;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Procedure;
import org.myelomacds.evidence.terminology.DrugCatalogue.DrugMatch;
import org.myelomacds.evidence.terminology.ProcedureTerms;
import org.myelomacds.facts.CarTProductNotNamed;
import org.myelomacds.facts.Drug;
import org.myelomacds.facts.DrugClass;
import org.myelomacds.facts.MedicationRecord;
import org.myelomacds.facts.MedicationSource;
import org.myelomacds.facts.ProcedureKind;
import org.myelomacds.facts.ProcedureRecord;
import org.myelomacds.facts.Route;
import org.myelomacds.facts.TherapyReason;

/**
 * Procedure → ProcedureRecord for stem-cell transplants and dialysis, with the reasons it states (reasonReference,
 * reasonCode): a transplant done for another condition is not a myeloma transplant (derive/TherapyPurpose).
 * "preparation" is a planned procedure (an ASCT scheduled after induction); not-done and entered-in-error never
 * happened and are skipped.
 *
 * <p>A chemotherapy Procedure ({@code procedure-chemotherapy}: Synthea's "Pre-operative chemotherapy", CPT chemotherapy
 * administration) is therapy, read as a medication record: the drug its {@code usedCode} names when the catalogue knows
 * it, otherwise the catalogue's unclassified antineoplastic — therapy recorded with its drug unknown, which the rules
 * never let vanish (THERAPY_UNCLASSIFIED) unless its reason or date ties it to another condition. A Procedure coded by
 * text alone ("Chemotherapy", "chemo cycle 3") is read the same way when the set's words name it.
 *
 * <p>A CAR-T cell infusion Procedure ({@code procedure-car-t-infusion}: CPT 0540T/38228, or words, or a catalogued CAR-T
 * product named) is that product given on its date, or CAR-T cells of unknown product ({@link #carT}).
 */
final class ProcedureMapper {
    private ProcedureMapper() { }

    static void map(Procedure procedure, EntryContext ctx, MedicationResolver meds) {
        Procedure.ProcedureStatus status = procedure.getStatus();
        if (status == Procedure.ProcedureStatus.NOTDONE || status == Procedure.ProcedureStatus.ENTEREDINERROR) return;
        ProcedureTerms terms = ctx.terms().procedures();
        Optional<ProcedureKind> kind = Optional.empty();
        boolean chemotherapy = false;
        for (Coding c : procedure.getCode().getCoding()) {
            kind = terms.byCode(c.getSystem(), c.getCode());
            if (kind.isPresent()) break;
            chemotherapy |= terms.isChemotherapy(c.getSystem(), c.getCode());
        }
        if (kind.isEmpty() && chemotherapy) {
            chemotherapy(procedure, ctx, meds);
            return;
        }
        if (kind.isEmpty() && carTCollection(procedure, ctx, meds)) return;
        if (kind.isEmpty() && carT(procedure, ctx, meds)) return;
        if (kind.isEmpty()) kind = terms.byText(Concepts.text(procedure.getCode()));
        // Text is read for chemotherapy only when the code has no coding at all: a coded procedure the terminology does
        // not list is some other procedure, whatever its display says.
        if (kind.isEmpty() && !procedure.getCode().hasCoding() && terms.isChemotherapyText(procedure.getCode().getText())) {
            chemotherapy(procedure, ctx, meds);
            return;
        }
        if (kind.isEmpty()) {
            mobilisationSign(procedure, ctx);
            possibleTransplant(procedure, ctx, meds);
            return;
        }
        LocalDate date = procedure.hasPerformed() ? FhirDates.startOf(procedure.getPerformed()) : null;
        LocalDate latest = procedure.hasPerformed() ? FhirDates.latestStartOf(procedure.getPerformed()) : null;
        ProcedureRecord record = new ProcedureRecord(kind.get(), date, latest, status == Procedure.ProcedureStatus.PREPARATION,
                MedicationMapper.firstReference(procedure.getBasedOn()), ctx.provenance(date, latest),
                reasons(procedure, meds));
        // A kind-less transplant code (SNOMED 234336002) beside words that state the kind ("Allogeneic PBSCT"): the more
        // specific words decide, and the record says which did (FINDINGS A6; allogeneic is tried before autologous).
        if (kind.get() == ProcedureKind.STEM_CELL_TRANSPLANT) {
            String text = Concepts.text(procedure.getCode());
            Optional<ProcedureKind> byText = terms.byText(text);
            if (byText.isPresent() && byText.get() != ProcedureKind.STEM_CELL_TRANSPLANT && byText.get().isStemCellTransplant()) {
                record = record.withKindFromText(byText.get(), "kind from the text '" + Concepts.display(procedure.getCode())
                        + "'; its code states no kind");
            }
        }
        ctx.out().procedures.add(record);
    }

    /**
     * A stem-cell apheresis, harvest or collection ("Peripheral blood stem cell apheresis", "PBSC harvest"), whatever its
     * outcome, says the cyclophosphamide given up to 14 days before it was the mobilisation for it (its words in
     * {@code medication-transplant-preparation}; CDS-POLICY-MOBILISATION-STEP, FINDINGS F1). A planned one says nothing.
     */
    private static void mobilisationSign(Procedure procedure, EntryContext ctx) {
        if (procedure.getStatus() == Procedure.ProcedureStatus.PREPARATION || !procedure.hasPerformed()) return;
        String text = Concepts.text(procedure.getCode());
        // The set's conditioning words and drug names say nothing about a procedure's cells being collected.
        String word = ctx.terms().drugs().mobilisationWords(text).map(w -> w.toLowerCase(java.util.Locale.ROOT)).orElse("");
        if (!(word.contains("pheresis") || word.contains("harvest") || word.startsWith("mobili"))) return;
        MedicationMapper.noteMobilisation("'" + Concepts.display(procedure.getCode()) + "'",
                FhirDates.startOf(procedure.getPerformed()), ctx);
    }

    /**
     * A performed procedure neither code nor transplant words read, whose words only suggest a stem-cell transplant or
     * cell infusion ("HCT day 0", "autologous PBSC rescue"; sweep s12 RC3): kept as a transplant of unstated kind whose
     * being a transplant is undecided (derive/TherapyPurpose makes the line count a range; GAP-TRANSPLANT-10 names it).
     * A planned one is left out, as planned procedures change no decision.
     */
    private static void possibleTransplant(Procedure procedure, EntryContext ctx, MedicationResolver meds) {
        String text = Concepts.text(procedure.getCode());
        if (procedure.getStatus() == Procedure.ProcedureStatus.PREPARATION) return;
        if (!ctx.terms().procedures().isPossibleTransplantText(text)) return;
        LocalDate date = procedure.hasPerformed() ? FhirDates.startOf(procedure.getPerformed()) : null;
        LocalDate latest = procedure.hasPerformed() ? FhirDates.latestStartOf(procedure.getPerformed()) : null;
        ctx.out().procedures.add(ProcedureRecord.possibleTransplant(date, latest,
                MedicationMapper.firstReference(procedure.getBasedOn()), ctx.provenance(date, latest),
                reasons(procedure, meds), "only the words '" + Concepts.display(procedure.getCode())
                        + "' suggest a transplant"));
    }

    /**
     * One medication record per drug the procedure's {@code usedCode} names; without a named drug, one record of the
     * unclassified antineoplastic. Dated by performed[x]: a period is the course, a single date is one day (any day of
     * a partial date).
     */
    private static void chemotherapy(Procedure procedure, EntryContext ctx, MedicationResolver meds) {
        List<Drug> drugs = new ArrayList<>();
        for (CodeableConcept used : procedure.getUsedCode()) {
            Optional<DrugMatch> m = meds.identify(used);
            if (m.isPresent() && m.get().drug().getDrugClass() != DrugClass.OTHER && !drugs.contains(m.get().drug())) {
                drugs.add(m.get().drug());
            }
        }
        if (drugs.isEmpty()) {
            Optional<Drug> unknown = ctx.terms().drugs().unclassifiedAntineoplastic();
            if (unknown.isEmpty()) return; // a catalogue without the catch-all is refused by rules validate
            drugs.add(unknown.get());
        }
        given(procedure, drugs, ctx, meds);
    }

    /**
     * One medication record per drug, given as the Procedure records it: dated by performed[x] (a period is the course,
     * a single date one day, any day of a partial date), planned when the Procedure is in preparation.
     */
    private static void given(Procedure procedure, List<Drug> drugs, EntryContext ctx, MedicationResolver meds) {
        LocalDate start = procedure.hasPerformed() ? FhirDates.startOf(procedure.getPerformed()) : null;
        LocalDate startLatest = procedure.hasPerformed() ? FhirDates.latestStartOf(procedure.getPerformed()) : null;
        LocalDate end = procedure.hasPerformedPeriod() ? FhirDates.latestEndOf(procedure.getPerformed()) : startLatest;
        LocalDate endEarliest = procedure.hasPerformedPeriod() ? FhirDates.endOf(procedure.getPerformed()) : start;
        Procedure.ProcedureStatus status = procedure.getStatus();
        List<TherapyReason> reasons = reasons(procedure, meds);
        // A performedPeriod ending before it starts is a data error: the start stands, the end is unknown
        // (CDS-POLICY-PERIOD-END-BEFORE-START).
        boolean reversed = FhirDates.endsBeforeStart(start, end);
        for (Drug drug : drugs) {
            MedicationRecord record = new MedicationRecord(drug, Route.UNKNOWN, MedicationSource.PROCEDURE,
                    status == null ? null : status.toCode(), status == Procedure.ProcedureStatus.PREPARATION, start, end,
                    startLatest, endEarliest, MedicationMapper.firstReference(procedure.getBasedOn()), false,
                    ctx.provenance(start, startLatest), reasons);
            if (reversed) record = record.withEndUnreadable(org.myelomacds.facts.EndUnreadable.PERIOD_ENDS_BEFORE_START,
                    FhirDates.endAsRecorded(procedure.getPerformed()));
            ctx.out().medications.add(record);
        }
    }

    /**
     * CAR-T cells given, recorded as a Procedure (QA sweep G, G1; value set procedure-car-t-infusion; project policy
     * CDS-POLICY-CART2-PROCEDURE): a cell-therapy centre's infusion often reaches the referring record only so. It is
     * read when its code is a CAR-T administration code (CPT 0540T, 38228), when its words say CAR-T cells were infused,
     * or when its text, a coding display or a {@code usedCode} names a catalogued CAR-T product, unless its words name
     * another step of CAR-T care (referral, leukapheresis, lymphodepletion …; a code saying administration is not
     * vetoed by them). The product named is given on the Procedure's date, one medication record like an administration
     * of it, so the timeline places it as any CAR-T (its line, its lymphodepletion, bridging); with no product named it
     * is {@link CarTProductNotNamed}, therapy whose drug is unknown (THERAPY_UNCLASSIFIED), never dropped. False when
     * the Procedure is not a CAR-T infusion.
     */
    private static boolean carT(Procedure procedure, EntryContext ctx, MedicationResolver meds) {
        ProcedureTerms terms = ctx.terms().procedures();
        String words = Concepts.text(procedure.getCode());
        boolean coded = procedure.getCode().getCoding().stream().anyMatch(c -> terms.isCarTInfusion(c.getSystem(), c.getCode()));
        if (!coded && terms.namesOtherCarTStep(words)) return false;
        List<Drug> products = new ArrayList<>();
        List<CodeableConcept> named = new ArrayList<>(procedure.getUsedCode());
        named.add(0, procedure.getCode());
        for (CodeableConcept concept : named) {
            for (DrugMatch m : meds.identifyAll(concept)) {
                if (m.drug().getDrugClass() == DrugClass.CAR_T && !products.contains(m.drug())) products.add(m.drug());
            }
        }
        if (products.isEmpty() && !coded && !terms.isCarTInfusionText(words)) return false;
        if (products.isEmpty()) products.add(CarTProductNotNamed.DRUG);
        // The cells are given once: a period is read as its days (the infusion lies in it), a date as that day.
        given(procedure, products, ctx, meds);
        return true;
    }

    /**
     * The patient's T cells collected to make CAR-T cells ("Leukapheresis for CAR-T manufacture"; value set
     * procedure-car-t-collection, CDS-POLICY-CART-COLLECTION): no therapy and no stem-cell apheresis, but a procedure
     * record the timeline reads as the plan of a CAR-T. A planned one (preparation) or an undated one states nothing.
     * False when the Procedure is not such a collection.
     */
    private static boolean carTCollection(Procedure procedure, EntryContext ctx, MedicationResolver meds) {
        ProcedureTerms terms = ctx.terms().procedures();
        if (!terms.isCarTCollectionText(Concepts.text(procedure.getCode()))) return false;
        // A code saying the cells were given wins over words naming their collection (CDS-POLICY-CART2-PROCEDURE).
        if (procedure.getCode().getCoding().stream().anyMatch(c -> terms.isCarTInfusion(c.getSystem(), c.getCode()))) return false;
        if (procedure.getStatus() == Procedure.ProcedureStatus.PREPARATION || !procedure.hasPerformed()) return true;
        LocalDate date = FhirDates.startOf(procedure.getPerformed());
        LocalDate latest = FhirDates.latestStartOf(procedure.getPerformed());
        ctx.out().procedures.add(new ProcedureRecord(ProcedureKind.CAR_T_CELL_COLLECTION, date, latest, false,
                MedicationMapper.firstReference(procedure.getBasedOn()), ctx.provenance(date, latest),
                reasons(procedure, meds)));
        return true;
    }

    private static List<TherapyReason> reasons(Procedure procedure, MedicationResolver meds) {
        return meds.reasons(procedure.getReasonReference(), procedure.getReasonCode());
    }
}
