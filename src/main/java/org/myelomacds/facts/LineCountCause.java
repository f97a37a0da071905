package org.myelomacds.facts;

import java.util.Objects;

/**
 * One record that moves the line count ({@link LineCountUncertain}): the kind of doubt it raises, and the record named
 * with what it shows. A new kind of doubt is one more {@link Kind}, not one more list threaded through every constructor.
 */
public record LineCountCause(Kind kind, String text) {
    public LineCountCause {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(text, "text");
    }

    /** Why the record moves the count; the order is the order in which the causes are kept and compared. */
    public enum Kind {
        /** A progression or transplant (or a start) recorded by month or year, e.g. "Observation/p1 (progression in 2024)". */
        PARTIAL_DATE,
        /** A record whose purpose is undecided (derive/TherapyPurpose), naming the record and why. */
        PURPOSE,
        /** A record without an end whose unknown end moves the count, e.g. "MedicationRequest/r (lenalidomide on 2023-02-04)". */
        UNKNOWN_END,
        /** Therapy that joined a line only by a day-count window and may have been a new line, naming its records and why. */
        WINDOW_JOIN,
        /** A statement whose use is unknown (CDS-POLICY-HISTORY-STATUS-UNKNOWN), e.g. "MedicationStatement/s (daratumumab from 2026-03-01)". */
        USE_UNKNOWN,
        /** A statement dated only by dateAsserted that the timeline could not place (CDS-POLICY-DATE-ASSERTED). */
        ASSERTED,
        /** A possible progression (an unconfirmed or partially dated M-protein rise), saying what the record shows. */
        POSSIBLE_PROGRESSION,
        /** An order not known to have been started (CDS-POLICY-ORDERS-NOT-STARTED), naming the request and its date. */
        NOT_STARTED
    }
}
