package org.myelomacds.evidence.terminology;

import org.myelomacds.facts.Drug;
import org.myelomacds.facts.DrugClass;
import org.myelomacds.facts.Route;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The drug catalogue (clinical-evidence.md §9.4): one value set per drug, {@code drug-<name>} ({@code drug-lenalidomide}),
 * holding its RxNorm, ATC and HCPCS codes and, as text words, its generic, brand and suffixed names. A drug's class is
 * stated once: its url is listed by exactly one class set, {@code drug-class-<class>} ({@code drug-class-imid}, one per
 * {@link DrugClass}). Catalogue order — classes in {@link DrugClass} order, drugs in the order their class set lists
 * them — orders every drug list the engine prints, and decides which drug a text naming two of them is read as.
 *
 * <p>A product whose route the product itself fixes is a sub-concept of its drug, {@code drug-<name>-subcutaneous}
 * (or {@code -intravenous}, {@code -oral}), included by the drug's set: its codes say the route, and its words
 * ("faspro") say it of a drug already recognised. Both daratumumab products are one drug for sequencing (§9.4).
 *
 * <p>Names of drugs outside the catalogue that contain a catalogued name ("melphalan flufenamide"):
 * {@code medication-names-outside-catalogue}; a medication named so is not recognised by name at all.
 *
 * <p>Why a drug was stopped: {@code status-reason-toxicity} (codes and words that mean an adverse event or intolerance).
 */
public final class DrugCatalogue {
    /** A recognised drug and, where the product itself fixes it (SC co-formulations), the route. */
    public record DrugMatch(Drug drug, Route productRoute) {
        public DrugMatch { productRoute = productRoute == null ? Route.UNKNOWN : productRoute; }
    }

    static final String DRUG_PREFIX = "drug-";
    static final String CLASS_PREFIX = "drug-class-";
    private static final List<Route> PRODUCT_ROUTES = List.of(Route.SUBCUTANEOUS, Route.INTRAVENOUS, Route.ORAL);

    private final List<Drug> drugs = new ArrayList<>();
    private final Map<String, Drug> byId = new LinkedHashMap<>();
    private final Map<Drug, ValueSet> setOf = new HashMap<>();
    private final Map<Drug, Family<Route>> productRoutes = new HashMap<>();
    private final Family<Drug> family;
    private final ValueSet toxicity;
    private final ValueSet outsideCatalogue;
    private final ValueSet innStem;
    private final ValueSet noMyelomaUse;
    private final ValueSet gvhdProphylaxis;
    private final ValueSet gvhdProphylaxisBySchedule;
    private final ValueSet namesNoDrug;
    private final ValueSet supportive;
    private final ValueSet mobilisation;
    private final ValueSet nonAntineoplastic;
    private final ValueSet parenteral;
    private final ValueSet oralDoseForm;
    private final ValueSet regimen;
    private final ValueSet blinded;
    private final ValueSet bodySurfaceArea;
    private final Terminology terminology;

    DrugCatalogue(Terminology t) {
        this.terminology = t;
        Map<ValueSet, ValueSet> classOf = new IdentityHashMap<>();
        List<Family.Entry<Drug>> entries = new ArrayList<>();
        for (ValueSet vs : t.valueSets()) {
            if (vs.id().startsWith(CLASS_PREFIX) && classNamed(vs.id()).isEmpty()) {
                t.problem(TerminologyProblem.error(vs.location(), vs.id() + " names no drug class the rules reason about (classes: "
                        + String.join(", ", java.util.Arrays.stream(DrugClass.values()).map(c -> CLASS_PREFIX + Terminology.kebab(c)).toList()) + ")"));
            }
        }
        for (DrugClass c : DrugClass.values()) {
            Optional<ValueSet> classSet = t.find(CLASS_PREFIX + Terminology.kebab(c));
            if (classSet.isEmpty()) continue;
            for (ValueSet.Include inc : classSet.get().includes()) {
                if (inc.system() != null) {
                    t.problem(TerminologyProblem.error(inc.location(), classSet.get().id()
                            + " lists drugs by their value sets (compose.include.valueSet), not codes: a code belongs to a drug's set"));
                }
            }
            for (ValueSet drugSet : t.included(classSet.get())) {
                if (!drugSet.id().startsWith(DRUG_PREFIX) || drugSet.id().startsWith(CLASS_PREFIX)) {
                    t.problem(TerminologyProblem.error(classSet.get().location(), classSet.get().id() + " includes " + drugSet.id()
                            + ", which is not a drug's value set (drug-<name>)"));
                    continue;
                }
                ValueSet previous = classOf.putIfAbsent(drugSet, classSet.get());
                if (previous != null) {
                    t.problem(TerminologyProblem.error(classSet.get().location(), drugSet.id() + " is listed by " + previous.id()
                            + " and " + classSet.get().id() + ": a drug has one class"));
                    continue;
                }
                String id = drugSet.id().substring(DRUG_PREFIX.length()).toUpperCase(Locale.ROOT).replace('-', '_');
                Drug drug = Drug.catalogued(id, drugSet.title(), c, drugs.size());
                drugs.add(drug);
                byId.put(id, drug);
                setOf.put(drug, drugSet);
                entries.add(new Family.Entry<>(drugSet, drug));
            }
        }
        for (ValueSet vs : t.valueSets()) {
            if (!vs.id().startsWith(DRUG_PREFIX) || vs.id().startsWith(CLASS_PREFIX) || classOf.containsKey(vs)) continue;
            if (productOf(t, vs) == null) {
                t.problem(TerminologyProblem.error(vs.location(), vs.id() + " has no class: list its url in one drug-class-*.json"
                        + " (or, for a product of a drug, name it drug-<name>-subcutaneous|intravenous|oral and include it from drug-<name>)"));
            }
        }
        for (Drug d : drugs) {
            ValueSet drugSet = setOf.get(d);
            List<Family.Entry<Route>> routes = new ArrayList<>();
            for (Route r : PRODUCT_ROUTES) {
                t.find(drugSet.id() + "-" + Terminology.kebab(r)).ifPresent(sub -> {
                    if (t.included(drugSet).contains(sub)) routes.add(new Family.Entry<>(sub, r));
                    else t.problem(TerminologyProblem.error(sub.location(), sub.id() + " is a product of " + drugSet.id()
                            + " only if " + drugSet.id() + " includes it (compose.include.valueSet)"));
                });
            }
            productRoutes.put(d, t.family(drugSet.id() + " products", routes, true));
        }
        family = t.family("drugs", entries, true);
        toxicity = t.require("status-reason-toxicity", "which status reasons mean a drug was stopped for toxicity");
        outsideCatalogue = t.require("medication-names-outside-catalogue", "names of drugs outside the catalogue that contain a catalogued name");
        innStem = t.require("medication-names-antineoplastic-inn-stem", "names of unlisted drugs carrying an antineoplastic INN stem");
        noMyelomaUse = t.require("medication-antineoplastic-no-myeloma-use", "names of antineoplastics with no use in myeloma");
        supportive = t.require("medication-supportive-myeloma-care", "supportive drugs given to myeloma patients, by name and ATC group");
        bodySurfaceArea = t.require("medication-dose-body-surface-area", "doses stated per square metre of body-surface area");
        nonAntineoplastic = t.require("medication-non-antineoplastic", "drugs recognised as no antineoplastic, by ATC group and name");
        parenteral = t.require("medication-given-parenterally", "words saying a medication is given by infusion or injection");
        oralDoseForm = t.require("medication-oral-dose-form", "words giving an oral dose form or route");
        regimen = t.require("medication-taken-as-regimen", "words saying a medication is taken on a regimen's cyclic schedule or as a trial product");
        mobilisation = t.require("medication-transplant-preparation", "words and drugs saying a medication is stem-cell mobilisation");
        gvhdProphylaxis = t.require("medication-gvhd-prophylaxis", "words saying a medication is GVHD prophylaxis of an allogeneic transplant");
        gvhdProphylaxisBySchedule = t.require("medication-gvhd-prophylaxis-by-schedule", "drugs read as GVHD prophylaxis by the days they are given after an allogeneic transplant");
        namesNoDrug = t.require("medication-names-no-drug", "medication names made only of dose-form, strength, route and schedule words");
        blinded = t.require("medication-blinded-product", "words saying a medication is a blinded trial product (the drug or a placebo)");
    }

    private static Optional<DrugClass> classNamed(String setId) {
        String name = setId.substring(CLASS_PREFIX.length()).toUpperCase(Locale.ROOT).replace('-', '_');
        try {
            return Optional.of(DrugClass.valueOf(name));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The drug set a product sub-set belongs to, or null. */
    private static ValueSet productOf(Terminology t, ValueSet vs) {
        for (Route r : PRODUCT_ROUTES) {
            String suffix = "-" + Terminology.kebab(r);
            if (vs.id().endsWith(suffix)) {
                return t.find(vs.id().substring(0, vs.id().length() - suffix.length())).orElse(null);
            }
        }
        return null;
    }

    /** Every drug, in catalogue order. */
    public List<Drug> drugs() { return Collections.unmodifiableList(drugs); }

    /**
     * The catalogue's catch-all for an antineoplastic it cannot name (class OTHER: {@code drug-unclassified-antineoplastic}),
     * for therapy recorded without a drug (a chemotherapy Procedure); empty when the catalogue has none.
     */
    public Optional<Drug> unclassifiedAntineoplastic() {
        return drugs.stream().filter(d -> d.getDrugClass() == DrugClass.OTHER).findFirst();
    }

    /** A drug by id ("LENALIDOMIDE") or by its name in regimens.yaml ("lenalidomide", "ciltacabtagene autoleucel"). */
    public Optional<Drug> find(String idOrName) {
        if (idOrName == null) return Optional.empty();
        return Optional.ofNullable(byId.get(idOrName.trim().toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_')));
    }

    /** The catalogue's instance of a drug named in Java or DRL. */
    public Optional<Drug> resolve(Drug named) { return find(named.name()); }

    public ValueSet valueSetOf(Drug drug) { return setOf.get(drug); }

    /** The drug a code names (RxNorm, ATC, HCPCS), with the route when the code is a product's. */
    public Optional<DrugMatch> byCode(String system, String code) {
        return family.byCode(system, code).map(m -> new DrugMatch(m.value(),
                productRoutes.get(m.value()).valueByCode(system, code).orElse(Route.UNKNOWN)));
    }

    /** A drug named in a display or text (case-insensitive); the first in catalogue order when several are. */
    public Optional<DrugMatch> byName(String text) {
        if (text == null || text.isBlank()) return Optional.empty();
        if (outsideCatalogue != null && outsideCatalogue.text().matches(text)) return Optional.empty();
        return family.byText(text).map(d -> new DrugMatch(d, productRouteFromName(d, text)));
    }

    /**
     * Every drug a medication's name names, in catalogue order, each with the route its product name says: a regimen
     * recorded as one medication ("Carfilzomib / lenalidomide / dexamethasone") is all three. Empty for a name of a drug
     * outside the catalogue that contains a catalogued one, as {@link #byName}.
     */
    public List<DrugMatch> allByName(String text) {
        if (text == null || text.isBlank()) return List.of();
        if (outsideCatalogue != null && outsideCatalogue.text().matches(text)) return List.of();
        List<Drug> named = allNamedIn(text);
        if (named.size() < 2) return named.stream().map(d -> new DrugMatch(d, productRouteFromName(d, text))).toList();
        Map<Drug, List<int[]>> spans = new HashMap<>();
        for (Drug d : named) spans.put(d, setOf.get(d).text().spans(text));
        List<DrugMatch> out = new ArrayList<>();
        for (Drug d : named) {
            boolean standsAlone = spans.get(d).stream().anyMatch(s -> spans.entrySet().stream()
                    .noneMatch(o -> o.getKey() != d && o.getValue().stream().anyMatch(l -> within(s, l))));
            if (standsAlone) out.add(new DrugMatch(d, productRouteFromName(d, text)));
        }
        return out;
    }

    /** True when span s lies inside the longer span l. */
    private static boolean within(int[] s, int[] l) {
        return l[0] <= s[0] && s[1] <= l[1] && (l[1] - l[0]) > (s[1] - s[0]);
    }

    /**
     * The first word of a name that carries an antineoplastic WHO INN stem ("forimtamig" in "forimtamig (GPRC5D x CD3)
     * SC"), for a name the catalogue does not know (CDS-POLICY-NAMES-INN-STEM); empty when none does.
     */
    public Optional<String> innStemWord(String text) {
        if (innStem == null || text == null || text.isBlank()) return Optional.empty();
        if (outsideCatalogue != null && outsideCatalogue.text().matches(text)) return Optional.empty();
        return innStem.text().spans(text).stream().min(java.util.Comparator.comparingInt((int[] s) -> s[0]))
                .map(s -> text.substring(s[0], s[1]));
    }

    /**
     * The first name in a text of an antineoplastic with no use in myeloma ("trastuzumab" in "trastuzumab 6 mg/kg IV":
     * {@code medication-antineoplastic-no-myeloma-use}), for a name the catalogue does not know; empty when none is.
     * Such a drug is other therapy, never an unlisted drug that may be anti-myeloma therapy (CDS-POLICY-NO-MYELOMA-USE).
     */
    public Optional<String> noMyelomaUseWord(String text) {
        if (noMyelomaUse == null || text == null || text.isBlank()) return Optional.empty();
        if (outsideCatalogue != null && outsideCatalogue.text().matches(text)) return Optional.empty();
        return noMyelomaUse.text().spans(text).stream().min(java.util.Comparator.comparingInt((int[] s) -> s[0]))
                .map(s -> text.substring(s[0], s[1]));
    }

    /**
     * Whether a coding is one the set of antineoplastics with no use in myeloma lists by code (methotrexate by its RxNorm
     * ingredient and SNOMED CT substance codes): a record naming such a drug by code is as named as one naming it by word
     * (CDS-POLICY-NO-MYELOMA-USE).
     */
    public boolean isNoMyelomaUseCode(String system, String code) {
        return noMyelomaUse != null && code != null && terminology.holds(noMyelomaUse, system, code);
    }

    /**
     * Whether a drug the catalogue does not know is a supportive drug given to myeloma patients (bisphosphonates,
     * antivirals, antiemetics, G-CSF, analgesics …: {@code medication-supportive-myeloma-care}), by an ATC code of its
     * groups or by name. Such a drug is not read as possible anti-myeloma therapy for its myeloma reason or its dose per
     * m² (CDS-POLICY-UNNAMED-MYELOMA-REASON, CDS-POLICY-UNNAMED-BSA-DOSE).
     */
    public boolean isSupportive(String system, String code, String text) {
        if (supportive == null) return false;
        return (code != null && terminology.holds(supportive, system, code)) || supportive.text().matches(text);
    }

    /**
     * Whether a drug the catalogue does not know is recognised as no antineoplastic ({@code medication-non-antineoplastic}:
     * a WHO ATC code outside L and H02, or the name of an anaesthetic, antibiotic, cardiovascular drug, insulin, fluid …),
     * so that giving it by infusion or injection does not make it possible anti-myeloma therapy
     * (CDS-POLICY-UNNAMED2-NON-ANTINEOPLASTIC, CDS-POLICY-UNNAMED2-PARENTERAL).
     */
    public boolean isRecognisedNonAntineoplastic(String system, String code, String text) {
        if (nonAntineoplastic == null) return false;
        return (code != null && terminology.holds(nonAntineoplastic, system, code)) || nonAntineoplastic.text().matches(text);
    }

    /**
     * Whether a record's code or words name a drug of {@code medication-gvhd-prophylaxis-by-schedule} (methotrexate, by
     * name, "methotrexate 10 mg/m2 IV", or by its code alone, RxNorm 6851): the drug whose doses on the classic days after
     * an allogeneic transplant are its GVHD prophylaxis with no words saying so (CDS-POLICY-GVHD-PROPHYLAXIS).
     */
    public boolean isGvhdProphylaxisByScheduleDrug(String system, String code, String text) {
        if (gvhdProphylaxisBySchedule == null) return false;
        if (code != null && terminology.holds(gvhdProphylaxisBySchedule, system, code)) return true;
        return text != null && !text.isBlank() && gvhdProphylaxisBySchedule.text().matches(text);
    }

    /**
     * Whether a medication's name is made only of dose-form, strength, route and schedule words and names no drug at all
     * ("capsule 10 mg daily", "tablet 4 mg once daily", "injection weekly"):
     * {@code medication-names-no-drug}, CDS-POLICY-RECORD-NAMES-NO-DRUG.
     */
    public boolean namesNoDrug(String text) {
        return namesNoDrug != null && text != null && !text.isBlank() && namesNoDrug.text().matches(text);
    }

    /**
     * Whether a text says a medication is taken on an anti-cancer regimen's cyclic schedule ("days 1-21 of each 28-day
     * cycle"), as an investigational or trial product ("per protocol", a development code such as "CC-92480") or as a
     * phase of anti-myeloma therapy ("maintenance capsule", "post-transplant maintenance", "consolidation"):
     * {@code medication-taken-as-regimen}, CDS-POLICY-ORAL-REGIMEN.
     */
    public boolean saysRegimen(String text) {
        return regimen != null && text != null && !text.isBlank() && regimen.text().matches(text);
    }

    /**
     * The words of a text that say a medication was given as prophylaxis of graft-versus-host disease ("GVHD prophylaxis",
     * "post-transplant cyclophosphamide": the first such stretch, {@code medication-gvhd-prophylaxis}); empty when none do
     * (CDS-POLICY-GVHD-PROPHYLAXIS).
     */
    public Optional<String> gvhdProphylaxisWords(String text) {
        if (gvhdProphylaxis == null || text == null || text.isBlank()) return Optional.empty();
        return gvhdProphylaxis.text().spans(text).stream().min(java.util.Comparator.comparingInt((int[] s) -> s[0]))
                .map(s -> text.substring(s[0], s[1]));
    }

    /**
     * The words of a text that say stem-cell mobilisation ("stem cell mobilisation", "filgrastim", "plerixafor": the first
     * such stretch, {@code medication-transplant-preparation}); empty when none do (CDS-POLICY-TIMELINE4-TRANSPLANT-PENDING).
     */
    public Optional<String> mobilisationWords(String text) {
        if (mobilisation == null || text == null || text.isBlank()) return Optional.empty();
        return mobilisation.text().spans(text).stream().min(java.util.Comparator.comparingInt((int[] s) -> s[0]))
                .map(s -> text.substring(s[0], s[1]));
    }

    /**
     * The words of a text that say it is a blinded trial product, the drug it names or a placebo ("or placebo",
     * "double-blind": the first such stretch, {@code medication-blinded-product}); empty when none do
     * (CDS-POLICY-BLINDED-STUDY-DRUG).
     */
    public Optional<String> blindedWords(String text) {
        if (blinded == null || text == null || text.isBlank()) return Optional.empty();
        return blinded.text().spans(text).stream().min(java.util.Comparator.comparingInt((int[] s) -> s[0]))
                .map(s -> text.substring(s[0], s[1]));
    }

    /**
     * Whether a text gives an oral dose form or route ("cap", "tablet", "PO", "by mouth": {@code medication-oral-dose-form},
     * CDS-POLICY-NO-DRUG-ORAL-FORM).
     */
    public boolean saysOralDoseForm(String text) {
        return oralDoseForm != null && text != null && !text.isBlank() && oralDoseForm.text().matches(text);
    }

    /** Whether a text says a medication is given by infusion or injection ({@code medication-given-parenterally}). */
    public boolean saysParenteral(String text) {
        return parenteral != null && text != null && !text.isBlank() && parenteral.text().matches(text);
    }

    /**
     * The words of a text that state a dose per square metre of body-surface area ("100 mg/m2", "mg/m²": the first such
     * stretch, {@code medication-dose-body-surface-area}); empty when none do (CDS-POLICY-UNNAMED-BSA-DOSE).
     */
    public Optional<String> bodySurfaceAreaDose(String text) {
        if (bodySurfaceArea == null || text == null || text.isBlank()) return Optional.empty();
        return bodySurfaceArea.text().spans(text).stream().min(java.util.Comparator.comparingInt((int[] s) -> s[0]))
                .map(s -> text.substring(s[0], s[1]));
    }

    /** Every catalogue drug a text names ("heart failure on carfilzomib-dexamethasone": carfilzomib, dexamethasone). */
    public List<Drug> allNamedIn(String text) {
        if (text == null || text.isBlank()) return List.of();
        return family.allByText(text).stream().distinct().sorted().toList();
    }

    /** Whether a product name says the drug's route, e.g. "Darzalex Faspro" (subcutaneous daratumumab). */
    public Route productRouteFromName(Drug drug, String text) {
        Family<Route> routes = productRoutes.get(drug);
        return routes == null ? Route.UNKNOWN : routes.byText(text).orElse(Route.UNKNOWN);
    }

    /** True when a status-reason coding or text says the drug was stopped for an adverse event or intolerance. */
    public boolean isToxicityReason(String system, String code, String text) {
        return terminology.holds(toxicity, system, code) || toxicity.text().matches(text);
    }
}
