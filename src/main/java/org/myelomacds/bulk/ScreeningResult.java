package org.myelomacds.bulk;

import java.io.Serializable;

/**
 * What screening one patient produced: a summary row and the full Assessment as one JSON line when assessed, an
 * error record when refused or assessed without part of the record (both for PARTIAL).
 */
public record ScreeningResult(String patientId, SummaryRow row, String assessmentJson, ErrorRecord error)
        implements Serializable {

    public boolean assessed() { return row != null; }
}
