package org.myelomacds.fhir;

/** One entry could not be parsed as R4: what kind of failure, at which FHIR path, and HAPI's explanation. */
final class EntryParseException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    enum Kind { UNKNOWN_ELEMENT, WRONG_JSON_TYPE, INVALID_VALUE, OTHER }

    private final Kind kind;
    private final String field;

    EntryParseException(Kind kind, String field, String message) {
        super(message);
        this.kind = kind;
        this.field = field;
    }

    Kind kind() { return kind; }
    /** e.g. "Observation.valueQuantity.value", or null when HAPI did not say. */
    String field() { return field; }
}
