package org.myelomacds.engine;

import org.myelomacds.evidence.terminology.Terminology;

/**
 * The build-time rulebase of this process, loaded from the classpath on first use and then shared: it is an
 * immutable artifact of the build, like the classes beside it, and expensive to load (about a second in a fresh
 * JVM), while in-process callers (tests, batch runs, the server) evaluate many bundles with it. The rule files,
 * their terminology and the compiled rulebase are loaded separately so a caller can read a bundle with the
 * terminology while the rulebase is still being built on another thread.
 */
public final class ShippedRulebase {
    private static RuleFiles files;
    private static Terminology terminology;
    private static Rulebase rulebase;

    private ShippedRulebase() {}

    public static synchronized RuleFiles files() throws RulebaseException {
        if (files == null) files = Rulebase.shippedFiles();
        return files;
    }

    /** The shipped terminology: the instance the shipped rulebase holds. */
    public static Terminology terminology() throws RulebaseException {
        RuleFiles f = files();
        synchronized (ShippedRulebase.class) {
            if (terminology == null) terminology = Rulebase.terminology(f);
            return terminology;
        }
    }

    public static Rulebase rulebase() throws RulebaseException {
        return rulebase(ShippedRulebase::terminology);
    }

    /** The shipped rulebase; {@code terminology} is asked for once its classes are loaded (another thread may be loading it). */
    public static Rulebase rulebase(Rulebase.TerminologySource terminology) throws RulebaseException {
        synchronized (ShippedRulebase.class) {
            if (rulebase != null) return rulebase;
        }
        Rulebase built = Rulebase.shipped(files(), terminology);
        synchronized (ShippedRulebase.class) {
            if (rulebase == null) rulebase = built;
            return rulebase;
        }
    }
}
