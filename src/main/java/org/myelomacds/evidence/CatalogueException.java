package org.myelomacds.evidence;

/** A catalogue file (evidence.yaml, regimens.yaml) that cannot be read; the message names the file and the problem. */
public final class CatalogueException extends Exception {
    public CatalogueException(String message) { super(message); }
}
