package org.myelomacds.facts;

import java.util.Objects;

/**
 * A part of the bundle the engine could not read: where (entry index, resource reference, field) and why.
 * Evaluation either refuses the bundle or, when partial evaluation was asked for, lists these as data gaps.
 */
public final class UnreadableInput {
    private final int entryIndex;
    private final String reference;
    private final String field;
    private final String message;

    public UnreadableInput(int entryIndex, String reference, String field, String message) {
        this.entryIndex = entryIndex;
        this.reference = reference;
        this.field = field;
        this.message = Objects.requireNonNull(message, "message");
    }

    /** Index in Bundle.entry, or -1 when the problem is not tied to one entry. */
    public int getEntryIndex() { return entryIndex; }
    public String getReference() { return reference; }
    public String getField() { return field; }
    public String getMessage() { return message; }

    /** "Bundle.entry[3] (Observation/egfr-1) Observation.valueQuantity.unit: unit 'stone' cannot be converted to kg". */
    public String describe() {
        StringBuilder b = new StringBuilder();
        if (entryIndex >= 0) b.append("Bundle.entry[").append(entryIndex).append("]");
        if (reference != null) b.append(b.length() > 0 ? " " : "").append("(").append(reference).append(")");
        if (field != null) b.append(b.length() > 0 ? " " : "").append(field);
        if (b.length() > 0) b.append(": ");
        return b.append(message).toString();
    }
}
