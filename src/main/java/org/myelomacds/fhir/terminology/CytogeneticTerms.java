package org.myelomacds.fhir.terminology;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.myelomacds.facts.CytogeneticAbnormality;

/**
 * How FISH/cytogenetic results name the high-risk abnormalities. No standard LOINC per abnormality exists
 * (§9.3, U), so results are read from ISCN-like text ("del(17p)", "t(4;14)", "+1q21") and gene-fusion names,
 * or from the project CodeSystem codes.
 */
public final class CytogeneticTerms {
    private CytogeneticTerms() { }

    private static final int FLAGS = Pattern.CASE_INSENSITIVE;
    private static final Map<CytogeneticAbnormality, Pattern> PATTERNS = Map.of(
            CytogeneticAbnormality.DEL_17P, Pattern.compile(
                    "del\\s*\\(?\\s*17\\s*\\)?\\s*\\(?\\s*p|17p\\s*(-|del|loss)|deletion\\s+(of\\s+)?(chromosome\\s+)?17p"
                            + "|loss\\s+of\\s+17p|tp53\\s*(deletion|del|loss)|monoallelic\\s+17p", FLAGS),
            CytogeneticAbnormality.T_4_14, Pattern.compile(
                    "t\\s*\\(\\s*4\\s*;\\s*14\\s*\\)|igh\\s*(::|/|-)\\s*(fgfr3|nsd2|whsc1)|(fgfr3|nsd2|whsc1)\\s*(::|/|-)\\s*igh", FLAGS),
            CytogeneticAbnormality.T_14_16, Pattern.compile(
                    "t\\s*\\(\\s*14\\s*;\\s*16\\s*\\)|igh\\s*(::|/|-)\\s*maf\\b|\\bmaf\\s*(::|/|-)\\s*igh", FLAGS),
            CytogeneticAbnormality.T_14_20, Pattern.compile(
                    "t\\s*\\(\\s*14\\s*;\\s*20\\s*\\)|igh\\s*(::|/|-)\\s*mafb|mafb\\s*(::|/|-)\\s*igh", FLAGS),
            CytogeneticAbnormality.GAIN_1Q, Pattern.compile(
                    "(gain|amp\\w*|duplication)\\s*(\\(|of\\s+)?\\s*(chromosome\\s+)?1q|\\+\\s*1q|1q\\s*21\\s*(gain|amp\\w*|\\+)"
                            + "|1q\\s*(gain|amp\\w*|\\+)|cks1b\\s*(gain|amp\\w*)", FLAGS));

    private static final Map<String, CytogeneticAbnormality> PROJECT_CODES = Map.of(
            ProjectCodeSystem.DEL_17P, CytogeneticAbnormality.DEL_17P,
            ProjectCodeSystem.T_4_14, CytogeneticAbnormality.T_4_14,
            ProjectCodeSystem.T_14_16, CytogeneticAbnormality.T_14_16,
            ProjectCodeSystem.T_14_20, CytogeneticAbnormality.T_14_20,
            ProjectCodeSystem.GAIN_1Q, CytogeneticAbnormality.GAIN_1Q);

    /** Words in an Observation.code that mark a cytogenetics result even when no abnormality is named there. */
    private static final List<String> PANEL_WORDS = List.of(
            "fish", "cytogenet", "karyotyp", "chromosom", "interphase", "genetic");

    /** Abnormalities named in a piece of text, in enum order (t(14;16) and t(14;20) do not overlap). */
    public static Set<CytogeneticAbnormality> named(String text) {
        Set<CytogeneticAbnormality> out = EnumSet.noneOf(CytogeneticAbnormality.class);
        if (text == null || text.isEmpty()) return out;
        for (CytogeneticAbnormality a : CytogeneticAbnormality.values()) {
            if (PATTERNS.get(a).matcher(text).find()) out.add(a);
        }
        return out;
    }

    public static Optional<CytogeneticAbnormality> byProjectCode(String system, String code) {
        if (!ProjectCodeSystem.isSystem(system) || code == null) return Optional.empty();
        return Optional.ofNullable(PROJECT_CODES.get(code.trim()));
    }

    public static boolean looksLikeCytogeneticsPanel(String codeText) {
        if (codeText == null) return false;
        String t = codeText.toLowerCase(Locale.ROOT);
        for (String w : PANEL_WORDS) if (t.contains(w)) return true;
        return false;
    }
}
