package org.myelomacds.fhir;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Dosage;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.MedicationAdministration;
import org.hl7.fhir.r4.model.MedicationDispense;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Type;
import org.myelomacds.facts.MedicationRecord;
import org.myelomacds.facts.MedicationSource;
import org.myelomacds.facts.Route;
import org.myelomacds.facts.Drug;
import org.myelomacds.facts.EndUnreadable;
import org.myelomacds.facts.InnStemMedication;
import org.myelomacds.facts.TherapyReason;
import org.myelomacds.facts.UnlistedNamedMedication;
import org.myelomacds.facts.UnidentifiedMedication;
import org.myelomacds.facts.UnrecognisedCode;
import org.myelomacds.evidence.terminology.DrugCatalogue.DrugMatch;
import org.myelomacds.evidence.terminology.Terminology;

/**
 * MedicationStatement, MedicationAdministration, MedicationRequest and MedicationDispense → MedicationRecord. Drugs
 * the engine does not know are listed in findings.unrecognised; those named in the record are skipped (counted), those
 * with codes and no name are read as the unidentified medication (see {@link #unrecognised}). Records that say
 * the drug was never given are skipped entirely: entered-in-error (any type), not-taken (statement), not-done
 * (administration), cancelled (request: FHIR R4 defines it as withdrawn before any administration) and doNotPerform,
 * and a dispense that was not handed over (preparation, in-progress, on-hold, cancelled, declined). What every other
 * status means is stated in the README ("Medication statuses") and read in derive/TherapyRecords. An administration
 * or dispense that states no reason takes the reasons of the request it names.
 */
final class MedicationMapper {
    private MedicationMapper() { }

    static final String SKIP_UNRECOGNISED_SUFFIX = " (unrecognised medication)";
    /** Skipped as a supportive drug the catalogue names (medication-supportive-myeloma-care): known, not unrecognised. */
    static final String SKIP_SUPPORTIVE_SUFFIX = " (supportive care)";

    /**
     * A medication record whose drug the engine cannot identify: listed with its codes and text (findings.unrecognised,
     * for a myeloma patient), since it may be an anti-myeloma drug sent under a code the catalogue lacks as much as a
     * statin. When it carries a name (text or a coding's display) the name says what it is: nothing more is read from it
     * and it is counted as skipped (most such records are supportive drugs; a gap for each would withdraw every regimen),
     * unless the name carries an antineoplastic INN stem or the record is dosed per m² or given for the myeloma and is
     * no supportive drug, or given by infusion or injection and no drug recognised as no antineoplastic
     * ({@link UnlistedNamedMedication}): then it is read as an unlisted drug that may be anti-myeloma therapy.
     * When it carries codes and nothing else, nothing shows it is not anti-myeloma therapy: it is read as the
     * unidentified medication ({@link UnidentifiedMedication}, CDS-POLICY-UNIDENTIFIED-MEDICATION), dated like any other
     * record, and the rules decide whether it lies in the treatment period and what it leaves undecided.
     */
    private static Optional<DrugMatch> unrecognised(String type, Type medication, DomainResource owner, EntryContext ctx,
                                                    MedicationResolver meds, List<TherapyReason> reasons, List<String> doseWords) {
        CodeableConcept concept = meds.describe(medication, owner);
        // A supportive drug the catalogue names by its words or ATC group (G-CSF and plerixafor given for mobilisation,
        // antiemetics, antivirals, bisphosphonates: medication-supportive-myeloma-care) is known, not unrecognised: it
        // is no anti-myeloma therapy and there is no code to add for it, so it is counted as skipped and not listed for
        // review one record at a time. Its mobilisation words still reach the timeline (the caller's noteMobilisation).
        if (concept != null && isSupportive(concept, ctx.terms())) {
            ctx.out().skip(type + SKIP_SUPPORTIVE_SUFFIX);
            return Optional.empty();
        }
        boolean namesNothing = UnidentifiedMedication.namesNothing(concept == null ? null : Concepts.text(concept),
                concept == null ? List.of() : concept.getCoding().stream().map(Coding::getDisplay).toList());
        // A name the catalogue does not know that carries an antineoplastic INN stem ("forimtamig", "alnuctamab") may be
        // anti-myeloma therapy: read as the unlisted antineoplastic name, listed below with its name
        // (CDS-POLICY-NAMES-INN-STEM), not skipped as "what its name says".
        // A name of an antineoplastic with no use in myeloma ("trastuzumab", "anastrozole") says what it is: other therapy,
        // never a drug that may be anti-myeloma therapy (CDS-POLICY-NO-MYELOMA-USE), though its name has an INN stem.
        // A code names it as well as a word does (methotrexate by RxNorm 6851 with no display), so a record with codes only
        // may be one too.
        boolean noMyelomaUse = concept != null && noMyelomaUseNamed(concept, ctx.terms());
        boolean innStem = !noMyelomaUse && !namesNothing && concept != null && innStemNamed(concept, ctx.terms());
        // Any other name the catalogue does not know may still be anti-myeloma therapy by what its record says: dosed per
        // m² of body-surface area (CDS-POLICY-UNNAMED-BSA-DOSE) or given for the myeloma itself
        // (CDS-POLICY-UNNAMED-MYELOMA-REASON), unless it is a supportive drug given to myeloma patients.
        Drug unlisted = namesNothing || innStem || noMyelomaUse || concept == null ? null
                : unlistedSignal(concept, ctx.terms(), reasons, doseWords, givenParenterally(owner, ctx.terms()));
        if (!namesNothing && !innStem && !noMyelomaUse && unlisted == null) ctx.out().skip(type + SKIP_UNRECOGNISED_SUFFIX);
        String text = concept == null || Concepts.text(concept) == null || Concepts.text(concept).isBlank() ? null : Concepts.text(concept);
        boolean listed = false;
        if (concept != null) {
            for (Coding c : concept.getCoding()) {
                if (!c.hasCode()) continue;
                ctx.out().unrecognised.add(new UnrecognisedCode(type, ctx.reference(), c.getSystem(), c.getCode(),
                        c.hasDisplay() ? c.getDisplay() : text, MEDICATION_CATEGORY));
                listed = true;
            }
        }
        if (!listed) {
            ctx.out().unrecognised.add(new UnrecognisedCode(type, ctx.reference(), null, null,
                    text, MEDICATION_CATEGORY));
        }
        if (noMyelomaUse) return Optional.of(new DrugMatch(org.myelomacds.facts.NoMyelomaUseMedication.DRUG, Route.UNKNOWN));
        if (innStem) return Optional.of(new DrugMatch(InnStemMedication.DRUG, Route.UNKNOWN));
        if (unlisted != null) return Optional.of(new DrugMatch(unlisted,
                UnlistedNamedMedication.NAMES_NO_DRUG.equals(unlisted) && oralDoseFormOnly(concept, doseWords, owner, ctx.terms())
                        ? Route.ORAL : Route.UNKNOWN));
        return namesNothing ? Optional.of(new DrugMatch(UnidentifiedMedication.DRUG, Route.UNKNOWN)) : Optional.empty();
    }

    /**
     * Whether the concept's text, a coding's display or a coding's code is one of the supportive drugs given to myeloma
     * patients ({@code medication-supportive-myeloma-care}: by name, US brand or WHO ATC group).
     */
    private static boolean isSupportive(CodeableConcept concept, Terminology terms) {
        if (terms.drugs().isSupportive(null, null, Concepts.text(concept))) return true;
        return concept.getCoding().stream().anyMatch(c -> terms.drugs().isSupportive(c.getSystem(), c.getCode(), c.getDisplay()));
    }

    /**
     * Whether the concept's text, a coding's display or a coding's code names an antineoplastic with no use in myeloma
     * (CDS-POLICY-NO-MYELOMA-USE): methotrexate sent as RxNorm 6851 alone is as named as "methotrexate".
     */
    private static boolean noMyelomaUseNamed(CodeableConcept concept, Terminology terms) {
        if (terms.drugs().noMyelomaUseWord(Concepts.text(concept)).isPresent()) return true;
        return concept.getCoding().stream().anyMatch(c -> terms.drugs().noMyelomaUseWord(c.getDisplay()).isPresent()
                || terms.drugs().isNoMyelomaUseCode(c.getSystem(), c.getCode()));
    }

    /** Whether the concept's text or a coding's display carries an antineoplastic INN stem (CDS-POLICY-NAMES-INN-STEM). */
    private static boolean innStemNamed(CodeableConcept concept, Terminology terms) {
        if (terms.drugs().innStemWord(Concepts.text(concept)).isPresent()) return true;
        return concept.getCoding().stream().anyMatch(c -> terms.drugs().innStemWord(c.getDisplay()).isPresent());
    }

    /**
     * For a name the catalogue does not know and that carries no antineoplastic INN stem: {@link UnlistedNamedMedication#BSA_DOSED}
     * when its name or dosage states a dose per m² of body-surface area, else {@link UnlistedNamedMedication#FOR_MYELOMA}
     * when a stated reason is the myeloma itself; null for a supportive drug (by an ATC code of its groups or by name)
     * and for a name with neither signal (read as what it says, CDS-POLICY-UNIDENTIFIED-MEDICATION).
     */
    private static Drug unlistedSignal(CodeableConcept concept, Terminology terms, List<TherapyReason> reasons,
                                       List<String> doseWords, boolean givenParenterally) {
        if (terms.drugs().isSupportive(null, null, Concepts.text(concept))) return null;
        for (Coding c : concept.getCoding()) {
            if (terms.drugs().isSupportive(c.getSystem(), c.getCode(), c.getDisplay())) return null;
        }
        java.util.List<String> words = new java.util.ArrayList<>(doseWords);
        words.add(Concepts.text(concept));
        concept.getCoding().forEach(c -> words.add(c.getDisplay()));
        if (words.stream().anyMatch(w -> terms.drugs().bodySurfaceAreaDose(w).isPresent())) return UnlistedNamedMedication.BSA_DOSED;
        if (reasons.stream().anyMatch(TherapyReason::isMyeloma)) return UnlistedNamedMedication.FOR_MYELOMA;
        // Neither signal: given by infusion or injection, as anti-myeloma antibodies, proteasome inhibitors and most
        // cytotoxics are, it may still be anti-myeloma therapy (CDS-POLICY-UNNAMED2-PARENTERAL), unless it is recognised
        // as no antineoplastic (an ATC code outside L, or the name of an anaesthetic, antibiotic, insulin …:
        // CDS-POLICY-UNNAMED2-NON-ANTINEOPLASTIC). An oral drug with no signal (below) stays what its name says.
        if (terms.drugs().isRecognisedNonAntineoplastic(null, null, Concepts.text(concept))) return null;
        for (Coding c : concept.getCoding()) {
            if (terms.drugs().isRecognisedNonAntineoplastic(c.getSystem(), c.getCode(), c.getDisplay())) return null;
        }
        // A name made only of dose-form, strength, route and schedule words ("capsule 10 mg daily", "injection weekly")
        // names no drug at all: it may hold lenalidomide as much as a vitamin, and a drug that
        // vanishes with it may change every decision (CDS-POLICY-RECORD-NAMES-NO-DRUG; sweep U part 2, C1). Read before
        // the route, so the gap says what is missing: the drug's name.
        if (namesNoDrug(concept, terms)) return UnlistedNamedMedication.NAMES_NO_DRUG;
        if (givenParenterally || words.stream().anyMatch(terms.drugs()::saysParenteral)) return UnlistedNamedMedication.GIVEN_PARENTERALLY;
        // By mouth (or by an unstated route), a name or dosage saying the drug is taken on a regimen's cyclic schedule
        // ("days 1-21 of each 28-day cycle"), as an investigational or trial product ("per protocol", "CC-92480") or as a
        // phase of anti-myeloma therapy ("maintenance capsule" after a transplant, "consolidation") is what anti-myeloma
        // tablets look like in a record, and no common non-cancer drug's (CDS-POLICY-ORAL-REGIMEN).
        if (words.stream().anyMatch(terms.drugs()::saysRegimen)) return UnlistedNamedMedication.TAKEN_AS_REGIMEN;
        // With no signal at all, its timing against a documented progression still may say a next line: a candidate the
        // reader keeps only when it is (OralDrugTiming, CDS-POLICY-ORAL-AFTER-PROGRESSION), else skips as before.
        return UnlistedNamedMedication.ORAL_CANDIDATE;
    }

    /**
     * Whether every name the concept carries (its text and each coding's display, when not blank) is made only of
     * dose-form, strength, route and schedule words ({@code medication-names-no-drug}): the record names no drug. A
     * display that names a drug ("methotrexate") beside a text that does not ("tablet 2.5 mg weekly") names one.
     */
    private static boolean namesNoDrug(CodeableConcept concept, Terminology terms) {
        java.util.List<String> names = new java.util.ArrayList<>();
        names.add(Concepts.text(concept));
        concept.getCoding().forEach(c -> names.add(c.getDisplay()));
        names.removeIf(n -> n == null || n.isBlank());
        return !names.isEmpty() && names.stream().allMatch(terms.drugs()::namesNoDrug);
    }

    /**
     * Whether a record naming no drug gives, in its own words, an oral dose form or route ("cap 400 mg bid", "tablet PO
     * daily": medication-oral-dose-form) and nothing says infusion or injection (its words, a MedicationAdministration, an
     * intravenous or subcutaneous route): it cannot have held a drug given only by infusion or injection, an anti-CD38
     * antibody among them, so it is read as taken by mouth (project policy CDS-POLICY-NO-DRUG-ORAL-FORM).
     */
    private static boolean oralDoseFormOnly(CodeableConcept concept, List<String> doseWords, DomainResource owner,
                                            Terminology terms) {
        java.util.List<String> words = new java.util.ArrayList<>(doseWords);
        words.add(Concepts.text(concept));
        concept.getCoding().forEach(c -> words.add(c.getDisplay()));
        if (givenParenterally(owner, terms) || words.stream().anyMatch(terms.drugs()::saysParenteral)) return false;
        return words.stream().anyMatch(terms.drugs()::saysOralDoseForm);
    }

    /**
     * Whether the record itself says the drug was given by infusion or injection: a MedicationAdministration (a dose given
     * by staff, as infused and injected anti-myeloma therapy is recorded), or a dosage route read as intravenous or
     * subcutaneous (CDS-POLICY-UNNAMED2-PARENTERAL). The name's and dosage text's words are read by the caller.
     */
    private static boolean givenParenterally(DomainResource owner, Terminology terms) {
        List<CodeableConcept> routes = new java.util.ArrayList<>();
        if (owner instanceof MedicationAdministration) return true;
        if (owner instanceof MedicationStatement ms) ms.getDosage().forEach(d -> routes.add(d.getRoute()));
        if (owner instanceof MedicationRequest mr) mr.getDosageInstruction().forEach(d -> routes.add(d.getRoute()));
        if (owner instanceof MedicationDispense md) md.getDosageInstruction().forEach(d -> routes.add(d.getRoute()));
        return routes.stream().map(r -> routeOf(r, terms)).flatMap(Optional::stream)
                .anyMatch(r -> r == Route.INTRAVENOUS || r == Route.SUBCUTANEOUS);
    }

    /** The words a dosage states its dose in: its text, patient instruction, and each dose quantity's or range's unit and code. */
    private static List<String> doseWords(List<Dosage> dosages) {
        java.util.List<String> out = new java.util.ArrayList<>();
        for (Dosage d : dosages) {
            out.add(d.getText());
            out.add(d.getPatientInstruction());
            for (Dosage.DosageDoseAndRateComponent dr : d.getDoseAndRate()) {
                if (dr.hasDoseQuantity()) quantityWords(dr.getDoseQuantity(), out);
                if (dr.hasDoseRange()) {
                    quantityWords(dr.getDoseRange().getLow(), out);
                    quantityWords(dr.getDoseRange().getHigh(), out);
                }
            }
        }
        out.removeIf(java.util.Objects::isNull);
        return out;
    }

    private static List<String> doseWords(MedicationAdministration ma) {
        java.util.List<String> out = new java.util.ArrayList<>();
        if (!ma.hasDosage()) return out;
        out.add(ma.getDosage().getText());
        if (ma.getDosage().hasDose()) quantityWords(ma.getDosage().getDose(), out);
        out.removeIf(java.util.Objects::isNull);
        return out;
    }

    /** A quantity's unit and its UCUM code, each after a number as a dose is written ("1 mg/m2"). */
    private static void quantityWords(org.hl7.fhir.r4.model.Quantity q, List<String> out) {
        if (q == null) return;
        if (q.hasUnit()) out.add("1 " + q.getUnit());
        if (q.hasCode()) out.add("1 " + q.getCode());
    }

    /**
     * The words of a medication record (name, coding displays, dosage text, stated reasons) that say stem-cell
     * mobilisation or transplant conditioning ({@code medication-transplant-preparation}: "stem cell mobilisation",
     * "harvest", "filgrastim", "conditioning"), or null (the text that says it). Read by the timeline only for
     * cyclophosphamide or melphalan given alone with no transplant yet recorded after it
     * (CDS-POLICY-TIMELINE4-TRANSPLANT-PENDING).
     */
    private static String mobilisationSign(Type medication, DomainResource owner, MedicationResolver meds,
                                           List<String> doseWords, List<TherapyReason> reasons, EntryContext ctx) {
        return firstSaying(recordWords(medication, owner, meds, doseWords, reasons), w -> ctx.terms().drugs().mobilisationWords(w).isPresent());
    }

    /** A medication record's words: its name, coding displays, dosage text and stated reasons, in that order. */
    private static List<String> recordWords(Type medication, DomainResource owner, MedicationResolver meds,
                                            List<String> doseWords, List<TherapyReason> reasons) {
        java.util.List<String> words = new java.util.ArrayList<>();
        CodeableConcept concept = meds.describe(medication, owner);
        if (concept != null) {
            words.add(concept.getText());
            concept.getCoding().forEach(c -> words.add(c.getDisplay()));
        }
        words.addAll(doseWords);
        for (TherapyReason r : reasons) words.add(r.text());
        return words;
    }

    /** The first of {@code words} that {@code says} holds for, stripped, or null. */
    private static String firstSaying(List<String> words, java.util.function.Predicate<String> says) {
        for (String w : words) {
            if (w != null && says.test(w)) return w.strip();
        }
        return null;
    }

    /**
     * The words of a medication record (name, coding displays, dosage text, stated reasons) that say it was given as
     * prophylaxis of graft-versus-host disease ({@code medication-gvhd-prophylaxis}), or null. Read by the timeline only
     * beside an allogeneic transplant (CDS-POLICY-GVHD-PROPHYLAXIS).
     */
    private static String gvhdProphylaxisSign(Type medication, DomainResource owner, MedicationResolver meds,
                                              List<String> doseWords, List<TherapyReason> reasons, EntryContext ctx) {
        return firstSaying(recordWords(medication, owner, meds, doseWords, reasons), w -> ctx.terms().drugs().gvhdProphylaxisWords(w).isPresent());
    }

    /**
     * Whether the record names, by its text, a coding's display or a coding's code, a drug read as GVHD prophylaxis by the
     * days it is given after an allogeneic transplant ({@code medication-gvhd-prophylaxis-by-schedule}: methotrexate,
     * RxNorm 6851 alone included). Only its name: the days are read beside the transplant (derive/TherapyPurpose,
     * CDS-POLICY-GVHD-PROPHYLAXIS).
     */
    private static boolean namesGvhdProphylaxisByScheduleDrug(Type medication, DomainResource owner, MedicationResolver meds,
                                                             EntryContext ctx) {
        CodeableConcept concept = meds.describe(medication, owner);
        if (concept == null) return false;
        if (ctx.terms().drugs().isGvhdProphylaxisByScheduleDrug(null, null, concept.getText())) return true;
        return concept.getCoding().stream()
                .anyMatch(c -> ctx.terms().drugs().isGvhdProphylaxisByScheduleDrug(c.getSystem(), c.getCode(), c.getDisplay()));
    }

    /** A record's own sign, as its reason text shows it: "its record says 'stem cell mobilisation'". */
    private static String ownSign(String sign) {
        if (sign == null) return null;
        return "its record says '" + sign + "'";
    }

    /**
     * A medication the engine does not read as therapy (G-CSF, plerixafor) given on {@code day}, or an apheresis
     * Procedure performed that day ({@link ProcedureMapper}), says mobilisation.
     */
    static void noteMobilisation(String sign, LocalDate day, EntryContext ctx) {
        if (sign == null || day == null) return;
        ctx.out().mobilisationSigns.add(new RecordBuilder.MobilisationSign(day,
                sign + " on " + day + " (" + ctx.reference() + ")"));
    }

    static final String MEDICATION_CATEGORY = UnrecognisedCode.MEDICATION;

    /**
     * A record of the catalogue's unclassified antineoplastic (a study drug, an L01 code the catalogue does not hold) with
     * the words its medication is named by, so that UnnamedTherapyCourses can tell one such drug from another: no
     * unread code is listed for it (the catalogue recognised it), and without these words each of its records was a
     * medication of its own (sweep s19 V3: 84 administrations of one study drug read as up to 84 more lines).
     */
    /**
     * The record with the status its chart holds when a replay read another on the evaluation date (the extension
     * {@link AsOfCut#STATUS_AS_RECORDED} on the replay's copy): texts quote the record's own word (FINDINGS V6).
     */
    private static MedicationRecord withStatusAsRecorded(MedicationRecord r, org.hl7.fhir.r4.model.DomainResource resource) {
        org.hl7.fhir.r4.model.Extension e = resource.getExtensionByUrl(AsOfCut.STATUS_AS_RECORDED);
        return e == null || !e.hasValue() ? r : r.withStatusAsRecorded(e.getValue().primitiveValue());
    }

    private static MedicationRecord withWords(MedicationRecord r, Type medication) {
        if (r.getDrug().getDrugClass() != org.myelomacds.facts.DrugClass.OTHER || !(medication instanceof CodeableConcept cc)) {
            return r;
        }
        String text = Concepts.text(cc);
        if (text != null && !text.isBlank()) return r.withMedicationWords("text " + text.trim().toLowerCase(java.util.Locale.ROOT));
        java.util.TreeSet<String> codes = new java.util.TreeSet<>();
        for (Coding c : cc.getCoding()) if (c.hasCode()) codes.add(c.getSystem() + "|" + c.getCode().trim());
        return codes.isEmpty() ? r : r.withMedicationWords("codes " + codes);
    }

    static void mapStatement(MedicationStatement ms, EntryContext ctx, MedicationResolver meds) {
        MedicationStatement.MedicationStatementStatus status = ms.getStatus();
        if (status == MedicationStatement.MedicationStatementStatus.ENTEREDINERROR
                || status == MedicationStatement.MedicationStatementStatus.NOTTAKEN) return;
        List<DrugMatch> drugs = meds.identifyAll(ms.getMedication(), ms);
        if (drugs.isEmpty()) drugs = unrecognised("MedicationStatement", ms.getMedication(), ms, ctx, meds,
                meds.reasons(ms.getReasonReference(), ms.getReasonCode()), doseWords(ms.getDosage())).stream().toList();
        String mobilisation = mobilisationSign(ms.getMedication(), ms, meds, doseWords(ms.getDosage()),
                meds.reasons(ms.getReasonReference(), ms.getReasonCode()), ctx);
        if (drugs.isEmpty()) {
            noteMobilisation(mobilisation, ms.hasEffective() ? FhirDates.startOf(ms.getEffective()) : null, ctx);
            return;
        }
        LocalDate start = ms.hasEffective() ? FhirDates.startOf(ms.getEffective()) : null;
        LocalDate startLatest = ms.hasEffective() ? FhirDates.latestStartOf(ms.getEffective()) : null;
        // A single effectiveDateTime is a day the drug was taken, not a course: the statement gives no end (null). On a
        // completed or stopped statement the taking ended, but the record does not say when (CDS-POLICY-UNKNOWN-END,
        // read in derive/TherapyRecords), so it is no one-day course; on an active one the taking goes on.
        LocalDate endEarliest = ms.hasEffective() ? FhirDates.endOf(ms.getEffective()) : null;
        LocalDate end = ms.hasEffective() ? FhirDates.latestEndOf(ms.getEffective()) : null;
        String groupRef = firstReference(ms.getBasedOn());
        if (groupRef == null) groupRef = firstReference(ms.getPartOf());
        boolean reversed = FhirDates.endsBeforeStart(start, end);
        LocalDate stoppedBy = stoppedByAssertion(ms, start);
        for (DrugMatch drug : drugs) {
            MedicationRecord record = withStopReason(new MedicationRecord(drug.drug(), route(ms.getDosage(), drug, ctx.terms()),
                    MedicationSource.STATEMENT, status == null ? null : status.toCode(),
                    status == MedicationStatement.MedicationStatementStatus.INTENDED, start, end, startLatest, endEarliest, groupRef,
                    toxicity(ms.getStatusReason(), ctx.terms()), ctx.provenance(start, startLatest),
                    meds.reasons(ms.getReasonReference(), ms.getReasonCode())), ms.getStatusReason(), ctx.terms());
            // No effective[x], but the day the statement was made: it bounds when the drug was taken
            // (CDS-POLICY-DATE-ASSERTED). The record stays undated; derive/AssertedDates decides whether it can be placed.
            if (!ms.hasEffective() && ms.hasDateAsserted()) {
                record = record.withDateAsserted(FhirDates.of(ms.getDateAssertedElement()),
                        FhirDates.latest(ms.getDateAssertedElement()));
            }
            // A stopped or completed statement with a start and no end had stopped by the day it was asserted
            // (CDS-POLICY-STOPPED-BY-ASSERTION): its unknown end lies from its start to that day. A dateAsserted after
            // asOf never gets here (fhir/AsOfCut); one before the start bounds nothing.
            if (stoppedBy != null && end == null && !reversed) {
                record = record.withStoppedBy(stoppedBy, FhirDates.of(ms.getDateAssertedElement()));
            }
            // An end before the start is a data error: the start stands, the end is unknown (never one day).
            if (reversed) record = record.withEndUnreadable(EndUnreadable.PERIOD_ENDS_BEFORE_START,
                    FhirDates.endAsRecorded(ms.getEffective()));
            ctx.out().medications.add(withStatusAsRecorded(withWords(record, ms.getMedication()), ms).withMobilisationSign(ownSign(mobilisation))
                    .withGvhdProphylaxisSign(gvhdProphylaxisSign(ms.getMedication(), ms, meds, doseWords(ms.getDosage()),
                            meds.reasons(ms.getReasonReference(), ms.getReasonCode()), ctx))
                    .withGvhdProphylaxisByScheduleDrug(namesGvhdProphylaxisByScheduleDrug(ms.getMedication(), ms, meds, ctx)));
        }
    }

    /**
     * The latest day of the dateAsserted of a stopped or completed statement that has a start, or null: the day by which
     * its taking had ended (CDS-POLICY-STOPPED-BY-ASSERTION). Active and on-hold statements are not bounded (still taking,
     * or paused and may resume); a dateAsserted before the start bounds nothing (a data error).
     */
    private static LocalDate stoppedByAssertion(MedicationStatement ms, LocalDate start) {
        MedicationStatement.MedicationStatementStatus status = ms.getStatus();
        if (start == null || !ms.hasDateAsserted() || (status != MedicationStatement.MedicationStatementStatus.STOPPED
                && status != MedicationStatement.MedicationStatementStatus.COMPLETED)) return null;
        LocalDate asserted = FhirDates.latest(ms.getDateAssertedElement());
        return asserted == null || asserted.isBefore(start) ? null : asserted;
    }

    static void mapAdministration(MedicationAdministration ma, EntryContext ctx, MedicationResolver meds) {
        MedicationAdministration.MedicationAdministrationStatus status = ma.getStatus();
        if (status == MedicationAdministration.MedicationAdministrationStatus.ENTEREDINERROR
                || status == MedicationAdministration.MedicationAdministrationStatus.NOTDONE) return;
        List<DrugMatch> drugs = meds.identifyAll(ma.getMedication(), ma);
        if (drugs.isEmpty()) drugs = unrecognised("MedicationAdministration", ma.getMedication(), ma, ctx, meds,
                meds.reasonsOrRequests(ma.getReasonReference(), ma.getReasonCode(),
                        ma.hasRequest() ? List.of(ma.getRequest()) : List.of()), doseWords(ma)).stream().toList();
        String mobilisation = mobilisationSign(ma.getMedication(), ma, meds, doseWords(ma),
                meds.reasons(ma.getReasonReference(), ma.getReasonCode()), ctx);
        if (drugs.isEmpty()) {
            noteMobilisation(mobilisation, ma.hasEffective() ? FhirDates.startOf(ma.getEffective()) : null, ctx);
            return;
        }
        LocalDate start = ma.hasEffective() ? FhirDates.startOf(ma.getEffective()) : null;
        LocalDate startLatest = ma.hasEffective() ? FhirDates.latestStartOf(ma.getEffective()) : null;
        // A single-dated administration is one day of exposure: start = end = that day (a partial date: some day of
        // that month or year, so the end is placed at its last day and the start at its first).
        LocalDate end = ma.hasEffectiveDateTimeType() ? startLatest : ma.hasEffective() ? FhirDates.latestEndOf(ma.getEffective()) : null;
        LocalDate endEarliest = ma.hasEffectiveDateTimeType() ? start : ma.hasEffective() ? FhirDates.endOf(ma.getEffective()) : null;
        Route dosageRoute = ma.hasDosage() ? routeOf(ma.getDosage().getRoute(), ctx.terms()).orElse(Route.UNKNOWN) : Route.UNKNOWN;
        String groupRef = null;
        if (ma.hasRequest() && ma.getRequest().hasReference()) {
            String request = ma.getRequest().getReference();
            groupRef = meds.basedOnOfRequest(request).orElse(request);
        }
        boolean reversed = FhirDates.endsBeforeStart(start, end);
        for (DrugMatch drug : drugs) {
            Route route = dosageRoute != Route.UNKNOWN ? dosageRoute : drug.productRoute();
            MedicationRecord record = withStopReason(new MedicationRecord(drug.drug(), route, MedicationSource.ADMINISTRATION,
                    status == null ? null : status.toCode(), false, start, end, startLatest, endEarliest, groupRef,
                    toxicity(ma.getStatusReason(), ctx.terms()),
                    ctx.provenance(start, startLatest), meds.reasonsOrRequests(ma.getReasonReference(), ma.getReasonCode(),
                            ma.hasRequest() ? List.of(ma.getRequest()) : List.of())), ma.getStatusReason(), ctx.terms());
            if (reversed) record = record.withEndUnreadable(EndUnreadable.PERIOD_ENDS_BEFORE_START,
                    FhirDates.endAsRecorded(ma.getEffective()));
            ctx.out().medications.add(withStatusAsRecorded(withWords(record, ma.getMedication()), ma).withMobilisationSign(ownSign(mobilisation))
                    .withGvhdProphylaxisSign(gvhdProphylaxisSign(ma.getMedication(), ma, meds, doseWords(ma),
                            meds.reasons(ma.getReasonReference(), ma.getReasonCode()), ctx))
                    .withGvhdProphylaxisByScheduleDrug(namesGvhdProphylaxisByScheduleDrug(ma.getMedication(), ma, meds, ctx)));
        }
    }

    /** Statuses of a dispense that say the drug was not (yet) handed over to the patient. */
    private static final java.util.Set<MedicationDispense.MedicationDispenseStatus> NOT_HANDED_OVER = java.util.EnumSet.of(
            MedicationDispense.MedicationDispenseStatus.PREPARATION, MedicationDispense.MedicationDispenseStatus.INPROGRESS,
            MedicationDispense.MedicationDispenseStatus.ONHOLD, MedicationDispense.MedicationDispenseStatus.CANCELLED,
            MedicationDispense.MedicationDispenseStatus.DECLINED, MedicationDispense.MedicationDispenseStatus.ENTEREDINERROR);

    /**
     * A dispense handed over (completed, stopped, or unknown with a date): the drug from whenHandedOver (else
     * whenPrepared) for its daysSupply, else for its quantity divided by its dosage's daily amount ({@link DispenseSupply}),
     * to some day between the two when both are stated and disagree, else to an unknown day after the hand-over
     * (CDS-POLICY-DISPENSE-SUPPLY-FROM-DOSAGE). Its plan is the authorizing prescription's CarePlan
     * (the request's basedOn).
     */
    static void mapDispense(MedicationDispense md, EntryContext ctx, MedicationResolver meds) {
        MedicationDispense.MedicationDispenseStatus status = md.getStatus();
        if (status != null && NOT_HANDED_OVER.contains(status)) return;
        List<DrugMatch> drugs = meds.identifyAll(md.getMedication(), md);
        if (drugs.isEmpty()) drugs = unrecognised("MedicationDispense", md.getMedication(), md, ctx, meds,
                meds.reasonsOrRequests(List.of(), List.of(), md.getAuthorizingPrescription()),
                doseWords(md.getDosageInstruction())).stream().toList();
        if (drugs.isEmpty()) return;
        org.hl7.fhir.r4.model.DateTimeType when = md.hasWhenHandedOver() ? md.getWhenHandedOverElement()
                : md.hasWhenPrepared() ? md.getWhenPreparedElement() : null;
        LocalDate start = when == null ? null : FhirDates.of(when);
        LocalDate startLatest = when == null ? null : FhirDates.latest(when);
        LocalDate end = startLatest;
        LocalDate endEarliest = start;
        // A stated daysSupply is the pharmacy's own reading; without one, the quantity divided by the daily amount of the
        // dosage (CDS-POLICY-DISPENSE-SUPPLY-FROM-DOSAGE). When both are there and disagree, the record does not say which
        // holds: the supply ends some day from the shorter figure's end to the longer's (FINDINGS L3).
        Long stated = md.hasDaysSupply() ? days(md.getDaysSupply()) : null;
        Long computed = DispenseSupply.days(md);
        Long days = stated != null ? stated : computed;
        Long shortest = days;
        String disagreement = null;
        if (stated != null && stated > 0 && computed != null && !computed.equals(stated)) {
            days = Math.max(stated, computed);
            shortest = Math.min(stated, computed);
            disagreement = "daysSupply " + stated + " disagrees with " + DispenseSupply.basis(md) + " (" + computed
                    + " days)";
        }
        if (start != null && days != null && days > 0) {
            end = startLatest.plusDays(days - 1);
            endEarliest = start.plusDays(shortest - 1);
        }
        // Neither: the supply lasted to some day after the hand-over the record does not give, never the hand-over day
        // alone (an infusion issued to the clinic too: nothing in the record says it was given that day only).
        boolean supplyUnknown = start != null && (days == null || days <= 0);
        // The plan is the prescription's CarePlan (basedOn); the prescription itself is no plan: a dispense under an
        // order without one must not be set apart from a line whose other records carry a CarePlan.
        String request = firstReference(md.getAuthorizingPrescription());
        String groupRef = request == null ? null : meds.basedOnOfRequest(request).orElse(null);
        boolean toxicity = md.hasStatusReasonCodeableConcept()
                && toxicity(List.of(md.getStatusReasonCodeableConcept()), ctx.terms());
        for (DrugMatch drug : drugs) {
            Route route = route(md.getDosageInstruction(), drug, ctx.terms());
            MedicationRecord record = withStopReason(new MedicationRecord(drug.drug(), route,
                    MedicationSource.DISPENSE, status == null ? null : status.toCode(), false, start, end, startLatest,
                    endEarliest, groupRef, toxicity, ctx.provenance(start, startLatest),
                    meds.reasonsOrRequests(List.of(), List.of(), md.getAuthorizingPrescription())),
                    md.hasStatusReasonCodeableConcept() ? List.of(md.getStatusReasonCodeableConcept()) : List.of(), ctx.terms());
            if (supplyUnknown) record = record.withEndUnreadable(EndUnreadable.SUPPLY_NOT_STATED, null);
            if (disagreement != null && start != null) record = record.withSupplyDisagreement(disagreement);
            ctx.out().medications.add(withWords(record, md.getMedication()));
        }
    }

    static void mapRequest(MedicationRequest mr, EntryContext ctx, MedicationResolver meds) {
        MedicationRequest.MedicationRequestStatus status = mr.getStatus();
        if (status == MedicationRequest.MedicationRequestStatus.ENTEREDINERROR
                || status == MedicationRequest.MedicationRequestStatus.CANCELLED // withdrawn before any dose
                || mr.getDoNotPerform()) return;
        List<DrugMatch> drugs = meds.identifyAll(mr.getMedication(), mr);
        if (drugs.isEmpty()) drugs = unrecognised("MedicationRequest", mr.getMedication(), mr, ctx, meds,
                meds.reasons(mr.getReasonReference(), mr.getReasonCode()), doseWords(mr.getDosageInstruction())).stream().toList();
        if (drugs.isEmpty()) return;
        String mobilisation = ownSign(mobilisationSign(mr.getMedication(), mr, meds, doseWords(mr.getDosageInstruction()),
                meds.reasons(mr.getReasonReference(), mr.getReasonCode()), ctx));
        MedicationRequest.MedicationRequestIntent intent = mr.getIntent();
        boolean planned = status == MedicationRequest.MedicationRequestStatus.DRAFT
                || intent == MedicationRequest.MedicationRequestIntent.PROPOSAL
                || intent == MedicationRequest.MedicationRequestIntent.PLAN;
        // The period the drug is meant to be taken beats the day the order was written.
        Period bounds = boundsPeriod(mr.getDosageInstruction());
        Period validity = mr.hasDispenseRequest() && mr.getDispenseRequest().hasValidityPeriod()
                ? mr.getDispenseRequest().getValidityPeriod() : null;
        LocalDate start = first(startOf(bounds), startOf(validity), FhirDates.of(mr.getAuthoredOnElement()));
        LocalDate startLatest = first(latestStartOf(bounds), latestStartOf(validity), FhirDates.latest(mr.getAuthoredOnElement()));
        LocalDate end = first(latestEndOf(bounds), latestEndOf(validity), null);
        LocalDate endEarliest = first(endOf(bounds), endOf(validity), null);
        // Only a boundsPeriod end states the dosing period itself; a validityPeriod end, a dose duration or a supply
        // is how long the order was meant to last.
        boolean endIsPlan = latestEndOf(bounds) == null && end != null;
        // A boundsPeriod or validityPeriod end before the start is a data error (CDS-POLICY-PERIOD-END-BEFORE-START):
        // the start stands and the end is unknown; no plan, duration or supply is read in its place.
        String reversedEnd = !FhirDates.endsBeforeStart(start, end) ? null
                : latestEndOf(bounds) != null ? FhirDates.endAsRecorded(bounds) : FhirDates.endAsRecorded(validity);
        if (reversedEnd != null) {
            end = null;
            endEarliest = null;
            endIsPlan = false;
        }
        if (end == null && start != null && reversedEnd == null) {
            // No stated end: the dose duration (boundsDuration), else the supply dispensed (expectedSupplyDuration
            // × (1 + numberOfRepeatsAllowed)) gives the last day (CDS-POLICY-OPEN-REQUEST).
            Long days = boundsDurationDays(mr.getDosageInstruction());
            if (days == null) days = supplyDays(mr);
            if (days != null && days > 0) {
                end = startLatest.plusDays(days - 1);
                endEarliest = start.plusDays(days - 1);
                endIsPlan = true;
            }
        }
        // CDS-POLICY-STOPPED-PLANNED-END: a stopped order was halted before all its doses were given (FHIR R4), so its
        // planned end is only the latest day the therapy can have ended; the actual end is unknown from its start to
        // that day (read as CDS-POLICY-UNKNOWN-END, bounded by the plan), never a course that ran to plan.
        LocalDate plannedEnd = null;
        if (status == MedicationRequest.MedicationRequestStatus.STOPPED && endIsPlan && !planned && start != null) {
            plannedEnd = end;
            end = null;
            endEarliest = null;
        }
        List<CodeableConcept> stopReasons = mr.hasStatusReason() ? List.of(mr.getStatusReason()) : List.of();
        // An end from the dispense authorisation only (validity, supply x repeats; not a dose duration): a ceiling on
        // supply (CDS-POLICY-ORDERS2-AUTHORISATION-AFTER-PROGRESSION).
        boolean authorisationEnd = end != null && latestEndOf(bounds) == null && boundsDurationDays(mr.getDosageInstruction()) == null;
        // A validityPeriod end is the last day a fill may be handed over, not a dose: the supply it authorises may run
        // out earlier. The end stays the validity end (the later, cautious reading); the supply's end is kept so the
        // texts show both (FINDINGS P7).
        Long authorisedDays = authorisationEnd && latestEndOf(validity) != null && end.equals(latestEndOf(validity))
                && startLatest != null ? supplyDays(mr) : null;
        LocalDate supplyEnd = authorisedDays == null || authorisedDays <= 0 ? null : startLatest.plusDays(authorisedDays - 1);
        if (supplyEnd != null && !supplyEnd.isBefore(end)) supplyEnd = null;
        for (DrugMatch drug : drugs) {
            MedicationRecord built = withStopReason(new MedicationRecord(drug.drug(), route(mr.getDosageInstruction(), drug, ctx.terms()),
                    MedicationSource.REQUEST, status == null ? null : status.toCode(), planned, start, end, startLatest,
                    endEarliest, firstReference(mr.getBasedOn()), toxicity(stopReasons, ctx.terms()),
                    ctx.provenance(start, startLatest), meds.reasons(mr.getReasonReference(), mr.getReasonCode()))
                    .withPlannedEnd(plannedEnd), stopReasons, ctx.terms());
            if (reversedEnd != null) built = built.withEndUnreadable(EndUnreadable.PERIOD_ENDS_BEFORE_START, reversedEnd);
            if (supplyEnd != null) built = built.withAuthorisedSupplyEnd(supplyEnd);
            ctx.out().medications.add(withStatusAsRecorded(withWords(authorisationEnd ? built.withEndFromAuthorisation() : built,
                    mr.getMedication()), mr).withMobilisationSign(mobilisation)
                    .withGvhdProphylaxisSign(gvhdProphylaxisSign(mr.getMedication(), mr, meds,
                            doseWords(mr.getDosageInstruction()), meds.reasons(mr.getReasonReference(), mr.getReasonCode()),
                            ctx)));
        }
    }

    private static Route route(List<Dosage> dosages, DrugMatch drug, Terminology terms) {
        for (Dosage d : dosages) {
            Optional<Route> r = routeOf(d.getRoute(), terms);
            if (r.isPresent()) return r.get();
        }
        return drug.productRoute();
    }

    private static Optional<Route> routeOf(CodeableConcept route, Terminology terms) {
        if (route == null || route.isEmpty()) return Optional.empty();
        for (Coding c : route.getCoding()) {
            Optional<Route> r = terms.routes().byCode(c.getSystem(), c.getCode());
            if (r.isPresent()) return r;
        }
        if (route.hasText()) {
            Optional<Route> r = terms.routes().byText(route.getText());
            if (r.isPresent()) return r;
        }
        for (Coding c : route.getCoding()) {
            Optional<Route> r = terms.routes().byText(c.getDisplay());
            if (r.isPresent()) return r;
        }
        return Optional.empty();
    }

    /**
     * The record with its status reason quoted as the record words it (each reason's text, else its codings' displays)
     * and the catalogue drugs that wording names, so that the reason can be shown with the intolerance it raises and a
     * partner stopped with its line ("heart failure on carfilzomib" on the dexamethasone record) is told apart.
     */
    private static MedicationRecord withStopReason(MedicationRecord record, List<CodeableConcept> reasons, Terminology terms) {
        String quote = quote(reasons);
        if (quote == null) return record;
        return record.withStopReason(quote, terms.drugs().allNamedIn(quote));
    }

    /** Status reasons as worded: the text of each, else its codings' displays (then codes); null when none says anything. */
    static String quote(List<CodeableConcept> reasons) {
        java.util.LinkedHashSet<String> parts = new java.util.LinkedHashSet<>();
        for (CodeableConcept reason : reasons) {
            if (reason == null) continue;
            if (reason.hasText() && !reason.getText().isBlank()) {
                parts.add(reason.getText().strip());
                continue;
            }
            for (Coding c : reason.getCoding()) {
                if (c.hasDisplay() && !c.getDisplay().isBlank()) parts.add(c.getDisplay().strip());
                else if (c.hasCode()) parts.add((c.hasSystem() ? c.getSystem() + "|" : "") + c.getCode());
            }
        }
        return parts.isEmpty() ? null : String.join("; ", parts);
    }

    private static boolean toxicity(List<CodeableConcept> reasons, Terminology terms) {
        for (CodeableConcept reason : reasons) {
            for (Coding c : reason.getCoding()) {
                if (terms.drugs().isToxicityReason(c.getSystem(), c.getCode(), c.getDisplay())) return true;
            }
            if (terms.drugs().isToxicityReason(null, null, reason.getText())) return true;
        }
        return false;
    }

    private static Period boundsPeriod(List<Dosage> dosages) {
        for (Dosage d : dosages) {
            if (d.hasTiming() && d.getTiming().hasRepeat() && d.getTiming().getRepeat().hasBoundsPeriod()) {
                return d.getTiming().getRepeat().getBoundsPeriod();
            }
        }
        return null;
    }

    /** Days of a dosage's boundsDuration (d, wk, mo as 30 d, a as 365 d); null when none or in another unit. */
    private static Long boundsDurationDays(List<Dosage> dosages) {
        for (Dosage d : dosages) {
            if (d.hasTiming() && d.getTiming().hasRepeat() && d.getTiming().getRepeat().hasBoundsDuration()) {
                Long days = days(d.getTiming().getRepeat().getBoundsDuration());
                if (days != null) return days;
            }
        }
        return null;
    }

    /** expectedSupplyDuration × (1 + numberOfRepeatsAllowed), in days; null without a supply duration. */
    private static Long supplyDays(MedicationRequest mr) {
        if (!mr.hasDispenseRequest() || !mr.getDispenseRequest().hasExpectedSupplyDuration()) return null;
        Long one = days(mr.getDispenseRequest().getExpectedSupplyDuration());
        if (one == null) return null;
        int repeats = mr.getDispenseRequest().hasNumberOfRepeatsAllowed() ? mr.getDispenseRequest().getNumberOfRepeatsAllowed() : 0;
        return one * (1 + Math.max(0, repeats));
    }

    /** A Duration in whole days (d, wk, mo as 30 d, a as 365 d: {@link TimeUnitDays}); null when none or in another unit. */
    private static Long days(org.hl7.fhir.r4.model.Quantity q) {
        if (q == null || !q.hasValue()) return null;
        Double perUnit = TimeUnitDays.ofDuration(q.hasCode() ? q.getCode() : q.getUnit());
        if (perUnit == null) return null;
        double days = q.getValue().doubleValue() * perUnit;
        return days <= 0 ? null : Math.round(days);
    }

    private static LocalDate startOf(Period p) { return p == null ? null : FhirDates.of(p.getStartElement()); }
    private static LocalDate endOf(Period p) { return p == null ? null : FhirDates.of(p.getEndElement()); }
    private static LocalDate latestStartOf(Period p) { return p == null ? null : FhirDates.latest(p.getStartElement()); }
    private static LocalDate latestEndOf(Period p) { return p == null ? null : FhirDates.latest(p.getEndElement()); }

    private static LocalDate first(LocalDate a, LocalDate b, LocalDate c) { return a != null ? a : b != null ? b : c; }

    static String firstReference(List<Reference> refs) {
        for (Reference r : refs) if (r.hasReference()) return r.getReference();
        return null;
    }
}
