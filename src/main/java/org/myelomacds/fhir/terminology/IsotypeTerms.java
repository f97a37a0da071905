package org.myelomacds.fhir.terminology;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * M-protein isotype as written in immunofixation/isotype results: "IgG kappa", "IgA-λ", "kappa light chain".
 * No verified LOINC exists for the isotype itself; besides IFE (14895-7) the project code
 * {@link ProjectCodeSystem#M_PROTEIN_ISOTYPE} is accepted.
 */
public final class IsotypeTerms {
    private IsotypeTerms() { }

    /** Heavy chain ("IgG"…) or null, light chain ("KAPPA"/"LAMBDA") or null. */
    public record Isotype(String heavyChain, String lightChain) { }

    private static final Pattern HEAVY = Pattern.compile("\\big\\s*-?\\s*([gamde])(?![a-z])", Pattern.CASE_INSENSITIVE);
    private static final Pattern KAPPA = Pattern.compile("kappa|κ", Pattern.CASE_INSENSITIVE);
    private static final Pattern LAMBDA = Pattern.compile("lambda|λ", Pattern.CASE_INSENSITIVE);
    /** Code text that marks an Observation as an isotype result when no code is recognised. */
    private static final List<String> CODE_WORDS = List.of("isotype", "immunofixation", "paraprotein type", "m-protein type");

    public static Optional<Isotype> parse(String text) {
        if (text == null || text.isBlank()) return Optional.empty();
        String heavy = null;
        Matcher h = HEAVY.matcher(text);
        if (h.find()) heavy = "Ig" + h.group(1).toUpperCase(Locale.ROOT);
        // The first light chain named wins: "IgG kappa, free lambda normal" is IgG-kappa.
        Matcher k = KAPPA.matcher(text);
        Matcher l = LAMBDA.matcher(text);
        int ki = k.find() ? k.start() : Integer.MAX_VALUE;
        int li = l.find() ? l.start() : Integer.MAX_VALUE;
        String light = ki == Integer.MAX_VALUE && li == Integer.MAX_VALUE ? null : ki < li ? "KAPPA" : "LAMBDA";
        if (heavy == null && light == null) return Optional.empty();
        return Optional.of(new Isotype(heavy, light));
    }

    public static boolean isIsotypeCodeText(String codeText) {
        if (codeText == null) return false;
        String t = codeText.toLowerCase(Locale.ROOT);
        for (String w : CODE_WORDS) if (t.contains(w)) return true;
        return false;
    }
}
