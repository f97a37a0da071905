package org.myelomacds.facts;

/**
 * A medication record that names a drug the catalogue does not list, with no antineoplastic INN stem
 * ({@link InnStemMedication}), whose record still says it may be anti-myeloma therapy. A named drug the catalogue does
 * not know is otherwise read as what its name says, not anti-myeloma therapy (CDS-POLICY-UNIDENTIFIED-MEDICATION); for
 * a brand or abbreviation the catalogue lacks ("BELRAPZO" before it was added) that reading drops a line without a word.
 * Two signals set such a record apart from the supportive drugs a myeloma record names by the dozen (aciclovir,
 * zoledronic acid, ondansetron, paracetamol: value set medication-supportive-myeloma-care, never read so):
 * <ul>
 * <li>{@link #BSA_DOSED}: dosed per m² of body-surface area (value set medication-dose-body-surface-area), as cytotoxic
 *     chemotherapy is: a possible cytotoxic (project policy CDS-POLICY-UNNAMED-BSA-DOSE);</li>
 * <li>{@link #FOR_MYELOMA}: its stated reason (its own, or its request's) is the myeloma itself: possible anti-myeloma
 *     therapy (project policy CDS-POLICY-UNNAMED-MYELOMA-REASON);</li>
 * <li>{@link #GIVEN_PARENTERALLY}: with neither, given by infusion or injection (a MedicationAdministration, an
 *     intravenous or subcutaneous route, or a name or dose text saying so), as anti-myeloma antibodies, proteasome
 *     inhibitors and most cytotoxics are, and no drug recognised as no antineoplastic (value set
 *     medication-non-antineoplastic: anaesthetics, antibiotics, insulin …): possible anti-myeloma therapy (project policy
 *     CDS-POLICY-UNNAMED2-PARENTERAL). Oral drugs are not read so: most non-cancer drugs a record names are oral.</li>
 * <li>{@link #TAKEN_AS_REGIMEN}: with none of those, by mouth or by an unstated route, its name or dosage says it is taken
 *     on a regimen's cyclic schedule ("days 1-21 of each 28-day cycle", "q28d", "C2D1") or as an investigational or
 *     trial product ("per protocol", "study medication", a development code such as "CC-92480"), and it is no drug
 *     recognised as no antineoplastic: possible anti-myeloma therapy (project policy CDS-POLICY-ORAL-REGIMEN). An oral
 *     drug taken daily with no such words stays what its name says, unless:</li>
 * <li>{@link #NAMES_NO_DRUG}: its name is made only of dose-form, strength, route and schedule words and names no drug
 *     at all ("capsule 10 mg daily", "tablet 4 mg once daily", "injection weekly":
 *     medication-names-no-drug), and no code the catalogue reads names it: it may hold any drug, lenalidomide as much as
 *     a vitamin, so it is possible anti-myeloma therapy (project policy CDS-POLICY-RECORD-NAMES-NO-DRUG).</li>
 * <li>{@link #TAKEN_AFTER_PROGRESSION}: with none of those, by mouth or by an unstated route, first recorded within
 *     30 days after a documented progression with no other therapy started from the progression to 30 days after it:
 *     the timing of a next line, possible anti-myeloma therapy (project policy CDS-POLICY-ORAL-AFTER-PROGRESSION). Such
 *     a record is read first as {@link #ORAL_CANDIDATE}, which never leaves the reader: the rest are skipped as before.</li>
 * </ul>
 * Both are class {@link DrugClass#OTHER}: the rules handle them as an antineoplastic the catalogue cannot classify
 * (THERAPY_UNCLASSIFIED, GAP-THERAPY-70/71/72/81) and, like any named drug, a stated reason that is another condition makes
 * the record other therapy. The drugs are outside the catalogue's value sets, ordered just before the INN-stem name.
 */
public final class UnlistedNamedMedication {
    private UnlistedNamedMedication() { }

    public static final String BSA_POLICY = "CDS-POLICY-UNNAMED-BSA-DOSE";
    public static final String MYELOMA_REASON_POLICY = "CDS-POLICY-UNNAMED-MYELOMA-REASON";
    public static final String PARENTERAL_POLICY = "CDS-POLICY-UNNAMED2-PARENTERAL";
    public static final String REGIMEN_POLICY = "CDS-POLICY-ORAL-REGIMEN";
    public static final String AFTER_PROGRESSION_POLICY = "CDS-POLICY-ORAL-AFTER-PROGRESSION";
    public static final String NAMES_NO_DRUG_POLICY = "CDS-POLICY-RECORD-NAMES-NO-DRUG";

    public static final Drug BSA_DOSED = Drug.catalogued("UNLISTED_NAME_BSA_DOSED",
            "unlisted drug dosed per body-surface area", DrugClass.OTHER, Integer.MAX_VALUE - 3);
    public static final Drug FOR_MYELOMA = Drug.catalogued("UNLISTED_NAME_FOR_MYELOMA",
            "unlisted drug given for the myeloma", DrugClass.OTHER, Integer.MAX_VALUE - 2);
    public static final Drug GIVEN_PARENTERALLY = Drug.catalogued("UNLISTED_NAME_GIVEN_PARENTERALLY",
            "unlisted drug given by infusion or injection", DrugClass.OTHER, Integer.MAX_VALUE - 4);
    public static final Drug TAKEN_AS_REGIMEN = Drug.catalogued("UNLISTED_NAME_TAKEN_AS_REGIMEN",
            "unlisted drug taken on a regimen's schedule or as a trial product", DrugClass.OTHER, Integer.MAX_VALUE - 5);
    public static final Drug NAMES_NO_DRUG = Drug.catalogued("UNLISTED_RECORD_NAMES_NO_DRUG",
            "medication record naming no drug (only form, strength or schedule)", DrugClass.OTHER, Integer.MAX_VALUE - 8);
    public static final Drug TAKEN_AFTER_PROGRESSION = Drug.catalogued("UNLISTED_NAME_TAKEN_AFTER_PROGRESSION",
            "unlisted drug started after a progression", DrugClass.OTHER, Integer.MAX_VALUE - 6);
    /**
     * An uncatalogued oral drug with no other signal, as the reader first reads it: kept only when its timing makes it
     * {@link #TAKEN_AFTER_PROGRESSION}, otherwise skipped as what its name says. No rule or timeline ever sees it.
     */
    public static final Drug ORAL_CANDIDATE = Drug.catalogued("UNLISTED_NAME_ORAL_CANDIDATE",
            "unlisted oral drug with no other signal", DrugClass.OTHER, Integer.MAX_VALUE - 7);

    /**
     * Read as possible anti-myeloma therapy only by the shape of its record (given by infusion or injection, or taken on
     * a regimen's schedule): before the first myeloma or precursor diagnosis that says nothing of myeloma therapy, so
     * such a record ended before it is left off the timeline (derive/TherapyPurpose).
     */
    public static boolean byRecordShape(Drug drug) {
        return GIVEN_PARENTERALLY.equals(drug) || TAKEN_AS_REGIMEN.equals(drug) || TAKEN_AFTER_PROGRESSION.equals(drug)
                || NAMES_NO_DRUG.equals(drug);
    }

    public static boolean is(Drug drug) {
        return BSA_DOSED.equals(drug) || FOR_MYELOMA.equals(drug) || GIVEN_PARENTERALLY.equals(drug)
                || TAKEN_AS_REGIMEN.equals(drug) || TAKEN_AFTER_PROGRESSION.equals(drug) || NAMES_NO_DRUG.equals(drug);
    }

    /**
     * The records of one signal as one sentence part, grouped by the name they carry: "'ZORVEXA 100 mg/m2 IV infusion':
     * MedicationAdministration/a and 11 more records, from 2023-02-06 to 2023-06-27". One course is many records (every
     * administration); the gap names the drug once, not once per dose.
     */
    public static String describeAll(java.util.List<MedicationRecord> records, java.util.List<?> unrecognised) {
        java.util.Map<String, java.util.List<MedicationRecord>> byName = new java.util.TreeMap<>();
        for (MedicationRecord r : records) {
            String ref = r.sourceReference();
            String names = unrecognised.stream().filter(UnrecognisedCode.class::isInstance).map(UnrecognisedCode.class::cast)
                    .filter(u -> ref != null && ref.equals(u.reference()) && u.display() != null && !u.display().isBlank())
                    .map(u -> "'" + u.display().trim() + "'").distinct().sorted().collect(java.util.stream.Collectors.joining(", "));
            byName.computeIfAbsent(names.isEmpty() ? "a named drug" : names, k -> new java.util.ArrayList<>()).add(r);
        }
        java.util.List<String> parts = new java.util.ArrayList<>();
        byName.forEach((name, rs) -> {
            java.util.List<MedicationRecord> sorted = rs.stream().sorted(java.util.Comparator.comparing(
                    (MedicationRecord r) -> r.getStart() == null ? java.time.LocalDate.MAX : r.getStart())
                    .thenComparing(r -> String.valueOf(r.sourceReference()))).toList();
            MedicationRecord first = sorted.get(0);
            java.time.LocalDate lastEnd = sorted.stream().map(r -> r.getEnd() != null ? r.getEnd() : r.getStartLatest())
                    .filter(java.util.Objects::nonNull).max(java.util.Comparator.naturalOrder()).orElse(null);
            String dates = first.getStart() == null ? ", undated"
                    : ", from " + PartialDateText.of(first.getStart(), first.getStartLatest())
                    + (lastEnd == null || !lastEnd.isAfter(first.getStartLatest() == null ? first.getStart() : first.getStartLatest())
                    ? "" : " to " + lastEnd);
            parts.add(name + ": " + first.sourceReference()
                    + (sorted.size() > 1 ? " and " + (sorted.size() - 1) + " more record" + (sorted.size() > 2 ? "s" : "") : "")
                    + dates);
        });
        return String.join("; ", parts);
    }

    /** What the record's signal says, for the unrecognised-code listing. */
    public static String why(Drug drug) {
        if (TAKEN_AFTER_PROGRESSION.equals(drug)) return "it was first recorded within 30 days after a documented"
                + " progression with no other therapy started then, as a next line is, and it is no drug recognised as no"
                + " antineoplastic (" + AFTER_PROGRESSION_POLICY + ")";
        if (NAMES_NO_DRUG.equals(drug)) return "its name is only dose-form, strength, route or schedule words and names no"
                + " drug, so it may hold any drug, an anti-myeloma drug included, and it is no drug recognised as no"
                + " antineoplastic (" + NAMES_NO_DRUG_POLICY + ")";
        if (TAKEN_AS_REGIMEN.equals(drug)) return "its name or dosage says it is taken on an anti-cancer regimen's cyclic"
                + " schedule, as an investigational or trial product or as a phase of anti-myeloma therapy (maintenance,"
                + " consolidation), and it is no drug recognised as no antineoplastic ("
                + REGIMEN_POLICY + ")";
        if (GIVEN_PARENTERALLY.equals(drug)) return "it was given by infusion or injection, as most anti-myeloma therapy is, and"
                + " is no drug recognised as no antineoplastic (" + PARENTERAL_POLICY + ")";
        return BSA_DOSED.equals(drug) ? "it is dosed per m\u00b2 of body-surface area, as cytotoxic chemotherapy is ("
                + BSA_POLICY + ")" : "its stated reason is the myeloma itself (" + MYELOMA_REASON_POLICY + ")";
    }
}
