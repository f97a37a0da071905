package org.myelomacds.facts;

/**
 * The IMWG refractory window (IMWG-C11, clinical-evidence.md §1.2): disease that progresses while on therapy or within
 * this many days of its last dose is refractory to it. One figure for every reader: the refractoriness rules
 * (rules/derive/refractoriness.drl, through its function {@code refractoryWindowDays()}), the precursor-progression
 * timing ({@link PrecursorProgression}), the scope of a window-join line range (derive/WindowJoinLines) and the
 * tumour-board line table, which lists with a line the assessments dated in its window.
 */
public final class RefractoryWindow {
    /** Days after the last dose within which a progression still counts as on therapy. */
    public static final int DAYS = 60;

    private RefractoryWindow() {}
}
