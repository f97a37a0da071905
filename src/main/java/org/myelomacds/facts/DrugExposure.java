package org.myelomacds.facts;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * All administered use of one drug, aggregated: first and last dose, whether it is ongoing at asOf, and whether it
 * was ever stopped for toxicity (intolerance). Planned-only records never make an exposure.
 * Day fields are epoch days so DRL can compare them with plain arithmetic.
 * <p>An exposure is <em>undated</em> ({@link #isDated()} false) when every given record of the drug lacks a date (a
 * completed MedicationStatement with no effective[x]): the drug was given, so "prior X" and "X-naive" are decided by it,
 * but when is unknown. Its dates are null and its day getters refuse ({@link IllegalStateException}), so a rule that
 * reads dates must match {@code dated} first and one that forgets fails loudly instead of reading a made-up day.
 */
public final class DrugExposure implements HasProvenance {
    private final Drug drug;
    private final LocalDate firstDose;
    /** The latest day the first dose can have been given (a start recorded as "2024-07"); the first dose when precise. */
    private final LocalDate firstDoseLatest;
    private final LocalDate lastDose;
    private final LocalDate lastDoseEarliest;
    private final boolean ongoing;
    private final boolean intolerant;
    private final List<Route> routes;
    private final List<Provenance> provenance;
    private final boolean dated;
    /** The last dose in words when the course it ends has no recorded end ("an unknown day before 2024-08-26"), else null. */
    private final String unknownLastDose;
    /**
     * CDS-POLICY-DATE-ASSERTED: for an undated exposure, what its records' dateAsserted says ("MedicationStatement/x has
     * no effective date: taken on 2024-08-26 (asserted; start unknown)"); for a dated one whose first dose comes from a
     * record placed by its dateAsserted, the first dose in words ("an unknown day from 2024-08-13 to 2024-08-26
     * (asserted; start unknown)"). Null otherwise.
     */
    private final String assertedWords;

    public DrugExposure(Drug drug, LocalDate firstDose, LocalDate lastDose, boolean ongoing, boolean intolerant,
                        List<Route> routes, List<Provenance> provenance) {
        this(drug, firstDose, lastDose, lastDose, ongoing, intolerant, routes, provenance);
    }

    /**
     * {@code lastDoseEarliest}: the earliest day the last dose can have been given when a partial date ("2026-07")
     * ends the exposure; {@code lastDose} is then the latest such day. Equal when the dates are precise.
     */
    public DrugExposure(Drug drug, LocalDate firstDose, LocalDate lastDose, LocalDate lastDoseEarliest, boolean ongoing,
                        boolean intolerant, List<Route> routes, List<Provenance> provenance) {
        this.drug = Objects.requireNonNull(drug, "drug");
        this.firstDose = Objects.requireNonNull(firstDose, "firstDose");
        this.firstDoseLatest = firstDose;
        this.lastDose = Objects.requireNonNull(lastDose, "lastDose");
        this.lastDoseEarliest = lastDoseEarliest == null || lastDoseEarliest.isAfter(lastDose) ? lastDose : lastDoseEarliest;
        this.ongoing = ongoing;
        this.intolerant = intolerant;
        this.routes = List.copyOf(routes);
        this.provenance = List.copyOf(provenance);
        this.dated = true;
        this.unknownLastDose = null;
        this.assertedWords = null;
    }

    private DrugExposure(DrugExposure e, String unknownLastDose) {
        this(e, unknownLastDose, e.assertedWords, e.firstDoseLatest);
    }

    private DrugExposure(DrugExposure e, String unknownLastDose, String assertedWords, LocalDate firstDoseLatest) {
        this.drug = e.drug;
        this.firstDose = e.firstDose;
        this.firstDoseLatest = firstDoseLatest;
        this.lastDose = e.lastDose;
        this.lastDoseEarliest = e.lastDoseEarliest;
        this.ongoing = e.ongoing;
        this.intolerant = e.intolerant;
        this.routes = e.routes;
        this.provenance = e.provenance;
        this.dated = e.dated;
        this.unknownLastDose = unknownLastDose;
        this.assertedWords = assertedWords;
    }

    /** The same exposure with what its records' dateAsserted says (see the field); unchanged when {@code words} is null. */
    public DrugExposure withAssertedWords(String words) {
        return words == null ? this : new DrugExposure(this, unknownLastDose, words, firstDoseLatest);
    }

    /**
     * The same exposure ending on {@code day} (earlier than its last dose): a supply whose last day was handed over to
     * the next regimen's first drug (sweep s11 A9; the line already ends the day before). The earliest last dose moves
     * with it when it was later. Unchanged when undated, ongoing or {@code day} is not within the exposure.
     */
    public DrugExposure withLastDoseHandedOver(LocalDate day) {
        if (!dated || ongoing || day == null || !day.isBefore(lastDose) || day.isBefore(firstDose)) return this;
        DrugExposure e = new DrugExposure(drug, firstDose, day, lastDoseEarliest.isAfter(day) ? day : lastDoseEarliest,
                false, intolerant, routes, provenance);
        return new DrugExposure(e, unknownLastDose, assertedWords, firstDoseLatest.isAfter(day) ? day : firstDoseLatest);
    }

    /**
     * The same exposure whose first dose is known only as an interval from {@link #getFirstDose()} to {@code latest}
     * (issue 10 item 3: a start recorded as "2024-07" is placed at its earliest day, but a decision that turns on the
     * day, the antibody screen taken before or after the first anti-CD38 dose, reads both ends). Clamped to the
     * interval [firstDose, lastDose]; unchanged when undated or null.
     */
    public DrugExposure withFirstDoseLatest(LocalDate latest) {
        if (!dated || latest == null || !latest.isAfter(firstDose)) return this;
        LocalDate l = latest.isAfter(lastDose) ? lastDose : latest;
        return l.equals(firstDoseLatest) ? this : new DrugExposure(this, unknownLastDose, assertedWords, l);
    }

    /** What the records' dateAsserted says about this exposure (CDS-POLICY-DATE-ASSERTED); null when none does. */
    public String getAssertedWords() { return assertedWords; }

    /**
     * The same exposure whose last course has no recorded end (CDS-POLICY-UNKNOWN-END): its texts print the last dose as
     * {@code words} ("an unknown day before 2024-08-26") instead of the recorded date, which is only the end's earliest
     * day. The dates the rules compare are unchanged; the rules that turn on the unknown end read the course.
     */
    public DrugExposure withUnknownLastDose(String words) {
        return dated && words != null ? new DrugExposure(this, words) : this;
    }

    /** The last dose in words when its course has no recorded end; null otherwise. */
    public String getUnknownLastDose() { return unknownLastDose; }

    private DrugExposure(Drug drug, boolean intolerant, List<Route> routes, List<Provenance> provenance) {
        this.drug = Objects.requireNonNull(drug, "drug");
        this.firstDose = null;
        this.firstDoseLatest = null;
        this.lastDose = null;
        this.lastDoseEarliest = null;
        this.ongoing = false;
        this.intolerant = intolerant;
        this.routes = List.copyOf(routes);
        this.provenance = List.copyOf(provenance);
        this.dated = false;
        this.unknownLastDose = null;
        this.assertedWords = null;
    }

    /**
     * The drug was given (records that are not planned or cancelled say so) but no record of it has a date. Not ongoing:
     * nothing places it at asOf, and an undated record cannot make therapy current.
     */
    public static DrugExposure undated(Drug drug, boolean intolerant, List<Route> routes, List<Provenance> provenance) {
        return new DrugExposure(drug, intolerant, routes, provenance);
    }

    public Drug getDrug() { return drug; }
    public DrugClass getDrugClass() { return drug.getDrugClass(); }
    public boolean isAntiCd38() { return drug.isAntiCd38(); }
    /** Whether some record of the drug has a date; when false the dates below are null and the day getters refuse. */
    public boolean isDated() { return dated; }
    /** First dose; null when undated. */
    public LocalDate getFirstDose() { return firstDose; }
    /** Last dose given; for ongoing therapy the latest recorded dose or asOf, whichever is earlier. Null when undated. */
    public LocalDate getLastDose() { return lastDose; }
    public long getFirstDoseDay() { return requireDated("firstDoseDay").firstDose.toEpochDay(); }
    /** Latest day the first dose can have been given (a partial start); the first dose when precise. Null when undated. */
    public LocalDate getFirstDoseLatest() { return firstDoseLatest; }
    public long getFirstDoseLatestDay() { return requireDated("firstDoseLatestDay").firstDoseLatest.toEpochDay(); }
    /** The first dose's day is known only as an interval (a partial start). */
    public boolean isFirstDoseImprecise() { return !requireDated("firstDoseImprecise").firstDoseLatest.equals(firstDose); }
    /** The first dose as precisely as recorded: "2024-07-08", "2024-07", or "between 2024-07-01 and 2024-08-15". */
    public String getFirstDoseText() {
        requireDated("firstDoseText");
        return PartialDateText.of(firstDose, firstDoseLatest);
    }
    public long getLastDoseDay() { return requireDated("lastDoseDay").lastDose.toEpochDay(); }
    /** Earliest day the last dose can have been given (a partial date); the last dose when precise. Null when undated. */
    public LocalDate getLastDoseEarliest() { return lastDoseEarliest; }
    public long getLastDoseEarliestDay() { return requireDated("lastDoseEarliestDay").lastDoseEarliest.toEpochDay(); }
    /** The last dose's day is known only as an interval (a partial date). Undated exposures have no day to be precise about. */
    public boolean isLastDoseImprecise() { return !requireDated("lastDoseImprecise").lastDoseEarliest.equals(lastDose); }

    /** "2024-08-26 to 2026-09-15", or for an undated exposure that its date is unknown and which records say so. */
    public String getPeriod() {
        return dated ? firstDoseWords() + " to " + lastDoseWords() : "date unknown: " + undatedRecords();
    }

    /** "from 2024-08-26 to 2026-09-15", or "at an unknown time (MedicationStatement/x has no date)". */
    public String getFromTo() {
        return dated ? "from " + firstDoseWords() + " to " + lastDoseWords()
                : "at an unknown time (" + undatedRecords() + ")";
    }

    private String firstDoseWords() {
        return assertedWords != null ? assertedWords : firstDose.toString();
    }

    private String lastDoseWords() {
        return unknownLastDose != null ? unknownLastDose : lastDose.toString();
    }

    /** "MedicationStatement/x has no date" (the records of an undated exposure). */
    private String undatedRecords() {
        if (assertedWords != null) return assertedWords;
        long n = provenance.stream().map(Provenance::getReference).distinct().count();
        return n == 0 ? "its record has no date" : Provenances.references(this) + (n == 1 ? " has" : " have") + " no date";
    }

    private DrugExposure requireDated(String what) {
        if (!dated) {
            throw new IllegalStateException(what + " of the undated " + drug.displayName()
                    + " exposure: a rule reading dates must match DrugExposure( dated ) first");
        }
        return this;
    }
    public boolean isOngoing() { return ongoing; }
    public boolean isIntolerant() { return intolerant; }
    public List<Route> getRoutes() { return routes; }
    @Override public List<Provenance> getProvenance() { return provenance; }

    @Override public boolean equals(Object o) {
        return o instanceof DrugExposure e && drug.equals(e.drug) && dated == e.dated && Objects.equals(firstDose, e.firstDose)
                && Objects.equals(firstDoseLatest, e.firstDoseLatest)
                && Objects.equals(lastDose, e.lastDose) && Objects.equals(lastDoseEarliest, e.lastDoseEarliest)
                && ongoing == e.ongoing && intolerant == e.intolerant && routes.equals(e.routes) && provenance.equals(e.provenance);
    }
    @Override public int hashCode() { return Objects.hash(drug, firstDose, lastDose, ongoing, intolerant); }
}
