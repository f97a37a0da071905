package org.myelomacds.render.report;

import org.myelomacds.assessment.Assessment;
import org.myelomacds.assessment.DerivedConcept;
import org.myelomacds.assessment.Findings;
import org.myelomacds.assessment.Flag;
import org.myelomacds.assessment.TraceEntry;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The therapy timeline: lines of therapy as bars over time, anti-CD38 exposures, the washout since the last anti-CD38
 * dose with the bands the rules used (WashoutBand via the Assessment), progression events as diamonds and asOf as a
 * vertical line, over an axis of ISO dates. Drawn only from the Assessment's findings.
 */
public record Timeline(Svg svg, Svg washout, List<ReportView.Cite> washoutCites) {
    private static final int WIDTH = 680;
    private static final double LEFT = 92, RIGHT = WIDTH - 30;
    private static final double ROW = 26, BAR = 16, TOP = 30;

    public static Timeline of(Assessment a) {
        Findings f = a.findings();
        LocalDate asOf = LocalDate.parse(a.asOf());
        List<Findings.Line> lines = f.priorTherapy().lines();
        // an anti-CD38 exposure without a date has no place on the axis: named in the description only
        List<Findings.Exposure> cd38 = f.exposures().stream().filter(e -> "ANTI_CD38".equals(e.drugClass()) && !e.undated()).toList();
        List<Findings.Exposure> cd38Undated = f.exposures().stream().filter(e -> "ANTI_CD38".equals(e.drugClass()) && e.undated()).toList();
        List<Findings.StatusEvent> events = f.diseaseStatus() == null ? List.of() : f.diseaseStatus();
        List<Findings.StatusEvent> progressions = events.stream().filter(e -> "PROGRESSION".equals(e.status())).toList();
        if (lines.isEmpty() && cd38.isEmpty() && progressions.isEmpty()) return null;

        Findings.Washout w = f.antiCd38Washout();
        LocalDate from = asOf, to = asOf;
        for (Findings.Line l : lines) from = min(from, LocalDate.parse(l.start()));
        for (Findings.Exposure e : cd38) from = min(from, LocalDate.parse(e.firstDose()));
        for (Findings.StatusEvent e : progressions) from = min(from, LocalDate.parse(e.date()));
        LocalDate adequateFrom = null;
        if (w != null && w.bands() != null) {
            Integer last = w.bands().stream().map(Findings.Band::fromDays).max(Integer::compare).orElse(null);
            if (last != null) {
                adequateFrom = LocalDate.parse(w.lastDose()).plusDays(last);
                to = max(to, adequateFrom);
            }
        }
        long span = Math.max(30, ChronoUnit.DAYS.between(from, to));
        from = from.minusDays(Math.max(7, span / 40));
        to = to.plusDays(Math.max(7, span / 25));
        Svg.DateAxis axis = new Svg.DateAxis(from, to, LEFT, RIGHT);

        Svg.Builder b = new Svg.Builder();
        double y = TOP;
        b.text(4, 14, "Progression", "start", "lbl");
        for (Findings.StatusEvent e : progressions) {
            double x = axis.x(LocalDate.parse(e.date()));
            b.diamond(x, 10, 6, "prog", "Progression " + e.dateText());
        }
        b.text(LEFT - 6, 14, "◆", "end", "prog-key");

        for (Findings.Line l : lines) {
            double x1 = axis.x(LocalDate.parse(l.start()));
            double x2 = axis.x(l.ongoing() ? asOf : LocalDate.parse(l.end()));
            b.text(4, y + BAR - 4, "Line " + l.number(), "start", "lbl");
            b.rect(x1, y, x2 - x1, BAR, "line", "Line " + l.number() + ": " + given(l) + ", " + l.startText() + " to "
                    + (l.ongoing() ? "ongoing" : l.endText()));
            String label = barLabel(l);
            // The label goes inside the bar when it fits, else after it (or before it near the right edge).
            double approx = label.length() * 5.6;
            if (x2 - x1 > approx + 8) b.text(x1 + 4, y + BAR - 4, label, "start", "in");
            else if (x2 + 4 + approx < RIGHT) b.text(x2 + 4, y + BAR - 4, label, "start", "out");
            else b.text(x1 - 4, y + BAR - 4, label, "end", "out");
            y += ROW;
        }
        for (Findings.Exposure e : cd38) {
            double x1 = axis.x(LocalDate.parse(e.firstDose()));
            double x2 = axis.x(e.ongoing() ? asOf : LocalDate.parse(e.lastDose()));
            String name = ReportView.drug(e.drug());
            b.text(4, y + BAR - 4, capital(name), "start", "lbl");
            b.rect(x1, y, x2 - x1, BAR, "cd38", "Anti-CD38 " + name + " " + e.firstDose() + " to "
                    + (e.ongoing() ? "ongoing" : e.lastDose()));
            String label = "anti-CD38" + (e.refractory() ? ", refractory" : "");
            double approx = label.length() * 5.6;
            if (x2 - x1 > approx + 8) b.text(x1 + 4, y + BAR - 4, label, "start", "in");
            else b.text(x1 - 4, y + BAR - 4, label, "end", "out");
            y += ROW;
        }
        StringBuilder washoutDesc = new StringBuilder();
        if (w != null && w.bands() != null) {
            LocalDate last = LocalDate.parse(w.lastDose());
            b.text(4, y + BAR - 4, "Washout", "start", "lbl");
            for (Findings.Band band : w.bands()) {
                LocalDate bStart = last.plusDays(band.fromDays());
                LocalDate bEnd = band.untilDays() == null ? to : last.plusDays(band.untilDays());
                double x1 = axis.x(bStart), x2 = axis.x(bEnd);
                String range = band.untilDays() == null ? "≥ " + band.fromDays() + " d"
                        : band.fromDays() == 0 ? "< " + band.untilDays() + " d"
                        : band.fromDays() + "–" + (band.untilDays() - 1) + " d";
                String name = ReportView.word(band.band());
                b.rect(x1, y, x2 - x1, BAR, "band band-" + band.band().toLowerCase(java.util.Locale.ROOT), name + " washout " + range
                        + " (from " + bStart + ")");
                String label = name + " " + range;
                if (x2 - x1 > label.length() * 5.6 + 6) b.text(x1 + 3, y + BAR - 4, label, "start", "in-dark");
                else if (x2 - x1 > range.length() * 5.6 + 6) b.text(x1 + 3, y + BAR - 4, range, "start", "in-dark");
                washoutDesc.append(washoutDesc.length() == 0 ? "" : "; ").append(name).append(' ').append(range)
                        .append(" from ").append(bStart);
            }
            // The time elapsed to asOf, drawn as a bracket under the bands.
            double xs = axis.x(last), xa = axis.x(asOf);
            b.line(xs, y + BAR + 5, xa, y + BAR + 5, "elapsed");
            b.line(xs, y + BAR + 1, xs, y + BAR + 9, "elapsed");
            b.line(xa, y + BAR + 1, xa, y + BAR + 9, "elapsed");
            String elapsed = w.days() + " days since last dose";
            if (xa + 6 + elapsed.length() * 5.6 < RIGHT) b.text(xa + 6, y + BAR + 9, elapsed, "start", "small");
            else b.text(xs - 6, y + BAR + 9, elapsed, "end", "small");
            y += ROW + 12;
        }
        double bottom = y + 4;
        for (Findings.StatusEvent e : progressions) {
            double x = axis.x(LocalDate.parse(e.date()));
            b.line(x, 17, x, bottom, "prog-line");
        }
        double xa = axis.x(asOf);
        b.line(xa, 2, xa, bottom, "asof");
        b.text(xa, bottom + 30, "asOf " + asOf, "middle", "asof-lbl");
        b.line(LEFT, bottom, RIGHT, bottom, "axis");
        for (LocalDate t : axis.ticks(76)) {
            double x = axis.x(t);
            b.line(x, bottom, x, bottom + 4, "axis");
            b.text(x, bottom + 15, t.toString(), "middle", "tick");
        }
        int height = (int) Math.ceil(bottom + 36);

        StringBuilder desc = new StringBuilder();
        for (Findings.Line l : lines) {
            desc.append("Line ").append(l.number()).append(": ").append(given(l))
                    .append(", ").append(l.startText()).append(" to ").append(l.ongoing() ? "ongoing" : l.endText()).append(". ");
        }
        for (Findings.Exposure e : cd38) {
            desc.append("Anti-CD38 ").append(ReportView.drug(e.drug())).append(" from ").append(e.firstDose())
                    .append(" to ").append(e.ongoing() ? "ongoing" : e.lastDose())
                    .append(e.refractory() ? ", refractory" : "").append(". ");
        }
        for (Findings.Exposure e : cd38Undated) {
            desc.append("Anti-CD38 ").append(ReportView.drug(e.drug())).append(" given at an unknown time (no date recorded; not drawn). ");
        }
        if (!progressions.isEmpty()) desc.append("Progression on ")
                .append(progressions.stream().map(Findings.StatusEvent::dateText).collect(Collectors.joining(", "))).append(". ");
        if (w != null) {
            desc.append("Last anti-CD38 dose ").append(w.lastDose()).append(", ").append(w.days())
                    .append(" days before asOf ").append(asOf).append(" (").append(ReportView.word(w.band()))
                    .append(" washout). Bands: ").append(washoutDesc).append(". ");
        } else if (blindedWashout(a)) {
            // the band hangs on the arm of a blinded study product (CDS-POLICY-BLINDED-STUDY-DRUG), not on a date
            desc.append("Anti-CD38 washout band undecided: a blinded study product (the antibody or placebo) may hold the"
                    + " last anti-CD38 dose. ");
        } else if (!cd38.isEmpty() || !cd38Undated.isEmpty()) {
            // exposed, but the days since the last dose cannot be counted (an undated or imprecise last dose)
            desc.append("Anti-CD38 washout band undecided: the day of the last anti-CD38 dose is not known. ");
        } else {
            desc.append(ReportView.antiCd38NoneSentence(a.findings())).append(' ');
        }
        desc.append("asOf ").append(asOf).append('.');

        return new Timeline(b.build(WIDTH, height, "Therapy timeline for patient " + a.patient().id(), desc.toString().strip()),
                w == null || w.bands() == null ? null : washoutWindow(w, asOf), washoutCites(a));
    }

    /**
     * The washout window at a readable scale: from shortly before the last anti-CD38 dose to past the start of the
     * last band (or asOf, if later), each band labelled with its day range and start date, asOf marked.
     */
    private static Svg washoutWindow(Findings.Washout w, LocalDate asOf) {
        LocalDate last = LocalDate.parse(w.lastDose());
        int lastBand = w.bands().stream().map(Findings.Band::fromDays).max(Integer::compare).orElse(0);
        LocalDate end = max(asOf, last.plusDays(lastBand));
        long span = Math.max(30, ChronoUnit.DAYS.between(last, end));
        LocalDate from = last.minusDays(span / 12 + 5);
        // The open-ended last band runs to the chart's edge: leave it room for its label ("adequate, ≥ 180 days").
        // Its width is (total - openStart) / total of the axis, so the total needs openStart / (1 - label / axis).
        long shown = ChronoUnit.DAYS.between(from, end);
        long extra = span / 6 + 10;
        Findings.Band open = w.bands().stream().filter(band -> band.untilDays() == null).findFirst().orElse(null);
        if (open != null) {
            double share = (bandLabel(open).length() * CHAR_PX + 8) / (RIGHT - LEFT);
            long openStart = ChronoUnit.DAYS.between(from, last.plusDays(open.fromDays()));
            extra = Math.max(extra, (long) Math.ceil(openStart / (1 - share)) - shown + 1);
        }
        LocalDate to = end.plusDays(extra);
        Svg.DateAxis axis = new Svg.DateAxis(from, to, LEFT, RIGHT);
        Svg.Builder b = new Svg.Builder();
        double y = 22;
        b.text(4, y + BAR - 4, "Washout", "start", "lbl");
        StringBuilder desc = new StringBuilder("Last " + ReportView.drug(w.drug()) + " dose " + last + "; ");
        for (Findings.Band band : w.bands()) {
            LocalDate bStart = last.plusDays(band.fromDays());
            LocalDate bEnd = band.untilDays() == null ? to : last.plusDays(band.untilDays());
            double x1 = axis.x(bStart), x2 = axis.x(bEnd);
            String range = bandRange(band);
            String fromLabel = "from " + bStart;
            String name = ReportView.word(band.band());
            b.rect(x1, y, x2 - x1, BAR, "band band-" + band.band().toLowerCase(java.util.Locale.ROOT), name + " washout, " + range + ", from " + bStart);
            // the label stays inside its band: in full, else the name alone (the range is in the tooltip and the text)
            String label = bandLabel(band);
            if (x2 - x1 < label.length() * CHAR_PX + 6) label = name;
            if (x2 - x1 >= label.length() * CHAR_PX + 6) b.text(x1 + 3, y + BAR - 4, label, "start", "in-dark");
            b.line(x1, y + BAR, x1, y + BAR + 16, "axis");
            // the start date under its band when it fits there (narrow bands of a long washout leave it to the text)
            if (x2 - x1 >= fromLabel.length() * CHAR_PX + 6) b.text(x1 + 3, y + BAR + 13, fromLabel, "start", "tick");
            desc.append(name).append(' ').append(range).append(" from ").append(bStart).append("; ");
        }
        double xs = axis.x(last), xa = axis.x(asOf);
        double yb = y + BAR + 26;
        b.line(xs, yb, xa, yb, "elapsed");
        b.line(xs, yb - 4, xs, yb + 4, "elapsed");
        b.line(xa, yb - 4, xa, yb + 4, "elapsed");
        b.text((xs + xa) / 2, yb + 13, w.days() + " days to asOf", "middle", "small");
        // asOf's label sits above its line, which starts below the label; it never runs into the last-dose label
        // (drawn to the left of the last dose) nor past the chart's right edge.
        String asOfLabel = "asOf " + asOf;
        double half = asOfLabel.length() * CHAR_PX / 2;
        double lx = Math.min(Math.max(xa - half, xs + 6), WIDTH - 4 - 2 * half);
        b.line(xa, 16, xa, yb + 18, "asof");
        b.text(lx, 12, asOfLabel, "start", "asof-lbl");
        b.text(xs, 12, "last dose " + last, "end", "small");
        desc.append(w.days()).append(" days to asOf ").append(asOf).append(" (").append(ReportView.word(w.band())).append(").");
        return b.build(WIDTH, (int) Math.ceil(yb + 22), "Anti-CD38 washout window", desc.toString());
    }

    /** Approximate advance of one character of the chart's 9–9.5 px DejaVu Sans labels, for fitting them. */
    private static final double CHAR_PX = 5.6;

    private static String bandRange(Findings.Band band) {
        return band.untilDays() == null ? "≥ " + band.fromDays() + " days"
                : band.fromDays() == 0 ? "< " + band.untilDays() + " days"
                : band.fromDays() + "–" + (band.untilDays() - 1) + " days";
    }

    private static String bandLabel(Findings.Band band) { return ReportView.word(band.band()) + ", " + bandRange(band); }

    /** The washout bands' citations: those of the washout flag, else of the rule that derived the band. */
    private static List<ReportView.Cite> washoutCites(Assessment a) {
        List<String> ids = new ArrayList<>();
        for (Flag fl : a.flags()) if (fl.code().startsWith("ANTI_CD38_WASHOUT")) ids.addAll(fl.evidence());
        if (ids.isEmpty()) {
            for (TraceEntry t : a.trace()) if (t.inEffect() && t.concept() == DerivedConcept.ANTI_CD38_WASHOUT) ids.addAll(t.evidence());
        }
        return ReportView.cites(ids);
    }

    private static LocalDate min(LocalDate a, LocalDate b) { return a.isBefore(b) ? a : b; }

    private static LocalDate max(LocalDate a, LocalDate b) { return a.isAfter(b) ? a : b; }

    private static String capital(String s) { return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1); }

    /**
     * What a line gave, in words: its drugs, then each transplant by its kind as the findings state it (an allogeneic
     * transplant is never "ASCT"; issue-10 #11), so a transplant-only line reads "allogeneic stem-cell transplant".
     */
    static String given(Findings.Line l) {
        List<String> parts = new java.util.ArrayList<>(l.drugs().stream().map(d -> ReportView.lineDrug(l, d)).toList());
        for (String kind : kinds(l)) {
            parts.add("AUTOLOGOUS".equals(kind) || "ALLOGENEIC".equals(kind) ? ReportView.transplantWords(kind)
                    : "stem-cell transplant (kind not recorded)");
        }
        return String.join(", ", parts);
    }

    /** The short label drawn on the bar: ASCT for an autologous transplant, allo-SCT, else SCT. */
    static String barLabel(Findings.Line l) {
        List<String> parts = new java.util.ArrayList<>();
        String drugs = l.drugs().stream().map(d -> ReportView.lineDrug(l, d)).collect(Collectors.joining(", "));
        if (!drugs.isEmpty()) parts.add(drugs);
        for (String kind : kinds(l)) {
            parts.add("AUTOLOGOUS".equals(kind) ? "ASCT" : "ALLOGENEIC".equals(kind) ? "allo-SCT" : "SCT");
        }
        return String.join(" + ", parts);
    }

    /** The line's transplant kinds; a line marked as including a transplant without a kind has one of unknown kind. */
    private static List<String> kinds(Findings.Line l) {
        if (l.transplants() != null && !l.transplants().isEmpty()) return l.transplants();
        return l.includesTransplant() ? List.of("UNKNOWN") : List.of();
    }

    /** Whether the washout band is unknown because of a blinded study product: its gap rests on that policy. */
    private static boolean blindedWashout(Assessment a) {
        return a.dataGaps().stream().anyMatch(g -> "ANTI_CD38_WASHOUT_UNKNOWN".equals(g.code())
                && g.evidence() != null && g.evidence().contains("CDS-POLICY-BLINDED-STUDY-DRUG"));
    }
}
