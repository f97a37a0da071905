package org.myelomacds.evidence.terminology;

import java.util.List;
import java.util.Locale;

/**
 * The code systems the engine knows, and how a system URI and a code are compared. Producers are inconsistent about
 * http/https, trailing slashes and case, and about the code's case and the ICD-10 dot, so both sides of every
 * comparison — the ValueSet's and the record's — go through {@link #canonical} and {@link #normaliseCode}.
 * Which codes belong to which concept is data (rules/terminology/); this class holds no code list.
 */
public final class CodeSystems {
    private CodeSystems() { }

    public static final String LOINC = "http://loinc.org";
    public static final String SNOMED = "http://snomed.info/sct";
    public static final String ICD10_CM = "http://hl7.org/fhir/sid/icd-10-cm";
    /** WHO ICD-10; read as ICD-10-CM, whose categories the condition sets use are the same codes. */
    public static final String ICD10 = "http://hl7.org/fhir/sid/icd-10";
    public static final String ICD10_PCS = "http://www.cms.gov/Medicare/Coding/ICD10";
    /** The other URI ICD-10-PCS is sent with; read as {@link #ICD10_PCS}. */
    public static final String ICD10_PCS_SID = "http://hl7.org/fhir/sid/icd-10-pcs";
    public static final String RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm";
    public static final String ATC = "http://www.whocc.no/atc";
    /** HCPCS Level II; any URI containing "hcpcs" is read as this system (several variants occur in the wild). */
    public static final String HCPCS = "https://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets";
    /** CPT (procedures billed in the US, e.g. dialysis sessions). */
    public static final String CPT = "http://www.ama-assn.org/go/cpt";
    /** FDA National Drug Code (pharmacy and claims feeds); compared by its product segment, see {@link #ndcProduct}. */
    public static final String NDC = "http://hl7.org/fhir/sid/ndc";
    /** The OID NDC is also sent with (HL7 terminology: NDC); read as {@link #NDC}. */
    public static final String NDC_OID = "urn:oid:2.16.840.1.113883.6.69";
    public static final String UCUM = "http://unitsofmeasure.org";
    public static final String V3_INTERPRETATION = "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation";
    /** The project's own CodeSystem, for concepts without a standard code (README "The project's own CodeSystem"). */
    public static final String PROJECT = "https://myeloma-cds.org/fhir/CodeSystem/cds";

    /** The systems a ValueSet may name without a warning. */
    public static final List<String> KNOWN = List.of(LOINC, SNOMED, ICD10_CM, ICD10, ICD10_PCS, ICD10_PCS_SID, RXNORM,
            ATC, HCPCS, CPT, NDC, V3_INTERPRETATION, PROJECT);

    /**
     * The system a URI names: one of the constants above when it is a known system or one of its aliases, else the URI
     * with scheme, trailing slashes and case removed (so an unknown system still matches itself however it is written).
     */
    public static String canonical(String uri) {
        if (uri == null) return null;
        String n = normalise(uri);
        String known = BY_NORMALISED.get(n);
        if (known != null) return known;
        return n.contains("hcpcs") ? HCPCS : n;
    }

    /** Normalised URI → the system it names; the aliases map to the system they are read as. */
    private static final java.util.Map<String, String> BY_NORMALISED = byNormalised();

    private static java.util.Map<String, String> byNormalised() {
        java.util.Map<String, String> m = new java.util.HashMap<>();
        for (String k : KNOWN) m.put(normalise(k), k);
        m.put(normalise(ICD10), ICD10_CM);
        m.put(normalise(ICD10_PCS_SID), ICD10_PCS);
        m.put(normalise(NDC_OID), NDC);
        return java.util.Map.copyOf(m);
    }

    /** The name a reader knows a system by ("ICD-10-CM", "SNOMED CT"); the URI itself for an unknown one. */
    public static String displayName(String uri) {
        String c = canonical(uri);
        if (c == null) return "";
        return switch (c) {
            case LOINC -> "LOINC";
            case SNOMED -> "SNOMED CT";
            case ICD10_CM -> "ICD-10-CM";
            case ICD10_PCS -> "ICD-10-PCS";
            case RXNORM -> "RxNorm";
            case ATC -> "ATC";
            case HCPCS -> "HCPCS";
            case CPT -> "CPT";
            case NDC -> "NDC";
            case V3_INTERPRETATION -> "HL7 v3 ObservationInterpretation";
            case PROJECT -> "project CodeSystem";
            default -> uri;
        };
    }

    public static boolean isKnown(String uri) {
        return uri != null && KNOWN.contains(canonical(uri));
    }

    /** True when two system URIs name the same system. */
    public static boolean same(String a, String b) {
        if (a == null || b == null) return false;
        return canonical(a).equals(canonical(b));
    }

    public static boolean isProject(String uri) { return same(uri, PROJECT); }

    /**
     * A code as compared: trimmed; upper case in ICD-10, ICD-10-PCS, ATC and HCPCS, whose codes are case-free; in
     * ICD-10 the dot producers sometimes drop is restored ("C9000" → "C90.00"); an NDC is reduced to its product,
     * labeler-product in 5-4 form ({@link #ndcProduct}), or kept as sent when it cannot be split. Other systems are
     * case-sensitive.
     */
    public static String normaliseCode(String canonicalSystem, String code) {
        if (code == null) return null;
        String c = code.trim();
        if (NDC.equals(canonicalSystem)) {
            String product = ndcProduct(c);
            return product != null ? product : c;
        }
        if (ICD10_CM.equals(canonicalSystem)) {
            c = c.toUpperCase(Locale.ROOT);
            if (c.indexOf('.') < 0 && c.length() > 3) c = c.substring(0, 3) + "." + c.substring(3);
            return c;
        }
        if (ICD10_PCS.equals(canonicalSystem) || ATC.equals(canonicalSystem) || HCPCS.equals(canonicalSystem)) {
            return c.toUpperCase(Locale.ROOT);
        }
        return c;
    }

    private static final java.util.regex.Pattern NDC_HYPHENATED =
            java.util.regex.Pattern.compile("(\\d{4,5})-(\\d{3,4})(?:-(\\d{1,2}))?");
    private static final java.util.regex.Pattern NDC_11 = java.util.regex.Pattern.compile("\\d{11}");
    /** Two or three digit groups separated by single spaces: the hyphenated layouts with blanks for hyphens. */
    private static final java.util.regex.Pattern NDC_SPACED = java.util.regex.Pattern.compile("\\d+ \\d+(?: \\d+)?");
    /** The FDA directory's placeholder layouts: 5-*3-2 ("57894-*503-01") and 5-4-*1 ("60219-1718-*1"). */
    private static final java.util.regex.Pattern NDC_ASTERISK =
            java.util.regex.Pattern.compile("(\\d{5})-(?:\\*(\\d{3})-(\\d{2})|(\\d{4})-\\*(\\d))");

    /**
     * The product an NDC names, as labeler-product in the 5-4 form ("57894-0503"), or null when the code cannot be
     * split without guessing. A drug is one product whatever its package, so a value set lists product codes and a
     * record's package code matches its product. The FDA assigns 10-digit codes in three hyphenated layouts — 4-4-2,
     * 5-3-2, 5-4-1 — and claims carry them as 11 digits, 5-4-2, padded with a leading zero in the short segment
     * (HL7 terminology "NDC"; the CMS 11-digit convention); the FDA's NDC Directory stored a 5-3-2 or 5-4-1 code with
     * an asterisk as the placeholder of that padding zero, to keep its layout (the FDA National Drug Code Directory's
     * explanation of the NDC number, fda.gov/drugs/informationondrugs/ucm142438.htm, as quoted by medval.com 2010).
     * Read:
     * <ul>
     *   <li>hyphenated package codes 4-4-2, 5-3-2, 5-4-1 and 5-4-2, and product codes 4-4, 5-3, 5-4 (labeler padded to
     *       5 digits, product to 4);</li>
     *   <li>the same with single spaces in place of the hyphens ("57894 503 01"), a separator variant of the same
     *       layouts (mixed or repeated separators are not read);</li>
     *   <li>the placeholder forms of the FDA National Drug Code Directory, where an asterisk stands in the short segment
     *       of a 5-digit labeler's code in place of the zero claims pad it with: 5-*3-2 ("57894-*503-01" is 57894-503-01)
     *       and 5-4-*1 ("60219-1718-*1"); an asterisk anywhere else is not read;</li>
     *   <li>11 digits unhyphenated: 5-4-2;</li>
     *   <li>not read (null): 10 digits unhyphenated, whose layout the digits do not tell (5789450301 may be
     *       57894-503-01 or 5789-4503-01), and anything else; such a code is compared as sent, so it matches nothing
     *       the value sets list and the record stays unidentified rather than being read as a guessed product.</li>
     * </ul>
     * A 4-3 pair, a 4-digit labeler with a 4-digit product and 2-digit package, etc. are the layouts above; a hyphenated
     * code whose segments add up to neither 10 nor 11 digits (5-3-1, 4-3-2) is refused.
     */
    public static String ndcProduct(String code) {
        if (code == null) return null;
        String c = code.trim();
        if (NDC_11.matcher(c).matches()) return c.substring(0, 5) + "-" + c.substring(5, 9);
        if (NDC_SPACED.matcher(c).matches()) c = c.replace(' ', '-');
        java.util.regex.Matcher a = NDC_ASTERISK.matcher(c);
        if (a.matches()) {                                                           // the asterisk marks the layout
            return a.group(2) != null ? a.group(1) + "-0" + a.group(2) : a.group(1) + "-" + a.group(4);
        }
        java.util.regex.Matcher m = NDC_HYPHENATED.matcher(c);
        if (!m.matches()) return null;
        String labeler = m.group(1);
        String product = m.group(2);
        String pack = m.group(3);
        if (labeler.length() == 4 && product.length() == 3) return null;            // 4-3: no NDC layout
        if (pack != null) {
            int digits = labeler.length() + product.length() + pack.length();
            boolean tenDigit = digits == 10;                                         // 4-4-2, 5-3-2, 5-4-1
            boolean elevenDigit = labeler.length() == 5 && product.length() == 4 && pack.length() == 2;  // 5-4-2
            if (!tenDigit && !elevenDigit) return null;
        }
        return ("0".repeat(5 - labeler.length()) + labeler) + "-" + ("0".repeat(4 - product.length()) + product);
    }

    /**
     * Systems whose hierarchy is spelled in the code, so "is-a X" is "the code starts with X": ICD-10(-CM) categories,
     * ICD-10-PCS and ATC. Elsewhere (SNOMED CT, LOINC, RxNorm) a hierarchy needs a terminology server, which the engine
     * does not have: descendants are listed as concepts instead.
     */
    public static boolean hasPrefixHierarchy(String canonicalSystem) {
        return ICD10_CM.equals(canonicalSystem) || ICD10_PCS.equals(canonicalSystem) || ATC.equals(canonicalSystem);
    }

    private static String normalise(String uri) {
        String s = uri.trim().toLowerCase(Locale.ROOT);
        if (s.startsWith("https://")) s = s.substring(8);
        else if (s.startsWith("http://")) s = s.substring(7);
        while (s.endsWith("/")) s = s.substring(0, s.length() - 1);
        return s;
    }
}
