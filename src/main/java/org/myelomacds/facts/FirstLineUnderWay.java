package org.myelomacds.facts;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The patient's only line of myeloma therapy is still being given at asOf, started on or after the first myeloma
 * diagnosis, with no progression or relapse (documented, derived from M-protein, or possible) after its start
 * (rules/derive/setting.drl, DERIVE-SETTING-20). The current first line is not a prior line: the setting is the newly
 * diagnosed one, and the first-line rules (rules/eligibility/first-line.drl) say the choice is already made. "Still being
 * given" is the line's own {@link PriorLine#isOngoing()} (the medication records' ongoing reading, an open order only
 * within CDS-POLICY-OPEN-REQUEST); no time bound since the start applies (CDS-POLICY-FIRSTLINE-UNDER-WAY).
 * {@code transplants} are the stem-cell transplants of the line already done at asOf: the therapy now given follows them
 * (post-transplant consolidation or maintenance; the record does not say which).
 * A line whose records ended with its autologous transplant, still inside the window in which the timeline joins the
 * next regimen to the line as its consolidation or maintenance, is under way too: the patient is recovering from the
 * transplant (DERIVE-SETTING-26, CDS-POLICY-FIRSTLINE-POST-ASCT-WINDOW); {@code daysSinceTransplant} says how long.
 */
public final class FirstLineUnderWay implements HasProvenance {
    private final PriorLine line;
    private final List<ProcedureRecord> transplants;
    /** Days from the line's closing autologous transplant to asOf when the line is under way by that window; -1 otherwise. */
    private final long daysSinceTransplant;
    private final int windowDays;

    public FirstLineUnderWay(PriorLine line, List<?> transplants) {
        this(line, transplants, -1, 0);
    }

    /**
     * The line under way because its last event, an autologous transplant {@code daysSinceTransplant} days before asOf,
     * lies within the {@code windowDays} in which a next regimen would still be the line's post-transplant phase.
     */
    public FirstLineUnderWay(PriorLine line, List<?> transplants, long daysSinceTransplant, int windowDays) {
        this.daysSinceTransplant = daysSinceTransplant;
        this.windowDays = windowDays;
        this.line = Objects.requireNonNull(line, "line");
        List<ProcedureRecord> t = new ArrayList<>();
        if (transplants != null) for (Object o : transplants) if (o instanceof ProcedureRecord p) t.add(p);
        t.sort(java.util.Comparator.comparing(ProcedureRecord::getDate));
        this.transplants = List.copyOf(t);
    }

    public PriorLine getLine() { return line; }
    public LocalDate getSince() { return line.getStart(); }
    public List<ProcedureRecord> getTransplants() { return transplants; }
    /** Under way only by the post-transplant window: nothing has been given since the line's autologous transplant. */
    public boolean isRecoveringFromTransplant() { return daysSinceTransplant >= 0; }
    /** A stem-cell transplant of the line lies before asOf: the therapy now given is its post-transplant phase. */
    public boolean isPostTransplant() { return !transplants.isEmpty(); }

    /**
     * An autologous stem-cell transplant of the line lies before asOf: the line's induction was given, and the transplant
     * answers transplant eligibility for this first line (CDS-POLICY-FIRSTLINE-ASCT-GIVEN). A transplant of unstated or
     * allogeneic kind does not: an allogeneic transplant is no part of the standard first-line plan the policy reads.
     */
    public boolean isAutologousTransplantGiven() { return lastAutologousTransplant() != null; }

    /** The latest autologous stem-cell transplant of the line before asOf, or null. */
    public ProcedureRecord lastAutologousTransplant() {
        ProcedureRecord last = null;
        for (ProcedureRecord p : transplants) if (p.getKind() == ProcedureKind.AUTOLOGOUS_STEM_CELL_TRANSPLANT) last = p;
        return last;
    }

    /** "the autologous stem-cell transplant of 2019-09-10 (Procedure/asct)"; empty when none was given. */
    public String autologousTransplantText() {
        ProcedureRecord p = lastAutologousTransplant();
        if (p == null) return "";
        String refs = Provenances.references(p);
        return "the " + p.getKind().displayName() + " of " + p.getDateText() + (refs.isEmpty() ? "" : " (" + refs + ")");
    }

    /** The line's drugs in words: "daratumumab, bortezomib". */
    public String drugNames() {
        List<String> names = new ArrayList<>();
        for (Drug d : line.getDrugs()) names.add(d.displayName());
        return String.join(", ", names);
    }

    /**
     * "on first-line therapy since 2026-07-10 (daratumumab, bortezomib, ongoing)", with the transplant when the line's
     * current phase follows one: "…(…, ongoing; post-transplant phase after the autologous stem-cell transplant of
     * 2026-03-02: consolidation or maintenance, the record does not say which)".
     */
    public String describe() {
        StringBuilder b = new StringBuilder("on first-line therapy since ").append(line.getStartText())
                .append(" (").append(drugNames());
        if (isRecoveringFromTransplant()) {
            ProcedureRecord last = transplants.get(transplants.size() - 1);
            return b.append("; its last event the ").append(last.getKind().displayName()).append(" of ")
                    .append(last.getDateText()).append(", ").append(daysSinceTransplant).append(" days ago, within the ")
                    .append(windowDays).append(" days after a transplant in which the next regimen is still the line's")
                    .append(" consolidation or maintenance; none recorded yet, no progression since)").toString();
        }
        b.append(", ongoing");
        if (isPostTransplant()) {
            ProcedureRecord last = transplants.get(transplants.size() - 1);
            b.append("; post-transplant phase after the ").append(last.getKind().displayName()).append(" of ")
                    .append(last.getDateText()).append(": consolidation or maintenance, the record does not say which");
        }
        return b.append(")").toString();
    }

    /**
     * The regimen is the one being given: its anti-CD38 antibody is a drug of the line, and every anti-myeloma drug of
     * the line (steroids aside) is one of its components. Drugs of the regimen not (yet) recorded in the line do not
     * count against it (lenalidomide ordered, not yet given), so more than one regimen can match.
     */
    public boolean matches(RegimenCandidate r) {
        if (r == null || r.getAntiCd38() == null || !line.contains(r.getAntiCd38())) return false;
        for (Drug d : line.getDrugs()) {
            if (d.getDrugClass() == DrugClass.CORTICOSTEROID) continue;
            // melphalan (or busulfan, treosulfan, thiotepa, carmustine, fludarabine) in a line with a transplant is read as its
            // high-dose conditioning (LineOfTherapyDeriver), which goes with the transplant, not with the induction or
            // maintenance regimen
            if (line.isIncludesTransplant() && Drug.TRANSPLANT_CONDITIONING.contains(d)) continue;
            if (!r.contains(d)) return false;
        }
        return true;
    }

    /** Some first line under way among {@code facts} matches the regimen (for rules that collect the fact). */
    public static boolean anyMatches(List<?> facts, RegimenCandidate r) {
        if (facts == null) return false;
        for (Object o : facts) if (o instanceof FirstLineUnderWay f && f.matches(r)) return true;
        return false;
    }

    @Override public List<Provenance> getProvenance() { return line.getProvenance(); }

    @Override public boolean equals(Object o) {
        return o instanceof FirstLineUnderWay f && line.equals(f.line) && transplants.equals(f.transplants)
                && daysSinceTransplant == f.daysSinceTransplant && windowDays == f.windowDays;
    }
    @Override public int hashCode() { return Objects.hash(line, transplants, daysSinceTransplant, windowDays); }
}
