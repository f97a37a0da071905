package org.myelomacds.spark;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import org.myelomacds.bulk.PatientScreener;
import org.myelomacds.bulk.ReaderEvaluatorAssessor;
import org.myelomacds.engine.CompileMode;
import org.myelomacds.engine.Rulebase;
import org.myelomacds.engine.RuleFiles;
import org.myelomacds.engine.RulebaseException;
import org.myelomacds.evidence.terminology.Terminology;
import org.myelomacds.facts.Jurisdiction;
import org.myelomacds.fhir.BundleReader;

/**
 * What every executor needs to screen a patient, small enough to ship with each task: the evaluation date,
 * jurisdiction, partial-input choice, and the rule files when the run uses a rule directory (null: the build-time
 * rulebase in the application jar). The KieBase and the FHIR reader cannot be serialized, so {@link #screener()}
 * builds them once per executor JVM and keeps them; the rulebase hash the driver saw must match, or the executor
 * refuses to screen with a different rulebase. {@link #terminology()} is the same rule files' value sets alone, for the
 * cohort and routing passes, which read codes but evaluate nothing.
 */
record ScreeningSpec(LocalDate asOf, Jurisdiction jurisdiction, boolean allowPartial, TreeMap<String, byte[]> ruleFiles,
                     String rulebaseSha256) implements Serializable {

    private static final Map<String, PatientScreener> SCREENERS = new ConcurrentHashMap<>();
    private static final Map<String, Terminology> TERMINOLOGIES = new ConcurrentHashMap<>();
    private static volatile BundleReader reader;

    PatientScreener screener() {
        String key = asOf + "|" + jurisdiction + "|" + allowPartial + "|" + rulebaseSha256;
        return SCREENERS.computeIfAbsent(key, k -> build());
    }

    /** The value sets of the run's rule files (checked against the driver's rulebase hash), once per executor JVM. */
    Terminology terminology() {
        return TERMINOLOGIES.computeIfAbsent(rulebaseSha256, k -> {
            try {
                RuleFiles files = ruleFiles == null ? Rulebase.shippedFiles() : RuleFiles.of("rules shipped by the driver", ruleFiles);
                if (!files.sha256().equals(rulebaseSha256)) {
                    throw new IllegalStateException("this executor's rule files (sha256 " + files.sha256()
                            + ") are not the driver's (" + rulebaseSha256 + "): the application jar differs across the cluster");
                }
                return Rulebase.terminology(files);
            } catch (RulebaseException e) {
                throw new IllegalStateException("the terminology does not load on this executor: " + e.getMessage(), e);
            }
        });
    }

    private PatientScreener build() {
        Rulebase rulebase;
        try {
            rulebase = ruleFiles == null ? Rulebase.shipped()
                    : Rulebase.compile(RuleFiles.of("rules shipped by the driver", ruleFiles), CompileMode.DRL);
        } catch (RulebaseException e) {
            throw new IllegalStateException("the rulebase does not load on this executor: " + e.getMessage(), e);
        }
        if (!rulebase.sha256().equals(rulebaseSha256)) {
            throw new IllegalStateException("this executor's rulebase (sha256 " + rulebase.sha256()
                    + ") is not the driver's (" + rulebaseSha256 + "): the application jar differs across the cluster");
        }
        return new PatientScreener(new ReaderEvaluatorAssessor(reader(), rulebase), asOf, jurisdiction, allowPartial);
    }

    private static BundleReader reader() {
        if (reader == null) {
            synchronized (ScreeningSpec.class) {
                if (reader == null) reader = new BundleReader();
            }
        }
        return reader;
    }
}
