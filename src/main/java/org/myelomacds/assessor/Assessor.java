package org.myelomacds.assessor;

import com.fasterxml.jackson.databind.JsonNode;
import org.myelomacds.engine.EvaluationException;
import org.myelomacds.engine.Evaluator;
import org.myelomacds.engine.Rulebase;
import org.myelomacds.engine.RulebaseException;
import org.myelomacds.engine.RulebaseSource;
import org.myelomacds.evidence.terminology.Terminology;
import org.myelomacds.facts.EvaluationContext;
import org.myelomacds.facts.Jurisdiction;
import org.myelomacds.facts.PatientRecord;
import org.myelomacds.fhir.BundleReader;
import org.myelomacds.fhir.InvalidBundleException;

import java.io.InputStream;
import java.time.LocalDate;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The one path from a patient bundle to an {@link org.myelomacds.assessment.Assessment}: read the bundle with the
 * terminology of the rules that will judge it, refuse it if it cannot be read, refuse it if parts could not be read
 * and no partial answer was asked for, evaluate it. Every front end (evaluate, report, the CDS Hooks service, the
 * REST API, the review page, screening) comes through here and only maps the {@link AssessmentResult}.
 *
 * <p>It sits between the engine and the front ends: it needs the FHIR reader and the engine, and the engine itself
 * never depends on FHIR. Stateless and thread-safe.
 */
public final class Assessor {
    private final BundleReader reader;
    /** The rules for one assessment, taken once per call so a reload never changes an assessment in flight. */
    private final Supplier<Rules> rules;

    /** For a long-running front end: each assessment takes the source's current rulebase once. */
    public Assessor(BundleReader reader, RulebaseSource rules) {
        this(reader, () -> Rules.of(rules.current()));
        Objects.requireNonNull(rules, "rules");
    }

    /** For one set of rules, possibly still loading (the CLI reads the bundle while its rulebase is being built). */
    public Assessor(BundleReader reader, Rules rules) {
        this(reader, () -> rules);
        Objects.requireNonNull(rules, "rules");
    }

    private Assessor(BundleReader reader, Supplier<Rules> rules) {
        this.reader = Objects.requireNonNull(reader, "reader");
        this.rules = rules;
    }

    /**
     * The rulebase the next assessment would use, for a front end that names things from its catalogues (the review
     * page labels its regimen switch with the regimens' short names).
     */
    public Rulebase currentRulebase() throws RulebaseException {
        return rules.get().rulebase();
    }

    /** An assessor for one fixed rulebase (the CLI, screening, tests). */
    public static Assessor of(Rulebase rulebase) {
        return new Assessor(new BundleReader(), Rules.of(rulebase));
    }

    /**
     * The rules one assessment uses, taken once: the terminology the bundle is read with and the rulebase that judges
     * it. Separate so a caller may read the bundle while the rulebase is still being built on another thread.
     */
    public interface Rules {
        Terminology terminology() throws RulebaseException;

        Rulebase rulebase() throws RulebaseException;

        static Rules of(Rulebase rulebase) {
            return new Rules() {
                @Override public Terminology terminology() { return rulebase.terminology(); }
                @Override public Rulebase rulebase() { return rulebase; }
            };
        }
    }

    /** The bundle's bytes (JSON). */
    public AssessmentResult assess(byte[] bundle, LocalDate asOf, Jurisdiction jurisdiction, boolean allowPartial) {
        return assess(rules.get(), terminology -> reader.read(bundle, asOf, terminology), asOf, jurisdiction, allowPartial);
    }

    /** A bundle already held as a tree from {@link BundleReader#jsonMapper()} (a request body, assembled prefetch). */
    public AssessmentResult assess(JsonNode bundle, LocalDate asOf, Jurisdiction jurisdiction, boolean allowPartial) {
        return assess(rules.get(), terminology -> reader.read(bundle, asOf, terminology), asOf, jurisdiction, allowPartial);
    }

    /** With a rulebase the caller took already: a request that needs the same rulebase before and after the assessment. */
    public AssessmentResult assess(Rulebase rulebase, JsonNode bundle, LocalDate asOf, Jurisdiction jurisdiction,
                                   boolean allowPartial) {
        return assess(Rules.of(rulebase), terminology -> reader.read(bundle, asOf, terminology), asOf, jurisdiction, allowPartial);
    }

    /** A bundle read from a stream as it arrives (a file, standard input): its bytes are never held whole. */
    public AssessmentResult assess(InputStream bundle, LocalDate asOf, Jurisdiction jurisdiction, boolean allowPartial) {
        return assess(rules.get(), terminology -> reader.read(bundle, asOf, terminology), asOf, jurisdiction, allowPartial);
    }

    /**
     * The reading of a bundle as it arrives, apart from its evaluation: a server reads a request body on the client's
     * time and evaluates it only when its turn comes ({@link #assess(Prepared, LocalDate, Jurisdiction, boolean)}), so a
     * slow upload never holds an evaluation slot. Takes the current rules once; {@code strictKeys} refuses a key given
     * twice; {@code retained} hears of the bytes held per entry (see {@link BundleReader#scan}). A refusal is kept and
     * given by the assessment, so it goes the one way every refusal goes.
     */
    public Prepared prepare(InputStream bundle, boolean strictKeys, org.myelomacds.fhir.HeldEntries retained) {
        return prepare(rules.get(), bundle, strictKeys, retained);
    }

    /** The same with a rulebase the caller took already (a request that names it in its audit line). */
    public Prepared prepare(Rulebase rulebase, InputStream bundle, boolean strictKeys, org.myelomacds.fhir.HeldEntries retained) {
        return prepare(Rules.of(rulebase), bundle, strictKeys, retained);
    }

    private Prepared prepare(Rules with, InputStream bundle, boolean strictKeys, org.myelomacds.fhir.HeldEntries retained) {
        try {
            return new Prepared(with, reader.scan(bundle, with.terminology(), strictKeys, retained), null, null);
        } catch (InvalidBundleException e) {
            return new Prepared(with, null, e, null);
        } catch (RulebaseException e) {
            return new Prepared(with, null, null, e);
        }
    }

    /** A bundle read and kept (or refused), waiting for its evaluation. */
    public static final class Prepared {
        private final Rules rules;
        private final BundleReader.Scanned scanned;
        private final InvalidBundleException refused;
        private final RulebaseException rulesFailed;

        private Prepared(Rules rules, BundleReader.Scanned scanned, InvalidBundleException refused, RulebaseException rulesFailed) {
            this.rules = rules;
            this.scanned = scanned;
            this.refused = refused;
            this.rulesFailed = rulesFailed;
        }
    }

    /** Evaluates a bundle read by {@link #prepare}: the same decisions as every other assessment. */
    public AssessmentResult assess(Prepared prepared, LocalDate asOf, Jurisdiction jurisdiction, boolean allowPartial) {
        return assess(prepared.rules, terminology -> {
            if (prepared.rulesFailed != null) throw prepared.rulesFailed;
            if (prepared.refused != null) throw prepared.refused;
            return reader.read(prepared.scanned, asOf);
        }, asOf, jurisdiction, allowPartial);
    }

    private interface Read {
        PatientRecord read(Terminology terminology) throws InvalidBundleException, RulebaseException;
    }

    private static AssessmentResult assess(Rules rules, Read read, LocalDate asOf, Jurisdiction jurisdiction,
                                           boolean allowPartial) {
        PatientRecord record;
        Rulebase rulebase;
        try {
            try {
                record = read.read(rules.terminology());
            } catch (InvalidBundleException e) {
                return new AssessmentResult.Unreadable(e.getMessage(), e.details(), e.problems(), e.isUnprocessable());
            }
            rulebase = rules.rulebase();
        } catch (RulebaseException e) {
            return new AssessmentResult.RulebaseFailure(e.getMessage(), false);
        }
        if (!record.isComplete() && !allowPartial) return new AssessmentResult.Incomplete(record.unreadable());
        try {
            return new AssessmentResult.Assessed(new Evaluator(rulebase).evaluate(record, new EvaluationContext(asOf, jurisdiction)),
                    record.unreadable());
        } catch (EvaluationException e) {
            return new AssessmentResult.RulebaseFailure(e.getMessage(), true);
        }
    }
}
