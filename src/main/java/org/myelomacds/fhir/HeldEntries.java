package org.myelomacds.fhir;

/**
 * Hears of each value a streaming reader holds while it reads a bundle or a hook call: its bytes of JSON, and whether
 * it is an entry kept for the engine. A kept entry costs more than its bytes: it is parsed by HAPI, mapped into facts
 * and evaluated, and the evaluation's cost grows with the number of facts (an Observation-dense bundle), not only with
 * their bytes; a memory budget charges the two apart.
 */
@FunctionalInterface
public interface HeldEntries {
    /**
     * One value read: {@code bytes} of JSON held for it; {@code keptEntry} when it is a Bundle entry the engine reads
     * (false for a reduced entry and for a value that is no entry, such as a hook call's context).
     */
    void held(long bytes, boolean keptEntry);

    /** For a reader whose memory nobody accounts for (the CLI). */
    HeldEntries NONE = (bytes, keptEntry) -> { };
}
