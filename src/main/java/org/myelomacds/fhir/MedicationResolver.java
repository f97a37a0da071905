package org.myelomacds.fhir;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Medication;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Type;
import org.myelomacds.facts.Drug;
import org.myelomacds.facts.DrugClass;
import org.myelomacds.facts.Route;
import org.myelomacds.facts.UnreadableInput;
import org.myelomacds.evidence.terminology.DrugCatalogue;
import org.myelomacds.evidence.terminology.DrugCatalogue.DrugMatch;

/**
 * Works out which drug a medication resource is about: from medicationCodeableConcept, or by following
 * medicationReference to a contained ("#id") or bundled (fullUrl or "Medication/id") Medication. Bundled
 * Medications are parsed only when something references them, once.
 */
final class MedicationResolver {
    private final List<ScannedEntry> medications;
    private final List<ScannedEntry> requests;
    private final List<ScannedEntry> records;
    private final EntryParser parser;
    private final RecordBuilder out;
    private final DrugCatalogue drugs;
    private final Map<Integer, Optional<Medication>> parsed = new HashMap<>();
    private final Map<Integer, Optional<org.hl7.fhir.r4.model.MedicationRequest>> parsedRequests = new HashMap<>();
    private final ReasonResolver reasons;

    MedicationResolver(BundleScan scan, EntryParser parser, RecordBuilder out, DrugCatalogue drugs, ReasonResolver reasons) {
        this.reasons = reasons;
        this.medications = scan.medications;
        this.requests = scan.medicationRequests;
        this.records = scan.entries.stream().filter(e -> SUSPECT_RECORDS.contains(e.resourceType())).toList();
        this.parser = parser;
        this.out = out;
        this.drugs = drugs;
    }

    /** Why the drug was given, as the record states it (reasonReference, reasonCode). */
    List<org.myelomacds.facts.TherapyReason> reasons(List<Reference> references, List<CodeableConcept> codes) {
        return reasons == null ? List.of() : reasons.reasons(references, codes);
    }

    /**
     * The record's own reasons; when it states none, those of the bundled MedicationRequests it names (an
     * administration's request, a dispense's authorizing prescription), so a dose given under an order for another
     * condition is read with the order's reason.
     */
    List<org.myelomacds.facts.TherapyReason> reasonsOrRequests(List<Reference> references, List<CodeableConcept> codes,
                                                                List<Reference> requestRefs) {
        List<org.myelomacds.facts.TherapyReason> own = reasons(references, codes);
        if (!own.isEmpty() || reasons == null) return own;
        List<org.myelomacds.facts.TherapyReason> inherited = new java.util.ArrayList<>();
        for (Reference r : requestRefs) {
            if (r == null || !r.hasReference()) continue;
            request(r.getReference()).ifPresent(mr -> inherited.addAll(reasons(mr.getReasonReference(), mr.getReasonCode())));
        }
        return inherited;
    }

    /** A bundled MedicationRequest, parsed once; empty when absent or unreadable (its own mapping reports that). */
    private Optional<org.hl7.fhir.r4.model.MedicationRequest> request(String reference) {
        for (ScannedEntry e : requests) {
            if (!e.isReferencedBy(reference)) continue;
            return parsedRequests.computeIfAbsent(e.index(), i -> {
                try {
                    return Optional.of(parser.parse(org.hl7.fhir.r4.model.MedicationRequest.class, e));
                } catch (RuntimeException ex) {
                    return Optional.empty();
                }
            });
        }
        return Optional.empty();
    }

    /** Medication records an adverse event may name as its suspect (AdverseEvent.suspectEntity.instance, FHIR R4). */
    private static final java.util.Set<String> SUSPECT_RECORDS = java.util.Set.of("MedicationAdministration",
            "MedicationStatement", "MedicationRequest");

    /**
     * The drug an adverse event's suspect reference names: a Medication (contained or bundled) directly, or the drug of
     * a bundled MedicationAdministration, MedicationStatement or MedicationRequest; else the reference's display.
     */
    Optional<DrugMatch> suspect(Reference ref, DomainResource owner) {
        if (ref == null || ref.isEmpty()) return Optional.empty();
        if (ref.hasReference()) {
            for (ScannedEntry e : records) {
                if (!e.isReferencedBy(ref.getReference())) continue;
                try {
                    Optional<DrugMatch> m = switch (e.resourceType()) {
                        case "MedicationAdministration" -> {
                            var r = parser.parse(org.hl7.fhir.r4.model.MedicationAdministration.class, e);
                            yield identify(r.getMedication(), r);
                        }
                        case "MedicationStatement" -> {
                            var r = parser.parse(org.hl7.fhir.r4.model.MedicationStatement.class, e);
                            yield identify(r.getMedication(), r);
                        }
                        default -> {
                            var r = parser.parse(org.hl7.fhir.r4.model.MedicationRequest.class, e);
                            yield identify(r.getMedication(), r);
                        }
                    };
                    if (m.isPresent()) return m;
                } catch (RuntimeException ex) {
                    return Optional.empty(); // the record's own mapping reports why it cannot be read
                }
            }
        }
        return identify(ref, owner);
    }

    Optional<DrugMatch> identify(Type medication, DomainResource owner) {
        if (medication instanceof CodeableConcept cc) return identify(cc);
        if (medication instanceof Reference ref && ref.hasReference()) {
            Optional<DrugMatch> viaResource = resolve(ref.getReference(), owner).flatMap(this::identify);
            if (viaResource.isPresent()) return viaResource;
        }
        if (medication instanceof Reference ref && ref.hasDisplay()) return drugs.byName(ref.getDisplay());
        return Optional.empty();
    }

    /**
     * Every drug a medication record names. A code names one drug; a name without a catalogued code may name several, and
     * a regimen recorded as one medication ("Carfilzomib / lenalidomide / dexamethasone (KRd)") is each of its drugs:
     * reading only the first in catalogue order would lose carfilzomib without a word. A Medication without a catalogued
     * code is each of its catalogued ingredients. The catch-all for unnamed antineoplastics counts only when nothing
     * catalogued is named ("carfilzomib chemotherapy" is carfilzomib).
     */
    List<DrugMatch> identifyAll(Type medication, DomainResource owner) {
        if (medication instanceof CodeableConcept cc) return identifyAll(cc);
        if (medication instanceof Reference ref && ref.hasReference()) {
            List<DrugMatch> viaResource = resolve(ref.getReference(), owner).map(this::identifyAll).orElse(List.of());
            if (!viaResource.isEmpty()) return viaResource;
        }
        if (medication instanceof Reference ref && ref.hasDisplay()) return named(ref.getDisplay(), identify(medication, owner));
        return List.of();
    }

    /**
     * Codes first (RxNorm, ATC, HCPCS): a catalogued drug's code names that drug alone (a name can still reveal the SC
     * product behind a plain code); else every catalogued drug the name names, which beat a code that only says "some
     * antineoplastic"; else that code, else the catch-all by name.
     */
    List<DrugMatch> identifyAll(CodeableConcept concept) {
        if (concept == null) return List.of();
        String text = Concepts.text(concept);
        Optional<DrugMatch> unclassified = Optional.empty();
        for (Coding c : concept.getCoding()) {
            Optional<DrugMatch> m = drugs.byCode(c.getSystem(), c.getCode());
            if (m.isPresent() && !isUnclassified(m.get())) return List.of(withNamedRoute(m.get(), text));
            if (m.isPresent() && unclassified.isEmpty()) unclassified = m;
        }
        List<DrugMatch> named = drugs.allByName(text);
        List<DrugMatch> catalogued = named.stream().filter(m -> !isUnclassified(m)).toList();
        if (catalogued.size() > 1) {
            // A coding's display that names one of them alone says which drug the record gives: "etoposide 40 mg/m2/day
            // IV (DCEP)" coded as etoposide (by a code the catalogue lacks) is the etoposide of DCEP, not all four of its
            // drugs (FINDINGS O5: the cyclophosphamide and cisplatin of DCEP were named by the etoposide record).
            for (Coding c : concept.getCoding()) {
                List<DrugMatch> byDisplay = drugs.allByName(c.getDisplay()).stream().filter(m -> !isUnclassified(m)).toList();
                if (byDisplay.size() != 1) continue;
                Optional<DrugMatch> one = catalogued.stream().filter(m -> m.drug().equals(byDisplay.get(0).drug())).findFirst();
                if (one.isPresent()) return List.of(one.get());
            }
            return catalogued;
        }
        if (!catalogued.isEmpty()) return catalogued;
        return unclassified.isPresent() ? List.of(unclassified.get()) : named;
    }

    private List<DrugMatch> identifyAll(Medication medication) {
        List<DrugMatch> byCode = identifyAll(medication.getCode());
        if (!byCode.isEmpty() && !isUnclassified(byCode.get(0))) return byCode;
        List<DrugMatch> ingredients = new java.util.ArrayList<>();
        for (Medication.MedicationIngredientComponent ingredient : medication.getIngredient()) {
            if (!(ingredient.getItem() instanceof CodeableConcept cc)) continue;
            for (DrugMatch i : identifyAll(cc)) {
                if (isUnclassified(i) || ingredients.stream().anyMatch(m -> m.drug() == i.drug())) continue;
                ingredients.add(withNamedRoute(i, Concepts.text(medication.getCode())));
            }
        }
        return ingredients.isEmpty() ? byCode : ingredients;
    }

    /** The catalogued drugs a name names, else the single match already found (the catch-all, or nothing). */
    private List<DrugMatch> named(String text, Optional<DrugMatch> single) {
        List<DrugMatch> named = drugs.allByName(text).stream().filter(m -> !isUnclassified(m)).toList();
        return named.isEmpty() ? single.stream().toList() : named;
    }

    /**
     * What a medication the engine could not identify says about itself, for a reviewer: its concept, or the code of
     * the Medication it references; a reference with only a display becomes a concept with that text; null when
     * there is nothing at all.
     */
    CodeableConcept describe(Type medication, DomainResource owner) {
        if (medication instanceof CodeableConcept cc) return cc;
        if (medication instanceof Reference ref) {
            if (ref.hasReference()) {
                Optional<Medication> m = resolve(ref.getReference(), owner);
                if (m.isPresent() && m.get().hasCode()) return m.get().getCode();
            }
            if (ref.hasDisplay()) return new CodeableConcept().setText(ref.getDisplay());
        }
        return null;
    }

    /** The first drug a concept names ({@link #identifyAll(CodeableConcept)}), in catalogue order. */
    Optional<DrugMatch> identify(CodeableConcept concept) { return identifyAll(concept).stream().findFirst(); }

    private Optional<DrugMatch> identify(Medication medication) {
        Optional<DrugMatch> m = identify(medication.getCode());
        if (m.isPresent() && !isUnclassified(m.get())) return m;
        for (Medication.MedicationIngredientComponent ingredient : medication.getIngredient()) {
            if (ingredient.getItem() instanceof CodeableConcept cc) {
                Optional<DrugMatch> i = identify(cc);
                if (i.isPresent() && !isUnclassified(i.get())) return Optional.of(withNamedRoute(i.get(), Concepts.text(medication.getCode())));
            }
        }
        return m;
    }

    /** The catalogue's catch-all for antineoplastics it cannot name (class OTHER): any named drug is better. */
    private static boolean isUnclassified(DrugMatch m) { return m.drug().getDrugClass() == DrugClass.OTHER; }

    private DrugMatch withNamedRoute(DrugMatch match, String text) {
        if (match.productRoute() != Route.UNKNOWN) return match;
        Drug drug = match.drug();
        return new DrugMatch(drug, drugs.productRouteFromName(drug, text));
    }

    private Optional<Medication> resolve(String reference, DomainResource owner) {
        if (reference.startsWith("#")) {
            String id = reference.substring(1);
            for (Resource contained : owner.getContained()) {
                if (contained instanceof Medication m && id.equals(stripHash(m.getIdElement().getIdPart()))) return Optional.of(m);
            }
            return Optional.empty();
        }
        for (ScannedEntry e : medications) {
            if (e.isReferencedBy(reference)) return parsed.computeIfAbsent(e.index(), i -> parse(e));
        }
        return Optional.empty();
    }

    private Optional<Medication> parse(ScannedEntry e) {
        try {
            return Optional.of(parser.parse(Medication.class, e));
        } catch (EntryParseException ex) {
            out.unreadable.add(new UnreadableInput(e.index(), e.reference(), ex.field(),
                    "not readable as FHIR R4 Medication: " + ex.getMessage()));
            return Optional.empty();
        }
    }

    /** basedOn[0] of a bundled MedicationRequest (read from the JSON, the request need not be parsed for this). */
    Optional<String> basedOnOfRequest(String reference) {
        for (ScannedEntry e : requests) {
            if (e.isReferencedBy(reference)) {
                JsonNode ref = e.resource().path("basedOn").path(0).path("reference");
                return ref.isTextual() ? Optional.of(ref.asText()) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static String stripHash(String id) { return id != null && id.startsWith("#") ? id.substring(1) : id; }
}
