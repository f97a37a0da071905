package org.myelomacds.engine;

/** The rules could not finish an evaluation (e.g. a rule loop hit the firing limit); no answer is given. */
public final class EvaluationException extends RuntimeException {
    public EvaluationException(String message) { super(message); }
}
