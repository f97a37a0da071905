package org.myelomacds.engine;

/** Where a rule is declared: its full name, stable id (the part before ':'), file and line. */
public record RuleLocation(String name, String id, String file, int line) {

    /** "ISA-KD-ELIG-01: 1 to 3 prior lines …" → "ISA-KD-ELIG-01". */
    public static String idOf(String ruleName) {
        int colon = ruleName.indexOf(':');
        return (colon > 0 ? ruleName.substring(0, colon) : ruleName).strip();
    }
}
