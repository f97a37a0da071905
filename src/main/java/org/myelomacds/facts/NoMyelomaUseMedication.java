package org.myelomacds.facts;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A medication record that names an antineoplastic with no use in myeloma (trastuzumab, rituximab, anastrozole …: value
 * set medication-antineoplastic-no-myeloma-use). The catalogue does not list it, but unlike an unknown name it is known
 * not to be anti-myeloma therapy, so it is never read as "possibly an anti-CD38 antibody" (CDS-POLICY-NAMES-INN-STEM
 * would read trastuzumab so by its -tu-zumab stem): it is other therapy, no line and no exposure of any myeloma class
 * (project policy CDS-POLICY-NO-MYELOMA-USE, derive/TherapyPurpose). Its name is kept, as for the other unlisted drugs,
 * in the unrecognised-code entries of the same record.
 *
 * <p>{@link #DRUG} is outside the catalogue's value sets (no code or word can name it), ordered before the other unlisted
 * drugs.
 */
public final class NoMyelomaUseMedication {
    private NoMyelomaUseMedication() { }

    /** The policy: such a drug is other therapy. */
    public static final String POLICY = "CDS-POLICY-NO-MYELOMA-USE";

    public static final Drug DRUG = Drug.catalogued("ANTINEOPLASTIC_NO_MYELOMA_USE", "antineoplastic with no use in myeloma",
            DrugClass.OTHER, Integer.MAX_VALUE - 10);

    public static boolean is(Drug drug) { return DRUG.equals(drug); }

    /** Whether the other therapy is such a drug given with no reason while no other cancer was on record. */
    public static boolean reasonUnknown(OtherTherapy o) {
        return o != null && o.getDecision() == OtherTherapy.Decision.NO_MYELOMA_USE_REASON_UNKNOWN;
    }

    /** The drug's name as the record wrote it, without dose words ("trastuzumab"), from the record's unrecognised entries. */
    public static String nameOf(MedicationRecord record, List<?> unrecognised) {
        String ref = record == null ? null : record.sourceReference();
        String name = unrecognised.stream().filter(UnrecognisedCode.class::isInstance).map(UnrecognisedCode.class::cast)
                .filter(u -> ref != null && ref.equals(u.reference()) && u.display() != null && !u.display().isBlank())
                .map(u -> u.display().strip()).sorted().findFirst().orElse(null);
        if (name == null) return DRUG.displayName();
        String cut = name.split("[0-9(]", 2)[0].strip();
        return (cut.isEmpty() ? name : cut).toLowerCase(Locale.ROOT);
    }

    /**
     * True for the first (by start, then reference) of the other therapies in {@code same} that carry the name of
     * {@code o}: one gap per drug, not per record.
     */
    public static boolean firstOfItsName(OtherTherapy o, List<?> same, List<?> unrecognised) {
        String name = nameOf(o.getRecord(), unrecognised);
        return sameName(name, same, unrecognised).stream().findFirst().map(f -> f == o).orElse(false);
    }

    /** "trastuzumab (MedicationAdministration/trz-1 … MedicationAdministration/trz-18, 18 records, 2023-10-02 to 2024-09-02)". */
    public static String describe(OtherTherapy o, List<?> same, List<?> unrecognised) {
        String name = nameOf(o.getRecord(), unrecognised);
        List<OtherTherapy> records = sameName(name, same, unrecognised);
        OtherTherapy first = records.get(0);
        OtherTherapy last = records.get(records.size() - 1);
        String refs = records.size() == 1 ? first.getRecord().sourceReference()
                : records.size() == 2 ? first.getRecord().sourceReference() + ", " + last.getRecord().sourceReference()
                : first.getRecord().sourceReference() + " … " + last.getRecord().sourceReference();
        java.time.LocalDate end = records.stream().map(OtherTherapy::getEnd).filter(Objects::nonNull)
                .max(java.util.Comparator.naturalOrder()).orElse(null);
        return name + " (" + refs + (records.size() > 1 ? ", " + records.size() + " records" : "")
                + (first.getStart() == null ? ", undated" : ", from " + PartialDateText.of(first.getStart(), first.getStartLatest())
                        + (end == null ? "" : " to " + end)) + ")";
    }

    private static List<OtherTherapy> sameName(String name, List<?> same, List<?> unrecognised) {
        return same.stream().filter(OtherTherapy.class::isInstance).map(OtherTherapy.class::cast)
                .filter(x -> x.getRecord() != null && name.equals(nameOf(x.getRecord(), unrecognised)))
                .sorted(java.util.Comparator.comparing(OtherTherapy::getStart, java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder()))
                        .thenComparing(x -> String.valueOf(x.getRecord().sourceReference())))
                .collect(Collectors.toList());
    }
}
