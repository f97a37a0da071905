package org.myelomacds.facts;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A medication record that names a drug the catalogue does not list, whose name carries a WHO INN stem of an
 * antineoplastic class ("forimtamig", "alnuctamab", "oprozomib": value set medication-names-antineoplastic-inn-stem).
 * A named drug the catalogue does not know is otherwise read as what its name says, not anti-myeloma therapy
 * (CDS-POLICY-UNIDENTIFIED-MEDICATION); for such a name that reading would drop a line the patient may have had, so it is
 * read as an unlisted drug that may be anti-myeloma therapy (project policy CDS-POLICY-NAMES-INN-STEM): class
 * {@link DrugClass#OTHER}, handled by the rules as an antineoplastic the catalogue cannot classify (THERAPY_UNCLASSIFIED),
 * and, like any named drug, set apart as other therapy when its stated reason is another condition.
 *
 * <p>{@link #DRUG} is outside the catalogue's value sets (no code or word can name it), ordered just before the
 * unidentified medication.
 */
public final class InnStemMedication {
    private InnStemMedication() { }

    /** The catalogue entry the policy cites. */
    public static final String POLICY = "CDS-POLICY-NAMES-INN-STEM";

    public static final Drug DRUG = Drug.catalogued("UNLISTED_ANTINEOPLASTIC_NAME", "unlisted drug with an antineoplastic INN stem",
            DrugClass.OTHER, Integer.MAX_VALUE - 1);

    public static boolean is(Drug drug) { return DRUG.equals(drug); }

    /**
     * "MedicationStatement/line4 'forimtamig (GPRC5D x CD3) SC'": the record and the name it carries, from the
     * unrecognised-code entries of the same record (the mapper lists it there with its name).
     */
    public static String describe(MedicationRecord record, List<?> unrecognised) {
        String ref = record.sourceReference();
        String names = unrecognised.stream().filter(UnrecognisedCode.class::isInstance).map(UnrecognisedCode.class::cast)
                .filter(u -> ref != null && ref.equals(u.reference()) && u.display() != null && !u.display().isBlank())
                .map(u -> "'" + u.display().trim() + "'").distinct().sorted().collect(Collectors.joining(", "));
        return Objects.toString(ref, "a record") + (names.isEmpty() ? "" : " " + names);
    }
}
