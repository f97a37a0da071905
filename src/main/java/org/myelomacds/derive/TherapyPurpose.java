package org.myelomacds.derive;

import org.myelomacds.facts.ClinicalCondition;
import org.myelomacds.facts.ConditionKind;
import org.myelomacds.facts.MedicationRecord;
import org.myelomacds.facts.OtherTherapy;
import org.myelomacds.facts.OtherTherapy.Decision;
import org.myelomacds.facts.Provenance;
import org.myelomacds.facts.TherapyReason;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Which medication records are therapy of the myeloma (project policy CDS-POLICY-OTHER-THERAPY; IMWG lines count
 * therapy of myeloma, LOT-B15). In this order:
 * <ol>
 *   <li>a record naming myeloma (any phase), plasma-cell leukaemia or plasmacytoma among its stated reasons is myeloma
 *       therapy, whatever else it names;</li>
 *   <li>{@link Decision#PRECURSOR}: its reasons name smouldering myeloma, MGUS or AL amyloidosis — an exposure (the drug
 *       counts for the anti-CD38 washout, refractoriness and prior-exposure criteria) but not a line;</li>
 *   <li>{@link Decision#STATED_REASON}: its reasons name another condition (a referenced Condition that is no
 *       plasma-cell disorder, or a code the terminology reads as one) — other therapy, no line;</li>
 *   <li>{@link Decision#BEFORE_DIAGNOSIS}: no stated reason, given and ended before the earliest dated diagnosis of
 *       myeloma or a precursor, while another cancer had been diagnosed by its last day — therapy of that cancer;</li>
 *   <li>anything else (no reason, or only a bare code the engine does not recognise, such as "chemotherapy") is read
 *       as myeloma therapy, as before.</li>
 * </ol>
 * Other therapy with an anti-CD38 antibody stays an exposure (project decision): the antibody's washout and its effect
 * on the indirect antiglobulin test do not depend on why it was given.
 */
public final class TherapyPurpose {
    /** The catalogue entry every decision cites. */
    public static final String POLICY = "CDS-POLICY-OTHER-THERAPY";

    /**
     * {@code myeloma}: records that make lines and exposures; {@code exposureOnly}: records that make exposures but no
     * line; {@code other}: every record that is not myeloma therapy, with its decision (exposure-only ones included).
     */
    public record Split(List<MedicationRecord> myeloma, List<MedicationRecord> exposureOnly, List<OtherTherapy> other) {
        public Split {
            myeloma = List.copyOf(myeloma);
            exposureOnly = List.copyOf(exposureOnly);
            other = List.copyOf(other);
        }

        /** The records that describe exposure to a drug: myeloma therapy and exposure-only records. */
        public List<MedicationRecord> exposed() {
            List<MedicationRecord> all = new ArrayList<>(myeloma);
            all.addAll(exposureOnly);
            return List.copyOf(all);
        }
    }

    private TherapyPurpose() {}

    public static Split split(List<MedicationRecord> records, List<ClinicalCondition> conditions, LocalDate asOf) {
        Objects.requireNonNull(asOf, "asOf");
        List<ClinicalCondition> confirmed = (conditions == null ? List.<ClinicalCondition>of() : conditions).stream()
                .filter(c -> c != null && !c.isPossible() && (c.getOnset() == null || !c.getOnset().isAfter(asOf)))
                .toList();
        LocalDate plasmaCellDiagnosis = confirmed.stream()
                .filter(c -> plasmaCell(c.getKind()) && c.getOnset() != null)
                .map(ClinicalCondition::getOnset).min(Comparator.naturalOrder()).orElse(null);
        List<MedicationRecord> myeloma = new ArrayList<>();
        List<MedicationRecord> exposureOnly = new ArrayList<>();
        List<OtherTherapy> other = new ArrayList<>();
        for (MedicationRecord r : records == null ? List.<MedicationRecord>of() : records) {
            if (r == null) continue;
            List<TherapyReason> reasons = r.getReasons();
            List<TherapyReason> precursors = reasons.stream().filter(TherapyReason::isPrecursor).toList();
            List<TherapyReason> others = reasons.stream().filter(TherapyReason::isOtherCondition).toList();
            boolean antiCd38 = r.getDrug().isAntiCd38();
            OtherTherapy decided = null;
            if (reasons.stream().anyMatch(TherapyReason::isMyeloma)) {
                decided = null;
            } else if (!precursors.isEmpty()) {
                decided = new OtherTherapy(r, Decision.PRECURSOR, true, "given for " + names(precursors)
                        + ": an exposure to " + r.getDrug().displayName() + " (washout, refractoriness), not a line of"
                        + " myeloma therapy", provenance(r, List.of()));
            } else if (!others.isEmpty()) {
                decided = new OtherTherapy(r, Decision.STATED_REASON, antiCd38, "given for " + names(others)
                        + ", not for myeloma" + (antiCd38 ? "; as an anti-CD38 antibody it still counts for the anti-CD38"
                        + " washout" : ""), provenance(r, List.of()));
            } else if (reasons.isEmpty()) {
                Optional<ClinicalCondition> cancer = earlierCancer(r, confirmed, plasmaCellDiagnosis, asOf);
                if (cancer.isPresent()) {
                    ClinicalCondition c = cancer.get();
                    decided = new OtherTherapy(r, Decision.BEFORE_DIAGNOSIS, antiCd38, "given and ended before the first myeloma or precursor diagnosis ("
                            + plasmaCellDiagnosis + "), while " + (c.getDisplay() == null ? "another cancer" : c.getDisplay())
                            + " (" + c.sourceReference() + ", diagnosed " + c.getOnset() + ") was on record",
                            provenance(r, List.of(c)));
                }
            }
            if (decided == null) {
                myeloma.add(r);
            } else {
                other.add(decided);
                if (decided.isExposure()) exposureOnly.add(r);
            }
        }
        return new Split(myeloma, exposureOnly, other);
    }

    /** Another cancer diagnosed by the record's last day, when the record ended before the first plasma-cell diagnosis. */
    private static Optional<ClinicalCondition> earlierCancer(MedicationRecord r, List<ClinicalCondition> conditions,
                                                             LocalDate plasmaCellDiagnosis, LocalDate asOf) {
        if (plasmaCellDiagnosis == null || r.getStart() == null || !TherapyRecords.isGiven(r) || r.getStart().isAfter(asOf)) {
            return Optional.empty();
        }
        LocalDate last = TherapyRecords.lastDay(r, asOf);
        if (!last.isBefore(plasmaCellDiagnosis)) return Optional.empty();
        return conditions.stream()
                .filter(c -> c.getKind() == ConditionKind.OTHER_MALIGNANCY && c.getOnset() != null
                        && !c.getOnset().isAfter(last))
                .min(Comparator.comparing(ClinicalCondition::getOnset));
    }

    private static boolean plasmaCell(ConditionKind k) {
        return k.isMultipleMyeloma() || k.isPrecursorOrOtherPlasmaCellDisorder();
    }

    private static String names(List<TherapyReason> reasons) {
        return String.join(", ", reasons.stream().map(TherapyReason::describe).distinct().toList());
    }

    private static List<Provenance> provenance(MedicationRecord r, List<ClinicalCondition> conditions) {
        TreeSet<Provenance> all = new TreeSet<>(r.getProvenance());
        for (ClinicalCondition c : conditions) all.addAll(c.getProvenance());
        for (TherapyReason reason : r.getReasons()) {
            if (reason.reference() != null) all.add(new Provenance(reason.reference(), null));
        }
        return List.copyOf(all);
    }
}
