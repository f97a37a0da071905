package org.myelomacds.assessment;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;
import java.util.Map;

/** The derived clinical picture the recommendations rest on, each item with the facts it came from. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Findings(
        Item setting,
        List<Item> diagnoses,
        Item transplantEligibility,
        PriorTherapy priorTherapy,
        List<Exposure> exposures,
        List<Item> refractoriness,
        Washout antiCd38Washout,
        List<Renal> renal,
        List<Item> pulmonary,
        List<Item> otherConditions,
        List<Item> labs,
        List<Item> allergies,
        List<String> unreadable,
        Map<String, Integer> skippedResources,
        List<StatusEvent> diseaseStatus,
        List<Item> unrecognised,
        Relapse relapse,
        List<DrugClassStatus> drugClasses,
        List<ClassLabel> classLabels) {

    /** The findings without the drug-class reading (the shape before it was added). */
    public Findings(Item setting, List<Item> diagnoses, Item transplantEligibility, PriorTherapy priorTherapy,
                    List<Exposure> exposures, List<Item> refractoriness, Washout antiCd38Washout, List<Renal> renal,
                    List<Item> pulmonary, List<Item> otherConditions, List<Item> labs, List<Item> allergies,
                    List<String> unreadable, Map<String, Integer> skippedResources, List<StatusEvent> diseaseStatus,
                    List<Item> unrecognised, Relapse relapse) {
        this(setting, diagnoses, transplantEligibility, priorTherapy, exposures, refractoriness, antiCd38Washout, renal,
                pulmonary, otherConditions, labs, allergies, unreadable, skippedResources, diseaseStatus, unrecognised,
                relapse, null, null);
    }

    /**
     * Exposure to and refractoriness to one drug class (rules/derive/drug-classes.drl). {@code exposure}: EXPOSED,
     * NOT_EXPOSED or UNKNOWN (the IMiD, PI and anti-CD38 classes are listed even when not exposed; the others only when
     * exposed); {@code drugs} the drugs given. {@code refractoriness}: REFRACTORY, NOT_REFRACTORY or UNKNOWN, absent
     * when not exposed; {@code refractoryDrugs} each refractory drug with the progression (and line) that made it so;
     * {@code undecidedDrugs} drugs whose refractoriness is unknown. {@code rules} the rules that decided (exposure,
     * then refractoriness) and {@code evidence} their citations. {@code possiblyGiven}: on an UNKNOWN exposure, the
     * drugs of the class a blinded study product may have been (CDS-POLICY-BLINDED-STUDY-DRUG), absent otherwise.
     * Absent when no therapy is recorded.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DrugClassStatus(String drugClass, String name, String exposure, List<String> drugs,
                                  String refractoriness, List<RefractoryDrug> refractoryDrugs, List<String> undecidedDrugs,
                                  String text, List<String> rules, List<String> evidence, List<FactRef> facts,
                                  List<PossiblyGiven> possiblyGiven) {
        /** The shape before {@code possiblyGiven}. */
        public DrugClassStatus(String drugClass, String name, String exposure, List<String> drugs, String refractoriness,
                               List<RefractoryDrug> refractoryDrugs, List<String> undecidedDrugs, String text,
                               List<String> rules, List<String> evidence, List<FactRef> facts) {
            this(drugClass, name, exposure, drugs, refractoriness, refractoryDrugs, undecidedDrugs, text, rules, evidence,
                    facts, null);
        }
    }

    /**
     * A drug that may have been given: {@code reason} why it is undecided ("blinded study product"), {@code firstRecord}
     * and {@code lastRecord} the dates of its records as recorded (a partial date as such), {@code facts} the records.
     * {@code washoutIfGiven}: for a blinded anti-CD38 product with no certain anti-CD38 dose, the washout band if it was
     * given when either study arm reads the same (ADEQUATE, or none if placebo; DERIVE-WASHOUT-14); absent otherwise.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PossiblyGiven(String drug, String reason, String firstRecord, String lastRecord, List<FactRef> facts,
                                String washoutIfGiven) {
        /** The shape before {@code washoutIfGiven}. */
        public PossiblyGiven(String drug, String reason, String firstRecord, String lastRecord, List<FactRef> facts) {
            this(drug, reason, firstRecord, lastRecord, facts, null);
        }
    }

    /** A drug that made its class refractory: the progression's date and, when the line decided it, the line number. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RefractoryDrug(String drug, String progression, Integer line, String text) {}

    /**
     * A composite class label ({@code label}: TRIPLE_CLASS_EXPOSED, TRIPLE_CLASS_REFRACTORY, PENTA_REFRACTORY) with
     * {@code outcome} MET, NOT_MET or UNKNOWN, as the cited source defines it; descriptive only, no decision reads it.
     * "Penta-exposed" is not derived: no retrieved source defines it.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ClassLabel(String label, String outcome, String text, String rule, List<String> evidence,
                             List<FactRef> facts) {}

    /** The findings without the relapse reading (the shape before it was added). */
    public Findings(Item setting, List<Item> diagnoses, Item transplantEligibility, PriorTherapy priorTherapy,
                    List<Exposure> exposures, List<Item> refractoriness, Washout antiCd38Washout, List<Renal> renal,
                    List<Item> pulmonary, List<Item> otherConditions, List<Item> labs, List<Item> allergies,
                    List<String> unreadable, Map<String, Integer> skippedResources, List<StatusEvent> diseaseStatus,
                    List<Item> unrecognised) {
        this(setting, diagnoses, transplantEligibility, priorTherapy, exposures, refractoriness, antiCd38Washout, renal,
                pulmonary, otherConditions, labs, allergies, unreadable, skippedResources, diseaseStatus, unrecognised, null);
    }

    /** The findings without unrecognised codes (the shape before those were listed). */
    public Findings(Item setting, List<Item> diagnoses, Item transplantEligibility, PriorTherapy priorTherapy,
                    List<Exposure> exposures, List<Item> refractoriness, Washout antiCd38Washout, List<Renal> renal,
                    List<Item> pulmonary, List<Item> otherConditions, List<Item> labs, List<Item> allergies,
                    List<String> unreadable, Map<String, Integer> skippedResources, List<StatusEvent> diseaseStatus) {
        this(setting, diagnoses, transplantEligibility, priorTherapy, exposures, refractoriness, antiCd38Washout, renal,
                pulmonary, otherConditions, labs, allergies, unreadable, skippedResources, diseaseStatus, null);
    }

    /** The findings without the dated disease-status assessments (the shape before those were added). */
    public Findings(Item setting, List<Item> diagnoses, Item transplantEligibility, PriorTherapy priorTherapy,
                    List<Exposure> exposures, List<Item> refractoriness, Washout antiCd38Washout, List<Renal> renal,
                    List<Item> pulmonary, List<Item> otherConditions, List<Item> labs, List<Item> allergies,
                    List<String> unreadable, Map<String, Integer> skippedResources) {
        this(setting, diagnoses, transplantEligibility, priorTherapy, exposures, refractoriness, antiCd38Washout, renal,
                pulmonary, otherConditions, labs, allergies, unreadable, skippedResources, null);
    }

    /**
     * Whether relapse after the last line is documented ({@code status}: DOCUMENTED, NOT_RELAPSED, CONFLICTING, UNDETERMINED, TREATMENT_UNDECIDED,
     * NOT_DOCUMENTED), why, and every signal the record carries (relapse, remission, no progression, or a new line that
     * says relapse or intolerance without saying which), dated where the record dates them.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Relapse(String status, String text, List<FactRef> facts, List<RelapseSignal> signals) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RelapseSignal(String reading, String source, String date, String text, List<FactRef> facts) {}

    /**
     * A finding stated in words, with a machine-readable value and its facts; {@code rule} and {@code evidence}: the rule
     * that decided this item and its evidence ids, where items of one kind are decided by different rules (a
     * refractoriness by the drug's course, DERIVE-REFRACTORY-01, or by its line, DERIVE-REFRACTORY-03); absent otherwise.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Item(String code, String value, String text, List<FactRef> facts, String rule, List<String> evidence) {
        public Item(String code, String value, String text, List<FactRef> facts) {
            this(code, value, text, facts, null, null);
        }
    }

    /**
     * {@code otherTherapy}: medication records that are not lines of myeloma therapy (given for another condition, or
     * for a precursor), each with the rule that decided; absent when there are none. {@code unplaced}: records the engine
     * read but could not place on the timeline (no date; or a partial date that leaves their line undecided), each with
     * its resource reference and why (code MEDICATION, PROCEDURE or DISEASE_STATUS); absent when there are none.
     * {@code linesUndecided}: why the line count or grouping depends on a partial date; absent when it does not.
     * {@code linesMin}, {@code linesMax}: the fewest and most lines the record can be read as (priorLines is the count as
     * placed); absent when the count is decided.
     * {@code firstLineUnderWay}: the line of {@code lines} that is first-line therapy still being given
     * (rules/derive/setting.drl DERIVE-SETTING-20, CDS-POLICY-FIRSTLINE-UNDER-WAY); absent otherwise. That line is on
     * the timeline but is not a prior line, so {@code priorLines} does not count it (0 for a patient on first-line
     * therapy), and every report says "first line under way" where it would give the count (sweep s12 firstline F3).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PriorTherapy(int priorLines, boolean recorded, List<Line> lines, List<OtherTherapy> otherTherapy,
                               List<Item> unplaced, String linesUndecided, Integer linesMin, Integer linesMax,
                               FirstLine firstLineUnderWay) {
        public PriorTherapy(int priorLines, boolean recorded, List<Line> lines) { this(priorLines, recorded, lines, null); }
        public PriorTherapy(int priorLines, boolean recorded, List<Line> lines, List<OtherTherapy> otherTherapy) {
            this(priorLines, recorded, lines, otherTherapy, null, null, null, null);
        }
        public PriorTherapy(int priorLines, boolean recorded, List<Line> lines, List<OtherTherapy> otherTherapy,
                            List<Item> unplaced, String linesUndecided, Integer linesMin, Integer linesMax) {
            this(priorLines, recorded, lines, otherTherapy, unplaced, linesUndecided, linesMin, linesMax, null);
        }
    }

    /**
     * First-line therapy under way: {@code line} the number of its row in {@code lines} (its drugs and dates are there),
     * {@code since} its start as recorded, {@code text} the setting's words for it ("on first-line therapy since
     * 2023-01-23 (lenalidomide, …, ongoing; post-transplant phase …)"), {@code rule} the rule that decided it.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FirstLine(int line, String since, String text, String rule) {}

    /**
     * A record that is not a line of myeloma therapy: the drug (absent for a transplant, whose kind — AUTOLOGOUS,
     * ALLOGENEIC or UNKNOWN — is {@code transplant}), its dates as recorded, {@code decidedBy} the rule
     * (STATED_REASON, BEFORE_DIAGNOSIS, PRECURSOR, NO_MYELOMA_USE, NO_MYELOMA_USE_REASON_UNKNOWN) and {@code rule} in words, {@code reason} naming the condition and
     * its record, {@code exposure} whether the drug still counts as given (washout, refractoriness).
     * {@code recordedName}: for a drug the catalogue does not list (its {@code drug} is only the category it was read
     * as, such as UNLISTED_NAME_BSA_DOSED), the name the record gives it ("paclitaxel"); null otherwise.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record OtherTherapy(String drug, String start, String end, String decidedBy, String rule, String reason,
                               boolean exposure, List<FactRef> facts, String transplant, String recordedName) {
        /** The {@code drug} of a named antineoplastic with no use in myeloma (facts.NoMyelomaUseMedication.DRUG). */
        public static final String NO_MYELOMA_USE_DRUG = "ANTINEOPLASTIC_NO_MYELOMA_USE";

        /** Whether the drug is a named antineoplastic with no use in myeloma (CDS-POLICY-NO-MYELOMA-USE). */
        public boolean noMyelomaUse() { return NO_MYELOMA_USE_DRUG.equals(drug); }

        public OtherTherapy(String drug, String start, String end, String decidedBy, String rule, String reason,
                            boolean exposure, List<FactRef> facts) {
            this(drug, start, end, decidedBy, rule, reason, exposure, facts, null, null);
        }

        public OtherTherapy(String drug, String start, String end, String decidedBy, String rule, String reason,
                            boolean exposure, List<FactRef> facts, String transplant) {
            this(drug, start, end, decidedBy, rule, reason, exposure, facts, transplant, null);
        }
    }

    /**
     * {@code openedBy} names the line-of-therapy rule that opened the line (PROGRESSION, NEW_REGIMEN, TRANSPLANT...) and
     * {@code rule} says it in words; {@code transplants} the kind of each transplant (AUTOLOGOUS, ALLOGENEIC, UNKNOWN).
     * {@code start} and {@code end} are ISO days (the earliest start, the latest end); {@code startRecorded} and
     * {@code endRecorded} give them as recorded ("2024-03", "2024", "between 2024-03-01 and 2024-03-15") when a partial
     * date makes them imprecise, and are absent otherwise. When the records do not say when the line's therapy stopped
     * (a completed record with only its date; CDS-POLICY-UNKNOWN-END), {@code end} stays the last day recorded,
     * {@code endUnknown} is true, {@code endLatest} is the latest day the end can fall on (the day before the next line
     * started, else asOf) and {@code endRecorded} says so in words ("an unknown day before 2024-08-26"); all three are
     * absent otherwise.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Line(int number, String start, String end, List<String> drugs, boolean includesTransplant,
                       boolean ongoing, String reason, List<FactRef> facts, String openedBy, String rule,
                       List<String> transplants, String startRecorded, String endRecorded, Boolean endUnknown,
                       String endLatest, List<String> blindedDrugs, String lastDoseLatest) {
        /**
         * {@code blindedDrugs}: the drugs of {@code drugs} the line gave only as a blinded study product ("X or placebo",
         * CDS-POLICY-BLINDED-STUDY-DRUG), so a reader names them as recorded, not as given; absent when none.
         * {@code lastDoseLatest}: for a line whose oral drugs are charted once per cycle (CDS-POLICY-CYCLE-CHARTED-ORAL),
         * the latest day its last dose may have been taken (the day before the next cycle would have begun) when that is
         * after {@code end}: the line ended some day from {@code end} to this day; absent otherwise.
         */
        public Line(int number, String start, String end, List<String> drugs, boolean includesTransplant,
                    boolean ongoing, String reason, List<FactRef> facts, String openedBy, String rule,
                    List<String> transplants, String startRecorded, String endRecorded, Boolean endUnknown,
                    String endLatest, List<String> blindedDrugs) {
            this(number, start, end, drugs, includesTransplant, ongoing, reason, facts, openedBy, rule, transplants,
                    startRecorded, endRecorded, endUnknown, endLatest, blindedDrugs, null);
        }
        public Line(int number, String start, String end, List<String> drugs, boolean includesTransplant,
                    boolean ongoing, String reason, List<FactRef> facts, String openedBy, String rule,
                    List<String> transplants, String startRecorded, String endRecorded, Boolean endUnknown,
                    String endLatest) {
            this(number, start, end, drugs, includesTransplant, ongoing, reason, facts, openedBy, rule, transplants,
                    startRecorded, endRecorded, endUnknown, endLatest, null);
        }
        public Line(int number, String start, String end, List<String> drugs, boolean includesTransplant,
                    boolean ongoing, String reason, List<FactRef> facts, String openedBy, String rule,
                    List<String> transplants, String startRecorded, String endRecorded) {
            this(number, start, end, drugs, includesTransplant, ongoing, reason, facts, openedBy, rule, transplants,
                    startRecorded, endRecorded, null, null);
        }
        public Line(int number, String start, String end, List<String> drugs, boolean includesTransplant,
                    boolean ongoing, String reason, List<FactRef> facts) {
            this(number, start, end, drugs, includesTransplant, ongoing, reason, facts, null, null, null);
        }
        public Line(int number, String start, String end, List<String> drugs, boolean includesTransplant,
                    boolean ongoing, String reason, List<FactRef> facts, String openedBy, String rule,
                    List<String> transplants) {
            this(number, start, end, drugs, includesTransplant, ongoing, reason, facts, openedBy, rule, transplants, null, null);
        }
        /** Whether the line gave {@code drug} only as a blinded study product. */
        public boolean blinded(String drug) { return blindedDrugs != null && blindedDrugs.contains(drug); }
        /** The start as the record gives it ("2024-03"), for printing; {@link #start} is its earliest day. */
        public String startText() { return startRecorded != null ? startRecorded : start; }
        /** The end as the record gives it ("2026-07", "an unknown day before 2024-08-26"), for printing. */
        public String endText() { return endRecorded != null ? endRecorded : end; }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    /**
     * {@code refractoryUnknown}: no rule found the drug refractory, but a data gap says it may be (a partial date, an
     * unknown end, an incomplete history): "refractory: false" then means "not established", never "not refractory".
     * Written only when true.
     */
    /**
     * {@code undated}: the drug was given but no record of it has a date; {@code firstDose} and {@code lastDose} are then
     * null (never a made-up day) and decisions that need them are undecided.
     * {@code lastDoseRecorded}: the last dose as recorded ("2026-07", "2026") when a partial date makes it imprecise;
     * {@code lastDose} is then its latest day. Absent otherwise (issue 10: dates shown with their precision).
     */
    /**
     * {@code lastDoseUnknown}: the records do not say when the drug stopped (its last course ends on an order or
     * statement with only its date, CDS-POLICY-UNKNOWN-END, CDS-POLICY-OPEN-REQUEST): {@code lastDose} is then only the
     * last day recorded, the earliest the drug can have stopped, and this gives the end in words as the line table does
     * ("an unknown day by 2026-11-01"). {@code note} says why no decision turns on it when that is so (an old open
     * corticosteroid order, CDS-POLICY-ORDERS3-STEROID-OPEN-ORDER). Both absent otherwise.
     */
    public record Exposure(String drug, String drugClass, String firstDose, String lastDose, boolean ongoing,
                           boolean intolerant, boolean refractory, List<String> routes, List<FactRef> facts,
                           @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean refractoryUnknown,
                           @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean undated,
                           String lastDoseRecorded, String lastDoseUnknown, String note, String stopEvident) {
        /**
         * {@code stopEvident}: why the drug's own last dose, not its line, judges its refractoriness (its records stopped
         * while the line went on: CDS-POLICY-LINEREFR-STOP-EVIDENT), as the line's reason says it; absent otherwise.
         */
        public Exposure(String drug, String drugClass, String firstDose, String lastDose, boolean ongoing,
                        boolean intolerant, boolean refractory, List<String> routes, List<FactRef> facts,
                        boolean refractoryUnknown, boolean undated, String lastDoseRecorded) {
            this(drug, drugClass, firstDose, lastDose, ongoing, intolerant, refractory, routes, facts, refractoryUnknown,
                    undated, lastDoseRecorded, null, null, null);
        }

        /** The sources of the stop-evident reading: §1.2 and the policies its text names; empty when there is none. */
        @com.fasterxml.jackson.annotation.JsonIgnore
        public List<String> stopEvidentSources() {
            if (stopEvident == null) return List.of();
            List<String> ids = new java.util.ArrayList<>(List.of("IMWG-C11", "CDS-POLICY-LINEREFR-STOP-EVIDENT"));
            if (stopEvident.contains("CDS-POLICY-TIMELINE4-STOP-EVIDENT-SINGLE-DOSE")) ids.add("CDS-POLICY-TIMELINE4-STOP-EVIDENT-SINGLE-DOSE");
            return ids;
        }
        public Exposure(String drug, String drugClass, String firstDose, String lastDose, boolean ongoing,
                        boolean intolerant, boolean refractory, List<String> routes, List<FactRef> facts,
                        boolean refractoryUnknown, boolean undated) {
            this(drug, drugClass, firstDose, lastDose, ongoing, intolerant, refractory, routes, facts, refractoryUnknown,
                    undated, null);
        }
        public Exposure(String drug, String drugClass, String firstDose, String lastDose, boolean ongoing,
                        boolean intolerant, boolean refractory, List<String> routes, List<FactRef> facts) {
            this(drug, drugClass, firstDose, lastDose, ongoing, intolerant, refractory, routes, facts, false, false);
        }
        public Exposure(String drug, String drugClass, String firstDose, String lastDose, boolean ongoing,
                        boolean intolerant, boolean refractory, List<String> routes, List<FactRef> facts,
                        boolean refractoryUnknown) {
            this(drug, drugClass, firstDose, lastDose, ongoing, intolerant, refractory, routes, facts, refractoryUnknown, false);
        }
    }

    /**
     * {@code bands} are the washout bands the band was chosen from (day bounds; {@code untilDays} null for the last,
     * open-ended band), so a picture of the washout draws the same thresholds the rules used.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Washout(String drug, String lastDose, long days, String band, String text, List<FactRef> facts,
                          List<Band> bands) {
        public Washout(String drug, String lastDose, long days, String band, String text, List<FactRef> facts) {
            this(drug, lastDose, days, band, text, facts, null);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Band(String band, int fromDays, Integer untilDays) {}

    /**
     * A dated disease-status assessment from the record (mCODE disease status): progression, stable, improved...
     * The report marks progression events on the therapy timeline and lists the assessments dated during each line.
     * {@code date} is an ISO day (the earliest the assessment can stand for); {@code recorded} gives a partial date as
     * recorded ("2026-07") and is absent when the date is precise.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record StatusEvent(String date, String status, List<FactRef> facts, String derivation, String recorded) {
        /** A recorded assessment; {@code derivation} says how a derived one (a confirmed M-protein rise) was read. */
        public StatusEvent(String date, String status, List<FactRef> facts) { this(date, status, facts, null); }
        public StatusEvent(String date, String status, List<FactRef> facts, String derivation) {
            this(date, status, facts, derivation, null);
        }
        /** The date as recorded ("2026-07"), for printing; {@link #date} is its earliest day. */
        public String dateText() { return recorded != null ? recorded : date; }
    }

    /**
     * {@code comparator} is set when the laboratory reported a bound ("&lt;15"): {@code value} is then the number
     * written, not a measured value, and must be read with the comparator. {@code date} is as recorded: "2026-10" or
     * "2026" for a result dated by a month or a year (a FHIR partial date), never its first day; {@code ageDays} is
     * counted from its first possible day (the oldest it can be).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Renal(String metric, double value, String unit, String method, String date, long ageDays,
                        String category, boolean stale, boolean computed, boolean current, String text,
                        List<FactRef> facts, String comparator) {
        /** The value as a reader should see it: "&lt;15" for a bound, "15" for a measurement. */
        public String valueText(java.util.function.DoubleFunction<String> number) {
            return (comparator == null ? "" : comparator) + number.apply(value);
        }
    }
}
