package org.myelomacds.derive;

import org.myelomacds.facts.DosingPeriod;
import org.myelomacds.facts.MedicationRecord;
import org.myelomacds.facts.ProcedureRecord;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Shared reading of medication and procedure records for the derivations in this package, so that exposures,
 * lines of therapy and the therapy history agree on what counts as "given", "ongoing" and "last day".
 */
public final class TherapyRecords {
    /**
     * FHIR statuses that say the drug was not given at all (MedicationStatement {@code not-taken}, MedicationAdministration
     * {@code not-done}, MedicationRequest {@code cancelled} — FHIR R4: "withdrawn before any administrations occurred" —,
     * MedicationDispense {@code cancelled} or {@code declined}) or that the record is void ({@code entered-in-error}).
     * Such records never make an exposure or a line, whatever the mapper set {@code planned} to (the mapper skips them
     * already; this keeps the meaning in one place for records built elsewhere). A request {@code stopped} part-way is
     * given: FHIR R4 says its actions were halted "before all of the administrations occurred". Every status's meaning is
     * tabled in the README ("Medication statuses").
     */
    static final Set<String> NOT_GIVEN_STATUSES = Set.of("not-taken", "not-done", "entered-in-error", "cancelled", "declined");

    /** Statuses that mean "still being given" when the record has no end date. */
    static final Set<String> ONGOING_STATUSES = Set.of("active", "in-progress", "on-hold");

    /**
     * CDS-POLICY-OPEN-REQUEST (rules/evidence.yaml): an active or on-hold MedicationRequest with no stated end counts as
     * ongoing only within this many days of its start (authoredOn or dosage start); EHRs leave orders active long after
     * therapy stops. Project policy, not evidence.
     */
    public static final int OPEN_REQUEST_ONGOING_DAYS = 90;

    private TherapyRecords() {}

    /** An open-ended active request written more than the policy's days before asOf: not read as ongoing. */
    static boolean isStaleOpenRequest(MedicationRecord r, LocalDate asOf) {
        return r.getSource() == org.myelomacds.facts.MedicationSource.REQUEST && r.getEnd() == null && r.getStart() != null
                && r.getEndUnreadable() == null && ONGOING_STATUSES.contains(status(r)) && r.getStart().isBefore(asOf.minusDays(OPEN_REQUEST_ONGOING_DAYS));
    }

    /**
     * The given, open-ended requests the policy does not read as ongoing, for the data gap that names them. A request
     * followed by a later administration, dispense or statement of the same drug is left out: those records show how
     * long the drug went on, so the request's own missing end no longer leaves it unknown.
     */
    public static java.util.List<MedicationRecord> staleOpenRequests(java.util.List<MedicationRecord> records, LocalDate asOf) {
        if (records == null) return java.util.List.of();
        return records.stream()
                .filter(r -> r != null && isGiven(r) && r.getStart() != null && !r.getStart().isAfter(asOf)
                        && isStaleOpenRequest(r, asOf)
                        && records.stream().noneMatch(o -> o != null && o != r && o.getDrug().equals(r.getDrug())
                                && o.getSource() != org.myelomacds.facts.MedicationSource.REQUEST && isGiven(o)
                                && o.getStart() != null && o.getStart().isAfter(r.getStart()) && !o.getStart().isAfter(asOf)))
                .toList();
    }

    /**
     * CDS-POLICY-ORDERS2-FILLS-UNDER-OPEN-ORDER (rules/evidence.yaml): an old open-ended active or on-hold request
     * ({@link #isStaleOpenRequest}) whose drug was dispensed after it was written, the last of those records being a
     * dispense whose supply ran out before asOf. The order is still open at asOf, so the record says the drug may still
     * be current: the fills give the earliest day the supply could have run out, not the last dose (specialty-pharmacy
     * fills, e.g. lenalidomide REMS, often never reach the EHR). The request is then read as given from its date to
     * that day, and its end is unknown from there on (bounded by the next line, else asOf, as CDS-POLICY-UNKNOWN-END
     * bounds it) rather than "stopped when the last supply ran out". Administrations charted under the open order are
     * read the same way (FINDINGS E2, CDS-POLICY-ORDERS3-ADMINISTRATIONS-UNDER-OPEN-ORDER): an infusion unit's doses
     * often reach the hospital record incompletely, so while the order is open the last charted dose is only the earliest
     * day the drug can have stopped. Returns that day, or null when the policy does not apply: no later fill or
     * administration, a later order of the drug (which replaces this one), a statement ending last (it says what was
     * given), or a supply reaching asOf (the drug is then ongoing).
     */
    public static LocalDate dispensedThrough(MedicationRecord r, List<MedicationRecord> records, LocalDate asOf) {
        Through t = through(r, records, asOf);
        return t == null ? null : t.day();
    }

    /**
     * What the last day of {@link #dispensedThrough} rests on, in words: "dispensed supply" (a MedicationDispense),
     * "charted dose" (a MedicationAdministration), or both when records of both kinds end on that day; null when the
     * policy does not apply. The data gap says which it was (sweep s13-orders3 remainder), so a fill is never called a
     * charted dose.
     */
    public static String dispensedThroughKind(MedicationRecord r, List<MedicationRecord> records, LocalDate asOf) {
        Through t = through(r, records, asOf);
        if (t == null) return null;
        return t.dispensed() && t.charted() ? "dispensed supply or charted dose"
                : t.charted() ? "charted dose" : "dispensed supply";
    }

    /** The day of {@link #dispensedThrough} and whether a dispense, an administration (or both) end on it. */
    private record Through(LocalDate day, boolean dispensed, boolean charted) {}

    private static Through through(MedicationRecord r, List<MedicationRecord> records, LocalDate asOf) {
        if (r == null || records == null || !isStaleOpenRequest(r, asOf) || !OPEN_ORDER_STATUSES.contains(status(r))
                || !isDatedAndStarted(r, asOf)) return null;
        LocalDate through = null;
        boolean lastIsCharted = false;
        boolean dispensed = false;
        boolean administered = false;
        for (MedicationRecord o : records) {
            if (o == null || o == r || !o.getDrug().equals(r.getDrug()) || !isDatedAndStarted(o, asOf)
                    || o.getStart().isBefore(r.getStart())) continue;
            if (o.getSource() == org.myelomacds.facts.MedicationSource.REQUEST) {
                if (o.getStart().isAfter(r.getStart())) return null;
                continue;
            }
            LocalDate last = lastDay(o, asOf);
            boolean charted = o.getSource() == org.myelomacds.facts.MedicationSource.DISPENSE
                    || o.getSource() == org.myelomacds.facts.MedicationSource.ADMINISTRATION;
            boolean dispense = o.getSource() == org.myelomacds.facts.MedicationSource.DISPENSE;
            if (through == null || last.isAfter(through)) {
                through = last;
                lastIsCharted = charted;
                dispensed = dispense;
                administered = charted && !dispense;
            } else if (last.equals(through)) {
                if (!charted) lastIsCharted = false;
                dispensed |= dispense;
                administered |= charted && !dispense;
            }
        }
        if (through == null || !lastIsCharted || !through.isBefore(asOf) || !through.isAfter(r.getStart())) return null;
        return new Through(through, dispensed, administered);
    }

    /** The last day a record is read as given up to: {@link #dispensedThrough} when it applies, else {@link #lastDay}. */
    static LocalDate lastDayAmong(MedicationRecord r, List<MedicationRecord> records, LocalDate asOf) {
        LocalDate through = dispensedThrough(r, records, asOf);
        return through != null ? through : lastDay(r, asOf);
    }

    /**
     * CDS-POLICY-ORDERS-NOT-STARTED (rules/evidence.yaml): orders of an anti-myeloma drug that the record does not show
     * were started, so they form no line and no exposure (LineOfTherapyDeriver#notStartedUncertain names them and says
     * how many lines they could make). A MedicationRequest that is open at asOf (active or on-hold, read as running:
     * {@link #isOngoing}) with no MedicationStatement, MedicationAdministration or MedicationDispense of its drug
     * reaching its start, when
     * <ul>
     *   <li>it is on-hold: FHIR R4 "actions implied by the prescription are to be temporarily halted", so nothing says a
     *       dose was given; or</li>
     *   <li>it is active and the record documents what was given in records of its own (a given, dated statement,
     *       administration or dispense of some anti-myeloma drug): FHIR R4 active is only "actionable", and in a chart
     *       that records giving, an order with nothing given under it is the next regimen prescribed, not yet a line
     *       (LOT-B15: a line is at least one complete cycle).</li>
     * </ul>
     * An order-only record (an order feed, Synthea) keeps its orders as therapy: they are all it holds. An order older
     * than CDS-POLICY-OPEN-REQUEST allows is read by that policy (given on its date, end unknown), as is any closed order.
     */
    public static java.util.List<MedicationRecord> notKnownStarted(java.util.List<MedicationRecord> records, LocalDate asOf) {
        if (records == null) return java.util.List.of();
        boolean chartRecordsGiving = records.stream().anyMatch(o -> o != null
                && o.getSource() != org.myelomacds.facts.MedicationSource.REQUEST && isDatedAndStarted(o, asOf)
                && o.getDrug().getDrugClass().isAntiMyelomaTherapy());
        return records.stream()
                .filter(r -> r != null && r.getSource() == org.myelomacds.facts.MedicationSource.REQUEST
                        && isDatedAndStarted(r, asOf) && r.getDrug().getDrugClass().isAntiMyelomaTherapy()
                        && OPEN_ORDER_STATUSES.contains(status(r)) && isOngoing(r, asOf)
                        && ("on-hold".equals(status(r)) || chartRecordsGiving)
                        && records.stream().noneMatch(o -> o != null && o != r && o.getDrug().equals(r.getDrug())
                                && o.getSource() != org.myelomacds.facts.MedicationSource.REQUEST
                                && isDatedAndStarted(o, asOf) && !lastDay(o, asOf).isBefore(r.getStart())))
                .toList();
    }

    /** Request statuses that leave an order open (CDS-POLICY-ORDERS-NOT-STARTED reads only these). */
    private static final Set<String> OPEN_ORDER_STATUSES = Set.of("active", "on-hold");

    private static String status(MedicationRecord r) {
        return r.getStatus() == null ? "" : r.getStatus().trim().toLowerCase(Locale.ROOT);
    }

    /** The catalogue entry for a statement whose use is not known. */
    public static final String POLICY_USE_UNKNOWN = "CDS-POLICY-HISTORY-STATUS-UNKNOWN";

    /**
     * CDS-POLICY-HISTORY-STATUS-UNKNOWN: a MedicationStatement of an anti-myeloma drug with status {@code unknown}
     * (FHIR R4: "the state of the medication use is not currently known") may or may not have been taken. It opens no
     * line and makes no exposure; the timeline says whether the line count depends on it, and the drug's exposure,
     * refractoriness and (for an anti-CD38 antibody) washout are undecided. Requests, administrations and dispenses
     * with status unknown say only that the source system does not know which status applies, and are read as before;
     * so are corticosteroids (alone they make no line) and drugs outside the catalogue's anti-myeloma classes.
     */
    /**
     * The data gap of a statement whose use is unknown ({@link #isUseUnknown}): whether the drug was taken, and with it
     * the exposure, refractoriness and, for an anti-CD38 antibody, the washout counted from its last possible dose.
     * Null when the record lies inside the span of the same drug's exposure from records taken ({@code taken}).
     */
    public static org.myelomacds.facts.DrugHistoryGap useUnknownGap(MedicationRecord r, LocalDate asOf,
                                                                    List<org.myelomacds.facts.DrugExposure> taken) {
        String last = null;
        if (r.getStart() != null && !r.getStart().isAfter(asOf)) {
            LocalDate day = lastDay(r, asOf);
            // Inside the span of the same drug recorded as taken (first dose no later than the record's start, last dose
            // surely no earlier than its last possible day): taken or not, the drug's dates, refractoriness and washout
            // are the same, so nothing is undecided (as the line count, which is a range only when the lines differ).
            for (org.myelomacds.facts.DrugExposure e : taken == null ? List.<org.myelomacds.facts.DrugExposure>of() : taken) {
                if (e.getDrug().equals(r.getDrug()) && e.isDated() && !e.getFirstDose().isAfter(r.getStart())
                        && !e.getLastDoseEarliest().isBefore(day)) return null;
            }
            last = day + ", " + java.time.temporal.ChronoUnit.DAYS.between(day, asOf) + " days before " + asOf;
        }
        return org.myelomacds.facts.DrugHistoryGap.useUnknown(r, last);
    }

    public static boolean isUseUnknown(MedicationRecord r) {
        if (r == null || r.getSource() != org.myelomacds.facts.MedicationSource.STATEMENT || r.isPlanned()) return false;
        if (!"unknown".equals(status(r)) || !r.getDrug().isCatalogued()) return false;
        return r.getDrug().getDrugClass().isAntiMyelomaTherapy();
    }

    /** Not planned, and not recorded as not given or entered in error. */
    static boolean isGiven(MedicationRecord r) {
        return !r.isPlanned() && !NOT_GIVEN_STATUSES.contains(status(r));
    }

    /** Given and dated with a start on or before asOf: the records that describe actual exposure. */
    static boolean isDatedAndStarted(MedicationRecord r, LocalDate asOf) {
        return isGiven(r) && r.getStart() != null && !r.getStart().isAfter(asOf);
    }

    /**
     * Ongoing at asOf: an active/in-progress/on-hold record without an end, or a record whose end is certainly after
     * asOf. A partial end that may fall on or before asOf ("2026" read on 2026-11-01) is not known to be ongoing: its
     * last dose is the interval from the end's earliest day to asOf ({@link #lastDay}, {@link #earliestLastDay}), so a
     * decision that depends on it is undecided rather than "on treatment".
     */
    static boolean isOngoing(MedicationRecord r, LocalDate asOf) {
        // Dated only by dateAsserted: the drug was taken that day; whether it still is, is unknown (CDS-POLICY-DATE-ASSERTED).
        if (r.isPlacedByAssertion()) return false;
        // An end stated but unreadable (a period ending before it starts, a dispense with no supply) says the therapy
        // ended, not when: never ongoing, whatever the status.
        if (r.getEndUnreadable() != null) return false;
        if (r.getEnd() == null) return ONGOING_STATUSES.contains(status(r)) && !isStaleOpenRequest(r, asOf);
        LocalDate earliestEnd = r.getEndEarliest() == null ? r.getEnd() : r.getEndEarliest();
        return earliestEnd.isAfter(asOf);
    }

    /**
     * Last day of exposure as far as asOf is concerned: asOf when ongoing; otherwise the end date, or, for a record
     * without an end (a single administration, an order), the latest day its date can stand for (a one-day record dated
     * "2023-01" was given some day in January: its end is placed at the latest, as every partial end is); never before
     * the start (the mapper makes a period ending before it starts an unknown end; a record built elsewhere with one is
     * read as one day) and never after asOf.
     */
    static LocalDate lastDay(MedicationRecord r, LocalDate asOf) {
        if (isOngoing(r, asOf)) return asOf;
        LocalDate last = r.getEnd() == null || r.getEnd().isBefore(r.getStart()) ? r.getStartLatest() : r.getEnd();
        return last.isAfter(asOf) ? asOf : last;
    }

    /**
     * Earliest day the record's last dose can have been given: asOf when ongoing; the earliest day of a partial end;
     * for a one-day record, its earliest start (a dose "2023-01" may have been on the 1st). Never after asOf or
     * {@link #lastDay}.
     */
    static LocalDate earliestLastDay(MedicationRecord r, LocalDate asOf) {
        LocalDate latest = lastDay(r, asOf);
        if (isOngoing(r, asOf)) return latest;
        // A record placed by its dateAsserted was taken on that day (its latest start): the last dose is no earlier.
        if (r.isPlacedByAssertion()) return r.getStartLatest().isAfter(latest) ? latest : r.getStartLatest();
        LocalDate earliest = r.getEnd() == null || r.getEnd().isBefore(r.getStart()) ? r.getStart()
                : r.getEndEarliest() == null ? r.getEnd() : r.getEndEarliest();
        if (earliest.isBefore(r.getStart())) earliest = r.getStart();
        return earliest.isAfter(latest) ? latest : earliest;
    }

    /**
     * Statuses of a request or statement that say its therapy ended, but not when ({@code completed}, {@code stopped}),
     * or that do not say whether it ended ({@code unknown}: FHIR R4 "not currently known"; every status it may stand for
     * leaves the end unknown or ongoing, none makes a one-day course).
     */
    static final Set<String> ENDED_STATUSES = Set.of("completed", "stopped", "unknown");

    /**
     * CDS-POLICY-UNKNOWN-END (rules/evidence.yaml): a completed, stopped or unknown-status MedicationRequest or
     * MedicationStatement that gives only one day (authoredOn; a single effectiveDateTime) and no period, dose duration
     * or supply. "completed" and "stopped" say the order or the taking ended, not when: the day recorded is the first
     * known day of the therapy, and its last day lies anywhere from that day to the day before the next line started
     * (else asOf).
     */
    static boolean isEndedWithoutEnd(MedicationRecord r) {
        return (r.getSource() == org.myelomacds.facts.MedicationSource.REQUEST
                || r.getSource() == org.myelomacds.facts.MedicationSource.STATEMENT)
                && r.getEnd() == null && r.getStart() != null && ENDED_STATUSES.contains(status(r));
    }

    /**
     * The record gives no end of its therapy: an open-ended active request the policy does not read as ongoing
     * (CDS-POLICY-OPEN-REQUEST), or a completed or stopped request or statement with only its date
     * (CDS-POLICY-UNKNOWN-END), or a record whose stated end could not be read (a period ending before it starts,
     * CDS-POLICY-PERIOD-END-BEFORE-START; a dispense with no supply, CDS-POLICY-DISPENSE-SUPPLY-FROM-DOSAGE), or an open
     * order past its dispense authorisation (CDS-POLICY-OPEN-REQUEST, {@link OpenOrderAuthorisationEnds}). Its last
     * day is only the day it names; the drug may have been given long after.
     */
    static boolean hasUnknownEnd(MedicationRecord r, LocalDate asOf) {
        return isStaleOpenRequest(r, asOf) || isEndedWithoutEnd(r) || r.isPlacedByAssertion() || r.getEndUnreadable() != null
                || r.isAuthorisationEndOpen();
    }

    /**
     * The given records whose end is unknown ({@link #hasUnknownEnd}) and that end their drug's course: the course's
     * last day rests on them. A record followed in its course by a later record of the same drug (an administration, a
     * dispense, a period) is left out: that record shows how long the drug went on. Each comes with the course it ends,
     * which bounds the unknown end ({@link DosingPeriod#getEndLatest}).
     */
    public static java.util.List<UnknownEnd> unknownEnds(java.util.List<MedicationRecord> records,
                                                         java.util.List<DosingPeriod> courses, LocalDate asOf) {
        if (records == null || courses == null) return java.util.List.of();
        java.util.List<UnknownEnd> out = new java.util.ArrayList<>();
        for (MedicationRecord r : records) {
            if (r == null || !isDatedAndStarted(r, asOf) || !hasUnknownEnd(r, asOf)) continue;
            LocalDate last = lastDayAmong(r, records, asOf);
            for (DosingPeriod c : courses) {
                if (c.isEndUnknown() && c.getDrug().equals(r.getDrug()) && c.getEnd().equals(last)
                        && c.getProvenance().containsAll(r.getProvenance())) {
                    out.add(new UnknownEnd(r, c));
                    break;
                }
            }
        }
        return out;
    }

    /**
     * The planned end of the stopped orders a course with an unknown end ends on (CDS-POLICY-STOPPED-PLANNED-END): the
     * latest day of the plan among them, which bounds the unknown end. Null when the course's end is known or when one
     * of the records it ends on states no plan (its end is bounded only by the next line, or asOf).
     */
    static LocalDate plannedEndOf(DosingPeriod course, java.util.Collection<MedicationRecord> records, LocalDate asOf) {
        return latestBoundOf(course, records, asOf, MedicationRecord::getPlannedEnd);
    }

    /**
     * The dateAsserted of the stopped or completed statements a course with an unknown end ends on
     * (CDS-POLICY-STOPPED-BY-ASSERTION): the latest among them, by which the therapy had stopped. Null when the course's
     * end is known or when one of the records it ends on gives no such day (its end is then bounded only by the plan, the
     * next line, or asOf).
     */
    static LocalDate stoppedByOf(DosingPeriod course, java.util.Collection<MedicationRecord> records, LocalDate asOf) {
        return latestBoundOf(course, records, asOf, MedicationRecord::getStoppedBy);
    }

    /**
     * The latest {@code bound} among the records a course with an unknown end ends on (of its drug, dated and started,
     * of unknown end, whose last day is the course's end, all in its provenance); null when the end is known or when one
     * of those records gives no bound, since the end is then bounded only by what else is known.
     */
    private static LocalDate latestBoundOf(DosingPeriod course, java.util.Collection<MedicationRecord> records, LocalDate asOf,
                                           java.util.function.Function<MedicationRecord, LocalDate> bound) {
        if (!course.isEndUnknown()) return null;
        LocalDate latest = null;
        for (MedicationRecord r : records) {
            if (r == null || !r.getDrug().equals(course.getDrug()) || !isDatedAndStarted(r, asOf)
                    || !hasUnknownEnd(r, asOf) || !lastDayAmong(r, asList(records), asOf).equals(course.getEnd())
                    || !course.getProvenance().containsAll(r.getProvenance())) continue;
            LocalDate b = bound.apply(r);
            if (b == null) return null;
            if (latest == null || b.isAfter(latest)) latest = b;
        }
        return latest;
    }

    private static List<MedicationRecord> asList(java.util.Collection<MedicationRecord> records) {
        return records instanceof List<MedicationRecord> l ? l : new java.util.ArrayList<>(records);
    }

    /** A record whose end is unknown, with the course it ends. */
    public record UnknownEnd(MedicationRecord record, DosingPeriod course) {
        /** The open-request policy (active, on-hold) rather than a completed or stopped record (or one dated by dateAsserted). */
        public boolean openRequest() {
            return !ENDED_STATUSES.contains(status(record)) && !record.isPlacedByAssertion()
                    && record.getEndUnreadable() == null && !record.isAuthorisationEndOpen();
        }

        /** An open order past its dispense authorisation ({@link OpenOrderAuthorisationEnds}). */
        public boolean pastAuthorisation() { return record.isAuthorisationEndOpen(); }
    }

    /**
     * The record states when its drug stopped (a period ending after it started) or that it is still given. A one-day
     * record (an administration, an order with only its date) does not: doses may have followed that were not recorded.
     */
    static boolean statesEnd(MedicationRecord r, LocalDate asOf) {
        // An open order's authorisation end is only the earliest day its drug can have stopped (CDS-POLICY-OPEN-REQUEST).
        if (r.isAuthorisationEndOpen()) return false;
        return isOngoing(r, asOf) || (r.getEnd() != null && r.getEnd().isAfter(r.getStart()));
    }

    /** A stem-cell transplant that was performed (not planned). */
    static boolean isPerformedTransplant(ProcedureRecord p) {
        return p.isStemCellTransplant() && !p.isPlanned();
    }
}
