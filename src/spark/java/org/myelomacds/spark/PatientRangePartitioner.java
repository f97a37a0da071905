package org.myelomacds.spark;

import java.util.Arrays;
import java.util.List;

import org.apache.spark.Partitioner;

/**
 * Splits the cohort into contiguous ranges of patient id, one per partition, from the cohort the driver already
 * holds: each partition's results, sorted within it, then follow each other in patient-id order across parts,
 * without the sampling pass (and second evaluation of every patient) that sortByKey would cost.
 */
final class PatientRangePartitioner extends Partitioner {
    private final String[] upperBounds;

    PatientRangePartitioner(List<String> sortedCohort, int partitions) {
        int n = Math.max(1, Math.min(partitions, Math.max(1, sortedCohort.size())));
        upperBounds = new String[n - 1];
        for (int i = 1; i < n; i++) upperBounds[i - 1] = sortedCohort.get((int) ((long) i * sortedCohort.size() / n) - 1);
    }

    @Override
    public int numPartitions() {
        return upperBounds.length + 1;
    }

    @Override
    public int getPartition(Object key) {
        int i = Arrays.binarySearch(upperBounds, (String) key);
        return i >= 0 ? i : -i - 1;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PatientRangePartitioner p && Arrays.equals(p.upperBounds, upperBounds);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(upperBounds);
    }
}
