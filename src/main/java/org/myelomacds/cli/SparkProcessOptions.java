package org.myelomacds.cli;

import java.util.List;

/** The JVM options the Spark job's JVM gets (for tests and tools that start it themselves). */
public final class SparkProcessOptions {
    private SparkProcessOptions() { }

    public static List<String> list() { return SparkProcess.JVM_OPTIONS; }
}
