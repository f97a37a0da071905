package org.myelomacds.fhir.terminology;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.myelomacds.facts.Drug;
import org.myelomacds.facts.Route;

/**
 * Drug identity by RxNorm, ATC, HCPCS or name (clinical-evidence.md §9.4). Status tags: V verified,
 * T third-party list only, U unverified, M added here and not in §9. Both daratumumab products are the same
 * drug (§9.4 mapping advice); the SC product is told apart by its codes or name and reported as the route.
 */
public final class MedicationCodes {
    private MedicationCodes() { }

    /** A recognised drug and, where the product itself fixes it (SC co-formulations), the route. */
    public record DrugMatch(Drug drug, Route productRoute) {
        public DrugMatch { productRoute = productRoute == null ? Route.UNKNOWN : productRoute; }
    }

    // ---- RxNorm ----
    /** V (CIBMTR-IG): daratumumab IN. */ public static final String RX_DARATUMUMAB = "1721947";
    /** V: Darzalex BN. */ public static final String RX_DARZALEX = "1721952";
    /** V: daratumumab + hyaluronidase MIN (SC). */ public static final String RX_DARA_HYALURONIDASE = "2372199";
    /** V: daratumumab-fihj (SC product ingredient). */ public static final String RX_DARATUMUMAB_FIHJ = "2375130";
    /** V: Darzalex Faspro BN. */ public static final String RX_DARZALEX_FASPRO = "2375137";
    /** V: Darzalex Faspro SCD. */ public static final String RX_DARA_SC_SCD = "2375136";
    /** V: Darzalex Faspro SBD. */ public static final String RX_DARA_SC_SBD = "2375141";
    /** V: lenalidomide IN. */ public static final String RX_LENALIDOMIDE = "342369";
    /** V: Revlimid BN. */ public static final String RX_REVLIMID = "337535";
    /** T (list citing RxNav): pomalidomide IN. */ public static final String RX_POMALIDOMIDE = "1369713";
    /** V: thalidomide IN. */ public static final String RX_THALIDOMIDE = "10432";
    /** V: Thalomid BN. */ public static final String RX_THALOMID = "220239";
    /** V: bortezomib IN. */ public static final String RX_BORTEZOMIB = "358258";
    /** V: Velcade BN. */ public static final String RX_VELCADE = "356733";
    /** V: carfilzomib IN. */ public static final String RX_CARFILZOMIB = "1302966";
    /** V: Kyprolis BN. */ public static final String RX_KYPROLIS = "1302971";
    /** V: ixazomib IN. */ public static final String RX_IXAZOMIB = "1723735";
    /** V: ixazomib citrate PIN. */ public static final String RX_IXAZOMIB_CITRATE = "1723734";
    /** V: Ninlaro BN. */ public static final String RX_NINLARO = "1723758";
    /** V: elotuzumab IN. */ public static final String RX_ELOTUZUMAB = "1726104";
    /** V: Empliciti BN. */ public static final String RX_EMPLICITI = "1726111";
    /** V: melphalan IN. */ public static final String RX_MELPHALAN = "6718";
    /** V: Alkeran BN. */ public static final String RX_ALKERAN = "151325";
    /** V: Evomela BN. */ public static final String RX_EVOMELA = "1745086";
    /** V: cyclophosphamide IN. */ public static final String RX_CYCLOPHOSPHAMIDE = "3002";
    /** T (RXCLASS-T): dexamethasone IN. */ public static final String RX_DEXAMETHASONE = "3264";
    /** M, U: prednisone IN — not in §9; from general RxNorm knowledge, confirm on RxNav. */
    public static final String RX_PREDNISONE = "8640";
    // isatuximab, selinexor, the bispecifics and CAR-T ingredients: no RxCUI verified (§9.4, all U) → by name only.

    // ---- ATC (all T, ATC-T) ----
    /** T */ public static final String ATC_DARATUMUMAB = "L01FC01";
    /** T */ public static final String ATC_ISATUXIMAB = "L01FC02";
    /** T */ public static final String ATC_LENALIDOMIDE = "L04AX04";
    /** T */ public static final String ATC_POMALIDOMIDE = "L04AX06";
    /** T */ public static final String ATC_THALIDOMIDE = "L04AX02";
    /** T */ public static final String ATC_BORTEZOMIB = "L01XG01";
    /** T */ public static final String ATC_CARFILZOMIB = "L01XG02";
    /** T */ public static final String ATC_IXAZOMIB = "L01XG03";
    /** T */ public static final String ATC_DEXAMETHASONE = "H02AB02";
    /** T */ public static final String ATC_MELPHALAN = "L01AA03";
    /** T */ public static final String ATC_CYCLOPHOSPHAMIDE = "L01AA01";
    /** T */ public static final String ATC_PREDNISONE = "H02AB07";
    /** T */ public static final String ATC_ELOTUZUMAB = "L01FX08";
    /** T */ public static final String ATC_SELINEXOR = "L01XX66";

    // ---- HCPCS Level II (all T, HCPCS-T) ----
    /** T: daratumumab IV, 10 mg. */ public static final String HCPCS_DARATUMUMAB = "J9145";
    /** T: daratumumab + hyaluronidase SC. */ public static final String HCPCS_DARATUMUMAB_SC = "J9144";
    /** T: isatuximab, 10 mg. */ public static final String HCPCS_ISATUXIMAB = "J9227";
    /** T: bortezomib. */ public static final String HCPCS_BORTEZOMIB = "J9041";
    /** T: carfilzomib. */ public static final String HCPCS_CARFILZOMIB = "J9047";
    /** T: elotuzumab. */ public static final String HCPCS_ELOTUZUMAB = "J9176";
    /** T: melphalan, 50 mg. */ public static final String HCPCS_MELPHALAN = "J9245";

    private static final Map<String, DrugMatch> RXNORM = Map.ofEntries(
            iv(RX_DARATUMUMAB, Drug.DARATUMUMAB), iv(RX_DARZALEX, Drug.DARATUMUMAB),
            sc(RX_DARA_HYALURONIDASE, Drug.DARATUMUMAB), sc(RX_DARATUMUMAB_FIHJ, Drug.DARATUMUMAB),
            sc(RX_DARZALEX_FASPRO, Drug.DARATUMUMAB), sc(RX_DARA_SC_SCD, Drug.DARATUMUMAB),
            sc(RX_DARA_SC_SBD, Drug.DARATUMUMAB),
            any(RX_LENALIDOMIDE, Drug.LENALIDOMIDE), any(RX_REVLIMID, Drug.LENALIDOMIDE),
            any(RX_POMALIDOMIDE, Drug.POMALIDOMIDE),
            any(RX_THALIDOMIDE, Drug.THALIDOMIDE), any(RX_THALOMID, Drug.THALIDOMIDE),
            any(RX_BORTEZOMIB, Drug.BORTEZOMIB), any(RX_VELCADE, Drug.BORTEZOMIB),
            any(RX_CARFILZOMIB, Drug.CARFILZOMIB), any(RX_KYPROLIS, Drug.CARFILZOMIB),
            any(RX_IXAZOMIB, Drug.IXAZOMIB), any(RX_IXAZOMIB_CITRATE, Drug.IXAZOMIB), any(RX_NINLARO, Drug.IXAZOMIB),
            any(RX_ELOTUZUMAB, Drug.ELOTUZUMAB), any(RX_EMPLICITI, Drug.ELOTUZUMAB),
            any(RX_MELPHALAN, Drug.MELPHALAN), any(RX_ALKERAN, Drug.MELPHALAN), any(RX_EVOMELA, Drug.MELPHALAN),
            any(RX_CYCLOPHOSPHAMIDE, Drug.CYCLOPHOSPHAMIDE),
            any(RX_DEXAMETHASONE, Drug.DEXAMETHASONE),
            any(RX_PREDNISONE, Drug.PREDNISONE));

    private static final Map<String, DrugMatch> ATC = Map.ofEntries(
            any(ATC_DARATUMUMAB, Drug.DARATUMUMAB), any(ATC_ISATUXIMAB, Drug.ISATUXIMAB),
            any(ATC_LENALIDOMIDE, Drug.LENALIDOMIDE), any(ATC_POMALIDOMIDE, Drug.POMALIDOMIDE),
            any(ATC_THALIDOMIDE, Drug.THALIDOMIDE), any(ATC_BORTEZOMIB, Drug.BORTEZOMIB),
            any(ATC_CARFILZOMIB, Drug.CARFILZOMIB), any(ATC_IXAZOMIB, Drug.IXAZOMIB),
            any(ATC_DEXAMETHASONE, Drug.DEXAMETHASONE), any(ATC_MELPHALAN, Drug.MELPHALAN),
            any(ATC_CYCLOPHOSPHAMIDE, Drug.CYCLOPHOSPHAMIDE), any(ATC_PREDNISONE, Drug.PREDNISONE),
            any(ATC_ELOTUZUMAB, Drug.ELOTUZUMAB), any(ATC_SELINEXOR, Drug.SELINEXOR));

    private static final Map<String, DrugMatch> HCPCS = Map.ofEntries(
            iv(HCPCS_DARATUMUMAB, Drug.DARATUMUMAB), sc(HCPCS_DARATUMUMAB_SC, Drug.DARATUMUMAB),
            any(HCPCS_ISATUXIMAB, Drug.ISATUXIMAB), any(HCPCS_BORTEZOMIB, Drug.BORTEZOMIB),
            any(HCPCS_CARFILZOMIB, Drug.CARFILZOMIB), any(HCPCS_ELOTUZUMAB, Drug.ELOTUZUMAB),
            any(HCPCS_MELPHALAN, Drug.MELPHALAN));

    /** Generic and brand names, lower case; matched as substrings of display/text (§9.4 mapping advice). */
    private static final List<Map.Entry<String, Drug>> NAMES = List.of(
            Map.entry("isatuximab", Drug.ISATUXIMAB), Map.entry("sarclisa", Drug.ISATUXIMAB),
            Map.entry("daratumumab", Drug.DARATUMUMAB), Map.entry("darzalex", Drug.DARATUMUMAB),
            Map.entry("lenalidomide", Drug.LENALIDOMIDE), Map.entry("revlimid", Drug.LENALIDOMIDE),
            Map.entry("pomalidomide", Drug.POMALIDOMIDE), Map.entry("pomalyst", Drug.POMALIDOMIDE),
            Map.entry("imnovid", Drug.POMALIDOMIDE),
            Map.entry("thalidomide", Drug.THALIDOMIDE), Map.entry("thalomid", Drug.THALIDOMIDE),
            Map.entry("bortezomib", Drug.BORTEZOMIB), Map.entry("velcade", Drug.BORTEZOMIB),
            Map.entry("carfilzomib", Drug.CARFILZOMIB), Map.entry("kyprolis", Drug.CARFILZOMIB),
            Map.entry("ixazomib", Drug.IXAZOMIB), Map.entry("ninlaro", Drug.IXAZOMIB),
            Map.entry("melphalan", Drug.MELPHALAN),
            Map.entry("cyclophosphamide", Drug.CYCLOPHOSPHAMIDE),
            Map.entry("dexamethasone", Drug.DEXAMETHASONE),
            Map.entry("prednisone", Drug.PREDNISONE),
            Map.entry("elotuzumab", Drug.ELOTUZUMAB), Map.entry("empliciti", Drug.ELOTUZUMAB),
            Map.entry("selinexor", Drug.SELINEXOR), Map.entry("xpovio", Drug.SELINEXOR),
            Map.entry("teclistamab", Drug.TECLISTAMAB), Map.entry("tecvayli", Drug.TECLISTAMAB),
            Map.entry("elranatamab", Drug.ELRANATAMAB), Map.entry("elrexfio", Drug.ELRANATAMAB),
            Map.entry("talquetamab", Drug.TALQUETAMAB), Map.entry("talvey", Drug.TALQUETAMAB),
            Map.entry("ciltacabtagene", Drug.CILTACABTAGENE_AUTOLEUCEL), Map.entry("carvykti", Drug.CILTACABTAGENE_AUTOLEUCEL),
            Map.entry("idecabtagene", Drug.IDECABTAGENE_VICLEUCEL), Map.entry("abecma", Drug.IDECABTAGENE_VICLEUCEL));

    /** Names that contain a recognised name but are a different drug (melphalan flufenamide is not melphalan). */
    private static final List<String> NOT_THE_SAME_DRUG = List.of("flufenamide", "melflufen", "pepaxto");

    /** Words in a daratumumab or isatuximab product name that make it the subcutaneous product. */
    private static final List<String> DARA_SC_WORDS = List.of("faspro", "hyaluronidase");
    private static final List<String> ISA_SC_WORDS = List.of("escena");

    public static Optional<DrugMatch> byCode(String system, String code) {
        if (code == null || code.isBlank()) return Optional.empty();
        String c = code.trim();
        if (CodeSystems.same(system, CodeSystems.RXNORM)) return Optional.ofNullable(RXNORM.get(c));
        if (CodeSystems.same(system, CodeSystems.ATC)) return Optional.ofNullable(ATC.get(c.toUpperCase(Locale.ROOT)));
        if (CodeSystems.isHcpcs(system)) return Optional.ofNullable(HCPCS.get(c.toUpperCase(Locale.ROOT)));
        return Optional.empty();
    }

    /** Case-insensitive substring match on a display or text; the SC products are recognised by name too. */
    public static Optional<DrugMatch> byName(String text) {
        if (text == null || text.isBlank()) return Optional.empty();
        String t = text.toLowerCase(Locale.ROOT);
        for (String excluded : NOT_THE_SAME_DRUG) if (t.contains(excluded)) return Optional.empty();
        for (Map.Entry<String, Drug> name : NAMES) {
            if (t.contains(name.getKey())) {
                Drug drug = name.getValue();
                return Optional.of(new DrugMatch(drug, productRouteFromName(drug, t)));
            }
        }
        return Optional.empty();
    }

    /** Whether a product name says the subcutaneous anti-CD38 product, e.g. "Darzalex Faspro". */
    public static Route productRouteFromName(Drug drug, String text) {
        if (text == null) return Route.UNKNOWN;
        String t = text.toLowerCase(Locale.ROOT);
        List<String> words = drug == Drug.DARATUMUMAB ? DARA_SC_WORDS : drug == Drug.ISATUXIMAB ? ISA_SC_WORDS : List.of();
        for (String w : words) if (t.contains(w)) return Route.SUBCUTANEOUS;
        return Route.UNKNOWN;
    }

    // ---- why a drug was stopped ----
    /** M (brief; SNOMED): adverse reaction — a status reason meaning the drug was stopped for toxicity. */
    public static final String SCT_ADVERSE_REACTION = "281647001";
    private static final List<String> TOXICITY_WORDS = List.of(
            "adverse", "toxic", "intoleran", "side effect", "side-effect", "not tolerated", "hypersensitiv");

    /** True when a status-reason coding or text says the drug was stopped for an adverse event or intolerance. */
    public static boolean isToxicityReason(String system, String code, String text) {
        if (CodeSystems.same(system, CodeSystems.SNOMED) && SCT_ADVERSE_REACTION.equals(code)) return true;
        if (text == null) return false;
        String t = text.toLowerCase(Locale.ROOT);
        for (String w : TOXICITY_WORDS) if (t.contains(w)) return true;
        return false;
    }

    private static Map.Entry<String, DrugMatch> any(String code, Drug drug) { return Map.entry(code, new DrugMatch(drug, Route.UNKNOWN)); }
    private static Map.Entry<String, DrugMatch> iv(String code, Drug drug) { return Map.entry(code, new DrugMatch(drug, Route.INTRAVENOUS)); }
    private static Map.Entry<String, DrugMatch> sc(String code, Drug drug) { return Map.entry(code, new DrugMatch(drug, Route.SUBCUTANEOUS)); }
}
