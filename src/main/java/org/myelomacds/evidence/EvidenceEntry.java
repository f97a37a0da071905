package org.myelomacds.evidence;

import java.util.List;

/**
 * One citation from rules/evidence.yaml. {@code verification} is the tag of clinical-evidence.md §0
 * (V, rev, M, T, or POLICY for project policy that no source sets).
 */
public record EvidenceEntry(String id, String kind, String authors, String title, String journal, Integer year,
                            String volumePages, String doi, String pmid, String url, String trial, String nct,
                            String verification, List<String> keyFigures, String population, String comparator,
                            String pfsHr, String summarySection) {

    public EvidenceEntry {
        keyFigures = keyFigures == null ? List.of() : List.copyOf(keyFigures);
    }

    /** An entry without the trial-summary fields (population, comparator, PFS HR), as most entries are. */
    public EvidenceEntry(String id, String kind, String authors, String title, String journal, Integer year,
                         String volumePages, String doi, String pmid, String url, String trial, String nct,
                         String verification, List<String> keyFigures) {
        this(id, kind, authors, title, journal, year, volumePages, doi, pmid, url, trial, nct, verification, keyFigures,
                null, null, null, null);
    }

    /** True when the fact rests on a primary source or a source review, not on unverified or third-party material. */
    public boolean isVerified() {
        return verification != null && (verification.startsWith("V") || verification.startsWith("rev"));
    }

    public boolean isPolicy() { return "POLICY".equals(verification); }

    /** "Attal M, et al. Lancet 2019;394:2096–2107" — authors, source, year and pages where known. */
    public String citation() {
        StringBuilder b = new StringBuilder();
        if (authors != null && !authors.isBlank()) b.append(authors.strip());
        if (b.length() > 0 && b.charAt(b.length() - 1) != '.') b.append('.');
        if (journal != null && !journal.isBlank()) b.append(b.length() > 0 ? " " : "").append(journal.strip());
        if (year != null) b.append(b.length() > 0 ? " " : "").append(year);
        if (volumePages != null && !volumePages.isBlank()) b.append(';').append(volumePages.strip());
        return b.toString();
    }
}
