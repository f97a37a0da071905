package org.myelomacds.fhir;

/** A query to a FHIR server that failed; the message names the query and the server's answer, never the token. */
public final class FhirFetchException extends Exception {
    private final String query;

    public FhirFetchException(String query, String message, Throwable cause) {
        super(query + ": " + message, cause);
        this.query = query;
    }

    public String query() { return query; }
}
