package org.myelomacds.fhir.terminology;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.myelomacds.facts.MeasurementKind;

/**
 * LOINC observation codes read as measurements (clinical-evidence.md §9.3). Status tags: V verified,
 * T third-party list only, U unverified, M added here and not in §9.
 * Each code also says which unit to assume when a result carries none: the LOINC property fixes it
 * (2160-0 is a mass concentration, 14682-9 a molar one), so a unitless creatinine is not a guess.
 */
public final class ObservationCodes {
    private ObservationCodes() { }

    /** What a LOINC code measures, how (method, for eGFR/CrCl) and the unit implied by the code. */
    public record ObservationCode(String loinc, MeasurementKind kind, String method, String impliedUnit) { }

    public static final String UNVERIFIED_EGFR_METHOD = "unspecified (unverified code)";

    // ---- eGFR ----
    /** V: eGFR MDRD, serum/plasma (legacy). */ public static final String EGFR_MDRD = "33914-3";
    /** V: eGFR MDRD among non-blacks. */ public static final String EGFR_MDRD_NON_BLACK = "48642-3";
    /** V: eGFR MDRD among blacks. */ public static final String EGFR_MDRD_BLACK = "48643-1";
    /** V (ISiK VS): eGFR MDRD, serum/plasma/blood. */ public static final String EGFR_MDRD_SPB = "77147-7";
    /** V: eGFR CKD-EPI 2009 (creatinine). */ public static final String EGFR_CKD_EPI_2009 = "62238-1";
    /** V: eGFR CKD-EPI among blacks. */ public static final String EGFR_CKD_EPI_BLACK = "88293-6";
    /** V: eGFR CKD-EPI among non-blacks. */ public static final String EGFR_CKD_EPI_NON_BLACK = "88294-4";
    /** V: eGFR CKD-EPI 2021, creatinine, race-free. */ public static final String EGFR_CKD_EPI_2021 = "98979-8";
    /** V: eGFR CKD-EPI 2021, creatinine + cystatin C. */ public static final String EGFR_CKD_EPI_CR_CYS_2021 = "98980-6";
    /** V: eGFR CKD-EPI creatinine + cystatin C. */ public static final String EGFR_CKD_EPI_CR_CYS = "94677-2";
    /** V: eGFR Schwartz — paediatric; deliberately NOT read (absent from the table below). */
    public static final String EGFR_SCHWARTZ_PAEDIATRIC = "50384-7";
    /** U: eGFR code seen only in third-party query lists. */ public static final String EGFR_UNVERIFIED_1 = "50044-7";
    /** U */ public static final String EGFR_UNVERIFIED_2 = "50210-4";
    /** U */ public static final String EGFR_UNVERIFIED_3 = "69405-9";
    /** U */ public static final String EGFR_UNVERIFIED_4 = "70969-1";

    // ---- creatinine clearance ----
    /** V: CrCl predicted by Cockcroft-Gault. */ public static final String CRCL_COCKCROFT_GAULT = "35591-7";
    /** U: CrCl measured, 24-h urine + serum. */ public static final String CRCL_MEASURED_24H = "2164-2";
    /** U: CrCl Cockcroft-Gault per BSA. */ public static final String CRCL_COCKCROFT_GAULT_BSA = "35592-5";

    // ---- creatinine, body size, lung, performance, heart ----
    /** V: serum creatinine, mass/volume. */ public static final String CREATININE_MASS = "2160-0";
    /** V: serum creatinine, moles/volume. */ public static final String CREATININE_MOLAR = "14682-9";
    /** V: creatinine in blood (mass/volume). */ public static final String CREATININE_BLOOD = "38483-4";
    /** V: body weight. */ public static final String BODY_WEIGHT = "29463-7";
    /** V: body height. */ public static final String BODY_HEIGHT = "8302-2";
    /** V: FEV1. */ public static final String FEV1 = "20150-9";
    /** V: FEV1 measured/predicted (%). Not 19868-9 / 19926-5 (§9.3 warns against those). */
    public static final String FEV1_PERCENT_PREDICTED = "20152-5";
    /** V (mCODE): ECOG performance status; answers from LOINC list LL529-9. */ public static final String ECOG = "89247-1";
    /** V (mCODE): Karnofsky performance status. */ public static final String KARNOFSKY = "89243-0";
    /** M: LVEF — not in §9; LOINC "Left ventricular Ejection fraction" seen in several public code lists (T). */
    public static final String LVEF = "10230-1";

    // ---- hepatitis B, blood bank ----
    /** V: HBsAg, serum/plasma, immunoassay. */ public static final String HBSAG_SP = "5196-1";
    /** V: HBsAg, serum. */ public static final String HBSAG_SERUM = "5195-3";
    /** V (LOINC-XS): anti-HBc total, serum. */ public static final String ANTI_HBC = "16933-4";
    /** V (LOINC-XS): anti-HBc total, serum/plasma, immunoassay. */ public static final String ANTI_HBC_SP = "13952-7";
    /** V (LOINC-XS): HBV DNA viral load, IU/mL. */ public static final String HBV_DNA_IU = "42595-9";
    /** T: HBV DNA, copies/mL (not convertible to IU/mL without the assay factor). */ public static final String HBV_DNA_COPIES = "29615-2";
    /** V (LOINC-XS): ABO and Rh group. */ public static final String ABO_RH = "882-1";
    /** V (LOINC-XS): ABO group. */ public static final String ABO = "883-9";
    /** V (LOINC-XS): Rh type. */ public static final String RH = "10331-7";
    /** V (LOINC-XS): blood group antibody screen. */ public static final String ANTIBODY_SCREEN = "890-4";

    // ---- paraprotein ----
    /** V (LOINC-XS): serum M-protein (M-spike). */ public static final String M_PROTEIN = "33358-3";
    /** V (LOINC-XS): free kappa light chains, serum. */ public static final String FREE_KAPPA = "36916-5";
    /** V (LOINC-XS): free lambda light chains, serum. */ public static final String FREE_LAMBDA = "33944-0";
    /** V (LOINC-XS): free kappa/lambda ratio, serum. */ public static final String FREE_LIGHT_CHAIN_RATIO = "48378-4";
    /** V (LOINC-XS): serum immunofixation interpretation; its text also gives the isotype. */
    public static final String IMMUNOFIXATION = "14895-7";

    private static final Map<String, ObservationCode> TABLE = new HashMap<>();

    static {
        egfr(EGFR_MDRD, "MDRD");
        egfr(EGFR_MDRD_NON_BLACK, "MDRD");
        egfr(EGFR_MDRD_BLACK, "MDRD");
        egfr(EGFR_MDRD_SPB, "MDRD");
        egfr(EGFR_CKD_EPI_2009, "CKD-EPI 2009");
        egfr(EGFR_CKD_EPI_BLACK, "CKD-EPI 2009");
        egfr(EGFR_CKD_EPI_NON_BLACK, "CKD-EPI 2009");
        egfr(EGFR_CKD_EPI_2021, "CKD-EPI 2021");
        egfr(EGFR_CKD_EPI_CR_CYS_2021, "CKD-EPI creatinine-cystatin C");
        egfr(EGFR_CKD_EPI_CR_CYS, "CKD-EPI creatinine-cystatin C");
        egfr(EGFR_UNVERIFIED_1, UNVERIFIED_EGFR_METHOD);
        egfr(EGFR_UNVERIFIED_2, UNVERIFIED_EGFR_METHOD);
        egfr(EGFR_UNVERIFIED_3, UNVERIFIED_EGFR_METHOD);
        egfr(EGFR_UNVERIFIED_4, UNVERIFIED_EGFR_METHOD);
        put(CRCL_COCKCROFT_GAULT, MeasurementKind.CREATININE_CLEARANCE, "Cockcroft-Gault (reported)", "mL/min");
        put(CRCL_MEASURED_24H, MeasurementKind.CREATININE_CLEARANCE, "measured 24-h urine", "mL/min");
        put(CRCL_COCKCROFT_GAULT_BSA, MeasurementKind.CREATININE_CLEARANCE, "Cockcroft-Gault per BSA", "mL/min");
        put(CREATININE_MASS, MeasurementKind.SERUM_CREATININE, null, "mg/dL");
        put(CREATININE_MOLAR, MeasurementKind.SERUM_CREATININE, null, "umol/L");
        put(CREATININE_BLOOD, MeasurementKind.SERUM_CREATININE, null, "mg/dL");
        put(BODY_WEIGHT, MeasurementKind.BODY_WEIGHT, null, "kg");
        put(BODY_HEIGHT, MeasurementKind.BODY_HEIGHT, null, "cm");
        put(FEV1, MeasurementKind.FEV1, null, "L");
        put(FEV1_PERCENT_PREDICTED, MeasurementKind.FEV1_PERCENT_PREDICTED, null, "%");
        put(ECOG, MeasurementKind.ECOG, null, null);
        put(KARNOFSKY, MeasurementKind.KARNOFSKY, null, null);
        put(LVEF, MeasurementKind.LVEF, null, "%");
        put(HBSAG_SP, MeasurementKind.HBSAG, null, null);
        put(HBSAG_SERUM, MeasurementKind.HBSAG, null, null);
        put(ANTI_HBC, MeasurementKind.ANTI_HBC, null, null);
        put(ANTI_HBC_SP, MeasurementKind.ANTI_HBC, null, null);
        put(HBV_DNA_IU, MeasurementKind.HBV_DNA, null, "[IU]/mL");
        put(HBV_DNA_COPIES, MeasurementKind.HBV_DNA, null, "{copies}/mL");
        put(ABO_RH, MeasurementKind.ABO_RH_GROUP, null, null);
        put(ABO, MeasurementKind.ABO_GROUP, null, null);
        put(RH, MeasurementKind.RH_TYPE, null, null);
        put(ANTIBODY_SCREEN, MeasurementKind.ANTIBODY_SCREEN, null, null);
        put(M_PROTEIN, MeasurementKind.SERUM_M_PROTEIN, null, "g/dL");
        put(FREE_KAPPA, MeasurementKind.FREE_KAPPA, null, "mg/L");
        put(FREE_LAMBDA, MeasurementKind.FREE_LAMBDA, null, "mg/L");
        put(FREE_LIGHT_CHAIN_RATIO, MeasurementKind.FREE_LIGHT_CHAIN_RATIO, null, null);
        put(IMMUNOFIXATION, MeasurementKind.SERUM_IMMUNOFIXATION, null, null);
    }

    private static void egfr(String loinc, String method) {
        put(loinc, MeasurementKind.EGFR, method, "mL/min/{1.73_m2}");
    }

    private static void put(String loinc, MeasurementKind kind, String method, String impliedUnit) {
        TABLE.put(loinc, new ObservationCode(loinc, kind, method, impliedUnit));
    }

    public static Optional<ObservationCode> lookup(String system, String code) {
        if (code == null || !CodeSystems.same(system, CodeSystems.LOINC)) return Optional.empty();
        return Optional.ofNullable(TABLE.get(code.trim()));
    }
}
