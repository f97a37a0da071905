package org.myelomacds.evidence;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One label indication of a regimen in one jurisdiction, for one product or route, with the date it took effect (and
 * ended, where one did) from clinical-evidence.md §2.3 and the evidence id of the approval. An assessment applies the
 * labels in force on its evaluation date, so a replay shows what was on label then, not today.
 *
 * <p>Where the compendium gives no date, {@code effective} is null and the indication is assumed in force, and every
 * output that relies on it says so; {@code notApprovedOn} and {@code onLabelBy} keep what the compendium does say (a
 * day on which it was not yet approved, a day by which it was on the label), and {@code dateNote} says why the date is
 * missing. Nothing here is guessed.
 */
public record LabelIndication(String regimen, String id, String jurisdiction, String product, String route,
                              String population, LabelDate effective, LocalDate ended, LocalDate notApprovedOn,
                              LocalDate onLabelBy, List<String> evidence, String dateNote) {

    /** Where an indication stands on an evaluation date. */
    public enum Status {
        /** Approved on or before the date (and not ended). */
        IN_FORCE,
        /** The date does not decide it (no date in the compendium, or only the month, and the date falls in it): assumed in force, said so. */
        ASSUMED_IN_FORCE,
        /** Approved after the date. */
        NOT_YET_APPROVED,
        /** Ended on or before the date. */
        ENDED;

        public boolean inForce() { return this == IN_FORCE || this == ASSUMED_IN_FORCE; }
    }

    public LabelIndication {
        Objects.requireNonNull(regimen, "regimen");
        Objects.requireNonNull(id, "id");
        evidence = List.copyOf(evidence);
    }

    /** "DARA_VRD/US-SC-TI": how rules name it in @indication. */
    public String key() { return regimen + "/" + id; }

    public Status statusOn(LocalDate asOf) {
        if (ended != null && !asOf.isBefore(ended)) return Status.ENDED;
        if (effective != null) {
            if (asOf.isBefore(effective.first())) return Status.NOT_YET_APPROVED;
            return asOf.isAfter(effective.last()) || effective.dayKnown() ? Status.IN_FORCE : Status.ASSUMED_IN_FORCE;
        }
        if (notApprovedOn != null && !asOf.isAfter(notApprovedOn)) return Status.NOT_YET_APPROVED;
        return Status.ASSUMED_IN_FORCE;
    }

    /** "Darzalex Faspro (SC), US: NDMM ineligible for ASCT (CEPHEUS)". */
    public String describe() { return product + ", " + jurisdiction + ": " + population; }

    /** The dates as the rulebook and the Assessment print them. */
    public String dates() {
        StringBuilder b = new StringBuilder();
        if (effective != null) b.append("in force from ").append(effective.describe());
        else {
            b.append("date not given by the evidence compendium (assumed in force)");
            if (notApprovedOn != null) b.append("; not yet approved on ").append(notApprovedOn);
            if (onLabelBy != null) b.append("; on the label by ").append(onLabelBy);
        }
        if (ended != null) b.append(", ended ").append(ended);
        return b.toString();
    }

    /** Why it is not on label on {@code asOf}, for a criterion text; only for NOT_YET_APPROVED and ENDED. */
    public String whyNotInForce(LocalDate asOf) {
        return switch (statusOn(asOf)) {
            case ENDED -> describe() + " ended on " + ended + ", before the assessment date";
            case NOT_YET_APPROVED -> effective != null
                    ? describe() + " was approved on " + effective.describe() + ", after the assessment date"
                    : describe() + " was not yet approved on " + asOf + " (" + dateNote + ")";
            default -> describe() + " is in force";
        };
    }

    /** What an output says when it relies on an indication assumed in force; null when the date decides it. */
    public String assumption(LocalDate asOf) {
        if (statusOn(asOf) != Status.ASSUMED_IN_FORCE) return null;
        if (effective != null) {
            return describe() + ": approved in " + effective.describe() + "; assumed in force on " + asOf;
        }
        return onLabelBy != null && !asOf.isBefore(onLabelBy)
                ? describe() + ": approval date not given by the evidence compendium; on the label by " + onLabelBy + ", so in force on " + asOf
                : describe() + ": approval date not given by the evidence compendium; assumed in force on " + asOf;
    }
}
