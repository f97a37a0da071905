package org.myelomacds.facts;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A medication record the engine cannot identify at all: its codes are in no value set of the catalogue and it carries
 * no name (no text, no display) a reader or the name match could check — e.g. an RxNorm or NDC code alone. Such a
 * record cannot be shown to be harmless, so it is kept on the timeline as "some medication" (project policy
 * CDS-POLICY-UNIDENTIFIED-MEDICATION); a record that carries a name the catalogue does not know ("Simvastatin 20 MG
 * Oral Tablet") is not one: its name says what it is, and it is only listed in findings.unrecognised.
 *
 * <p>{@link #DRUG} is the drug such a record holds: class {@link DrugClass#OTHER}, outside the catalogue's value sets
 * (no code or word can name it), after every catalogued drug in order.
 */
public final class UnidentifiedMedication {
    private UnidentifiedMedication() { }

    /** The catalogue entry the policy cites. */
    public static final String POLICY = "CDS-POLICY-UNIDENTIFIED-MEDICATION";

    public static final Drug DRUG = Drug.catalogued("UNIDENTIFIED_MEDICATION", "unidentified medication", DrugClass.OTHER,
            Integer.MAX_VALUE);

    public static boolean is(Drug drug) { return DRUG.equals(drug); }

    /** True when no coding has a display and the concept has no text: nothing but codes. */
    public static boolean namesNothing(String text, List<String> displays) {
        return (text == null || text.isBlank()) && displays.stream().allMatch(d -> d == null || d.isBlank());
    }

    /**
     * "MedicationStatement/line3-x (RxNorm 9999992, no name)": the record and the codes the engine could not read,
     * from the unrecognised-code entries of the same record.
     */
    public static String describe(MedicationRecord record, List<?> unrecognised) {
        String ref = record.sourceReference();
        String codes = unrecognised.stream().filter(UnrecognisedCode.class::isInstance).map(UnrecognisedCode.class::cast)
                .filter(u -> ref != null && ref.equals(u.reference()) && u.code() != null)
                .map(u -> (u.system() == null ? "" : systemName(u.system()) + " ") + u.code())
                .distinct().sorted().collect(Collectors.joining(", "));
        return ref + " (" + (codes.isEmpty() ? "no code" : codes) + ", no name)";
    }

    private static String systemName(String uri) {
        String s = uri.toLowerCase(java.util.Locale.ROOT);
        if (s.contains("rxnorm")) return "RxNorm";
        if (s.contains("sid/ndc") || s.endsWith("2.16.840.1.113883.6.69")) return "NDC";
        if (s.contains("whocc") || s.contains("atc")) return "ATC";
        if (s.contains("hcpcs")) return "HCPCS";
        if (s.contains("snomed")) return "SNOMED CT";
        return uri;
    }
}
