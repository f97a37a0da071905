package org.myelomacds.fhir.terminology;

import java.util.Locale;

/**
 * Code-system URIs the mapper accepts. Producers are inconsistent about http/https, trailing slashes and case,
 * so comparisons go through {@link #same(String, String)} rather than {@code equals}.
 */
public final class CodeSystems {
    private CodeSystems() { }

    public static final String LOINC = "http://loinc.org";
    public static final String SNOMED = "http://snomed.info/sct";
    public static final String ICD10_CM = "http://hl7.org/fhir/sid/icd-10-cm";
    /** WHO ICD-10; accepted for the conditions because the codes used here are identical in the categories read. */
    public static final String ICD10 = "http://hl7.org/fhir/sid/icd-10";
    public static final String ICD10_PCS = "http://www.cms.gov/Medicare/Coding/ICD10";
    public static final String ICD10_PCS_SID = "http://hl7.org/fhir/sid/icd-10-pcs";
    public static final String RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm";
    public static final String ATC = "http://www.whocc.no/atc";
    /** HCPCS Level II; the https and http variants both occur in the wild. */
    public static final String HCPCS = "https://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets";
    public static final String UCUM = "http://unitsofmeasure.org";
    public static final String V3_INTERPRETATION = "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation";

    /** True when two system URIs name the same system, ignoring scheme, a trailing slash and case. */
    public static boolean same(String a, String b) {
        if (a == null || b == null) return false;
        return normalise(a).equals(normalise(b));
    }

    public static boolean isIcd10Diagnosis(String system) { return same(system, ICD10_CM) || same(system, ICD10); }

    public static boolean isIcd10Pcs(String system) {
        return same(system, ICD10_PCS) || same(system, ICD10_PCS_SID);
    }

    public static boolean isHcpcs(String system) {
        return system != null && normalise(system).contains("hcpcs");
    }

    private static String normalise(String uri) {
        String s = uri.trim().toLowerCase(Locale.ROOT);
        if (s.startsWith("https://")) s = s.substring(8);
        else if (s.startsWith("http://")) s = s.substring(7);
        while (s.endsWith("/")) s = s.substring(0, s.length() - 1);
        return s;
    }
}
