package org.myelomacds.server.feedback;

/** The feedback database could not be opened, migrated, read or written; the message names the operation. */
public final class FeedbackStoreException extends RuntimeException {
    public FeedbackStoreException(String message, Throwable cause) { super(message, cause); }
}
