package org.myelomacds.facts;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeMap;

/**
 * The serum free-light-chain difference (dFLC = involved minus uninvolved free light chain) over time, for the IMWG
 * progression criterion that counts only when serum and urine M-protein are unmeasurable (clinical-evidence.md §1.6 A).
 * Arithmetic only: pairing a free kappa and a free lambda measured on the same day and converting mg/L to mg/dL (×0.1,
 * the unit trap §1.6 A and the unit notes name); the thresholds and the reading are in rules/derive/relapse.drl.
 * Which chain is involved (CDS-POLICY-FLC-INVOLVED): the light chain an isotype record names (immunofixation, isotype
 * text) when every such record names the same one; without one, the chain that is higher on the latest day both were
 * measured, stated in the text; records naming both chains leave it unknown. Only exact values on a precise day are
 * paired: a bound ("<0.3 mg/L") or a month-only date gives no dFLC for that day.
 */
public final class FreeLightChainSeries {

    /** One day's dFLC. */
    public static final class Sample {
        private final LocalDate date;
        private final double involvedMgPerL;
        private final double uninvolvedMgPerL;
        private final List<Provenance> provenance;

        Sample(LocalDate date, double involvedMgPerL, double uninvolvedMgPerL, List<Provenance> provenance) {
            this.date = date;
            this.involvedMgPerL = involvedMgPerL;
            this.uninvolvedMgPerL = uninvolvedMgPerL;
            this.provenance = List.copyOf(provenance);
        }

        public LocalDate getDate() { return date; }
        public long getDay() { return date.toEpochDay(); }
        /** dFLC in mg/dL (the unit of the IMWG criterion): (involved - uninvolved) mg/L × 0.1. */
        public double getDflcMgPerDl() { return (involvedMgPerL - uninvolvedMgPerL) / 10.0; }
        public List<Provenance> getProvenance() { return provenance; }
        /** "Observation/kappa-3, Observation/lambda-3". */
        public String references() { return Provenances.references(() -> provenance); }
    }

    /** The first dFLC rise from the lowest value since the last line started: the rise, its confirmation or null. */
    public static final class Rise {
        private final Sample nadir;
        private final Sample rise;
        private final Sample confirmation;

        Rise(Sample nadir, Sample rise, Sample confirmation) {
            this.nadir = nadir;
            this.rise = rise;
            this.confirmation = confirmation;
        }

        /** The lowest dFLC since the line started, before the rise. */
        public Sample getNadir() { return nadir; }
        /** The first sample meeting the criterion. */
        public Sample getRise() { return rise; }
        /** The next sample, also meeting it; null when the rise is the latest sample (unconfirmed). */
        public Sample getConfirmation() { return confirmation; }
        public boolean isConfirmed() { return confirmation != null; }
        /** The last sample the rise rests on. */
        public Sample getLast() { return confirmation != null ? confirmation : rise; }
    }

    private final String involved;
    private final String involvedReason;
    private final List<Sample> samples;
    private final List<Measurement> unpaired;

    private FreeLightChainSeries(String involved, String involvedReason, List<Sample> samples, List<Measurement> unpaired) {
        this.involved = involved;
        this.involvedReason = involvedReason;
        this.samples = List.copyOf(samples);
        this.unpaired = List.copyOf(unpaired);
    }

    /**
     * The series from every free kappa and free lambda result and the isotype records ({@link ParaproteinIsotype}); the
     * collections may hold other facts, which are ignored (they come from DRL collects).
     */
    public static FreeLightChainSeries of(Collection<?> measurements, Collection<?> isotypes) {
        TreeMap<LocalDate, Measurement> kappa = new TreeMap<>();
        TreeMap<LocalDate, Measurement> lambda = new TreeMap<>();
        List<Measurement> all = new ArrayList<>();
        for (Object o : measurements) {
            if (!(o instanceof Measurement m) || !m.hasValue() || !m.isDated()) continue;
            if (m.getKind() != MeasurementKind.FREE_KAPPA && m.getKind() != MeasurementKind.FREE_LAMBDA) continue;
            all.add(m);
            if (m.isBound() || m.isDateImprecise()) continue;
            TreeMap<LocalDate, Measurement> byDay = m.getKind() == MeasurementKind.FREE_KAPPA ? kappa : lambda;
            // two results of one chain on one day: the first by reference, so the series does not depend on bundle order
            byDay.merge(m.getEffective(), m, (a, b) -> a.getSourceReference().compareTo(b.getSourceReference()) <= 0 ? a : b);
        }
        // every record naming a light chain: a laboratory isotype result or the myeloma diagnosis's words
        java.util.LinkedHashMap<String, List<ParaproteinIsotype>> byChain = new java.util.LinkedHashMap<>();
        for (Object o : isotypes) {
            if (!(o instanceof ParaproteinIsotype i) || i.getLightChain() == null) continue;
            byChain.computeIfAbsent(i.getLightChain(), k -> new ArrayList<>()).add(i);
        }
        byChain.values().forEach(l -> l.sort(java.util.Comparator.comparing(ParaproteinIsotype::describeSource)));
        String involved;
        String reason;
        String conflict = null;
        if (byChain.size() > 1) {
            // records that disagree leave the chain unknown, whichever kind they are (sweep s13-relapse3 S1): both named
            List<String> parts = new ArrayList<>();
            for (String c : List.of("KAPPA", "LAMBDA")) {
                parts.add(String.join(" and ", byChain.get(c).stream().map(ParaproteinIsotype::describeSource).toList())
                        + " name" + (byChain.get(c).size() == 1 ? "s " : " ") + chain(c));
            }
            conflict = String.join(", but ", parts);
            involved = null;
            reason = "the records disagree on the involved light chain (" + conflict + "), so it is unknown";
        } else if (!byChain.isEmpty()) {
            involved = byChain.keySet().iterator().next();
            List<ParaproteinIsotype> named = byChain.get(involved);
            reason = named.stream().noneMatch(ParaproteinIsotype::isFromDiagnosis)
                    ? chain(involved) + " involved, as the isotype record names it (" + Provenances.references(named.get(0)) + ")"
                    : chain(involved) + " involved, as " + String.join(" and ", named.stream().map(ParaproteinIsotype::describeSource).toList())
                            + (named.size() == 1 ? " names it" : " name it");
        } else {
            LocalDate last = null;
            for (LocalDate d : kappa.keySet()) if (lambda.containsKey(d)) last = d;
            if (last == null) {
                involved = null;
                reason = "no day with both free kappa and free lambda measured and no isotype record, so the involved chain is unknown";
            } else {
                involved = kappa.get(last).getValue() >= lambda.get(last).getValue() ? "KAPPA" : "LAMBDA";
                reason = chain(involved) + " taken as involved: the higher chain on " + last
                        + ", no isotype on record (CDS-POLICY-FLC-INVOLVED)";
            }
        }
        List<Sample> samples = new ArrayList<>();
        List<Measurement> unpaired = new ArrayList<>();
        if (involved != null) pair(involved, kappa, lambda, samples, unpaired);
        FreeLightChainSeries series = new FreeLightChainSeries(involved, reason, samples, unpaired);
        if (conflict != null) {
            series.conflict = conflict;
            for (String c : List.of("KAPPA", "LAMBDA")) {
                List<Sample> s = new ArrayList<>();
                pair(c, kappa, lambda, s, new ArrayList<>());
                series.readings.put(c, new FreeLightChainSeries(c, chain(c) + " as involved, one of the two readings the"
                        + " records leave open", s, List.of()));
            }
        }
        return series;
    }

    /** The days with both chains measured, with {@code involved} as the involved chain; involved-only days to unpaired. */
    private static void pair(String involved, TreeMap<LocalDate, Measurement> kappa, TreeMap<LocalDate, Measurement> lambda,
                             List<Sample> samples, List<Measurement> unpaired) {
        TreeMap<LocalDate, Measurement> inv = "KAPPA".equals(involved) ? kappa : lambda;
        TreeMap<LocalDate, Measurement> uninv = "KAPPA".equals(involved) ? lambda : kappa;
        for (var e : inv.entrySet()) {
            Measurement u = uninv.get(e.getKey());
            if (u == null) {
                unpaired.add(e.getValue());
                continue;
            }
            List<Provenance> p = new ArrayList<>(e.getValue().getProvenance());
            p.addAll(u.getProvenance());
            samples.add(new Sample(e.getKey(), e.getValue().getValue(), u.getValue(), p));
        }
    }

    private String conflict;
    private final java.util.Map<String, FreeLightChainSeries> readings = new java.util.LinkedHashMap<>();

    /** The records naming kappa and those naming lambda, when they disagree (the involved chain is then unknown); else null. */
    public String getConflictingRecords() { return conflict; }
    public boolean isChainConflict() { return conflict != null; }
    /** Paired days on or after {@code day} (with either chain as involved: the same days). */
    public boolean hasSampleFrom(long day) {
        for (FreeLightChainSeries r : readings.values()) if (r.samples.stream().anyMatch(x -> x.getDay() >= day)) return true;
        return samples.stream().anyMatch(x -> x.getDay() >= day);
    }

    /**
     * When the records disagree on the involved chain: the series read with each chain as involved whose first rise since
     * {@code startDay} meets the criterion (kappa first); empty otherwise. A rise in either reading may be a progression.
     */
    public List<FreeLightChainSeries> readingsWithRise(long startDay, double minRiseMgPerDl, double risePercent) {
        List<FreeLightChainSeries> out = new ArrayList<>();
        for (FreeLightChainSeries r : readings.values()) {
            if (r.firstRise(startDay, minRiseMgPerDl, risePercent) != null) out.add(r);
        }
        return out;
    }

    /** The first of {@link #readingsWithRise}, or null: the reading the possible progression is told with. */
    public FreeLightChainSeries conflictReading(long startDay, double minRiseMgPerDl, double risePercent) {
        List<FreeLightChainSeries> r = readingsWithRise(startDay, minRiseMgPerDl, risePercent);
        return r.isEmpty() ? null : r.get(0);
    }

    private static String chain(String c) { return "KAPPA".equals(c) ? "kappa" : "lambda"; }

    /** "KAPPA", "LAMBDA", or null when unknown. */
    public String getInvolved() { return involved; }
    /** "free kappa" / "free lambda" for texts. */
    public String involvedText() { return involved == null ? "the involved chain" : "free " + chain(involved); }
    public String uninvolvedText() { return involved == null ? "the uninvolved chain" : "free " + chain("KAPPA".equals(involved) ? "LAMBDA" : "KAPPA"); }
    /** How the involved chain was chosen, for the texts. */
    public String getInvolvedReason() { return involvedReason; }
    /** The days with both chains measured, in date order. */
    public List<Sample> getSamples() { return samples; }
    /** Involved-chain results (exact, precise day) with no uninvolved result on that day: no dFLC for them. */
    public List<Measurement> getUnpaired() { return unpaired; }

    /**
     * The first rise since {@code startDay} that meets the criterion against the lowest dFLC before it (from that day on)
     * and is confirmed by the next sample; else the latest sample when it meets the criterion and no sample follows
     * (unconfirmed); else null. The criterion's thresholds come from the DRL (rules/derive/relapse.drl): a rise of more
     * than {@code minRiseMgPerDl} and of at least {@code risePercent} % of the lowest value.
     */
    public Rise firstRise(long startDay, double minRiseMgPerDl, double risePercent) {
        java.util.function.BiPredicate<Double, Double> criterion = (low, value) ->
                value - low > minRiseMgPerDl + 1e-9 && value - low >= low * risePercent / 100.0 - 1e-9;
        List<Sample> since = samples.stream().filter(s -> s.getDay() >= startDay).toList();
        for (int i = 1; i < since.size(); i++) {
            Sample nadir = lowest(since.subList(0, i));
            Sample r1 = since.get(i);
            if (!criterion.test(nadir.getDflcMgPerDl(), r1.getDflcMgPerDl())) continue;
            if (i + 1 < since.size()) {
                Sample r2 = since.get(i + 1);
                if (criterion.test(nadir.getDflcMgPerDl(), r2.getDflcMgPerDl())) return new Rise(nadir, r1, r2);
                continue;  // refuted by the next sample (IMWG-CONFIRM-ADMIRAL): look for a later rise
            }
            return new Rise(nadir, r1, null);
        }
        return null;
    }

    /** The lowest dFLC (the earliest of equal ones). */
    private static Sample lowest(List<Sample> s) {
        Sample low = s.get(0);
        for (Sample x : s) if (x.getDflcMgPerDl() < low.getDflcMgPerDl() - 1e-9) low = x;
        return low;
    }
}
