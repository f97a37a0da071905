package org.myelomacds.bulk;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Objects;

import org.myelomacds.facts.Jurisdiction;

/**
 * What a screening run was asked for.
 *
 * @param memoryBudgetBytes how much of the cohort's lines may be held in memory before groups spill to disk
 * @param wholePopulation screen every patient of the export, not only the myeloma and precursor cohort
 */
public record ScreeningOptions(Path input, Path output, LocalDate asOf, Jurisdiction jurisdiction, boolean allowPartial,
                               int threads, long memoryBudgetBytes, boolean wholePopulation) {
    public ScreeningOptions {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(jurisdiction, "jurisdiction");
        if (threads < 1) throw new IllegalArgumentException("threads must be at least 1");
        if (memoryBudgetBytes < 1) throw new IllegalArgumentException("the memory budget must be positive");
    }

    /** A quarter of the heap: room for the groups, the engine's sessions and the writers. */
    public static long defaultMemoryBudget() {
        return Runtime.getRuntime().maxMemory() / 4;
    }
}
