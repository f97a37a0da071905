package org.myelomacds.fhir.terminology;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.myelomacds.facts.ProcedureKind;

/** Stem-cell transplant and dialysis procedures (clinical-evidence.md §9.2 and §9.1 dialysis row). */
public final class ProcedureCodes {
    private ProcedureCodes() { }

    /** T (PEDCAN-IG, single-sourced): transplantation of autologous haematopoietic stem cell. */
    public static final String SCT_AUTOLOGOUS_HSCT = "709115004";
    /** T: autologous bone marrow transplant. */ public static final String SCT_AUTOLOGOUS_BMT = "58776007";
    /** T (US extension): allogeneic HSCT. */ public static final String SCT_ALLOGENEIC_HSCT = "174241000112100";
    /** V: haemopoietic stem cell transplant (parent; autologous or not unstated). */ public static final String SCT_HSCT = "234336002";
    /** T: ICD-10-PCS autologous HSC transfusion, central vein, percutaneous. */ public static final String PCS_AUTOLOGOUS_HSCT = "30243Y0";
    /** T (§9.1): renal dialysis. */ public static final String SCT_DIALYSIS = "265764009";
    /** T (§9.1): haemodialysis. */ public static final String SCT_HAEMODIALYSIS = "302497006";

    private static final Map<String, ProcedureKind> SNOMED = Map.of(
            SCT_AUTOLOGOUS_HSCT, ProcedureKind.AUTOLOGOUS_STEM_CELL_TRANSPLANT,
            SCT_AUTOLOGOUS_BMT, ProcedureKind.AUTOLOGOUS_STEM_CELL_TRANSPLANT,
            SCT_ALLOGENEIC_HSCT, ProcedureKind.ALLOGENEIC_STEM_CELL_TRANSPLANT,
            SCT_HSCT, ProcedureKind.STEM_CELL_TRANSPLANT,
            SCT_DIALYSIS, ProcedureKind.DIALYSIS,
            SCT_HAEMODIALYSIS, ProcedureKind.DIALYSIS);

    public static Optional<ProcedureKind> byCode(String system, String code) {
        if (code == null) return Optional.empty();
        String c = code.trim();
        if (CodeSystems.same(system, CodeSystems.SNOMED)) return Optional.ofNullable(SNOMED.get(c));
        if (CodeSystems.isIcd10Pcs(system) && PCS_AUTOLOGOUS_HSCT.equalsIgnoreCase(c)) {
            return Optional.of(ProcedureKind.AUTOLOGOUS_STEM_CELL_TRANSPLANT);
        }
        return Optional.empty();
    }

    /** Text fallback for uncoded procedures ("Autologous stem cell transplant", "Haemodialysis"). */
    public static Optional<ProcedureKind> byText(String text) {
        if (text == null) return Optional.empty();
        String t = text.toLowerCase(Locale.ROOT);
        if (t.contains("dialysis")) return Optional.of(ProcedureKind.DIALYSIS);
        boolean transplant = t.contains("stem cell") || t.contains("stem-cell") || t.contains("hsct")
                || t.contains("asct") || t.contains("bone marrow transplant");
        if (!transplant) return Optional.empty();
        if (t.contains("allogeneic") || t.contains("allo-") || t.contains("allo ")) return Optional.of(ProcedureKind.ALLOGENEIC_STEM_CELL_TRANSPLANT);
        if (t.contains("autologous") || t.contains("asct") || t.contains("auto-")) return Optional.of(ProcedureKind.AUTOLOGOUS_STEM_CELL_TRANSPLANT);
        return Optional.of(ProcedureKind.STEM_CELL_TRANSPLANT);
    }
}
