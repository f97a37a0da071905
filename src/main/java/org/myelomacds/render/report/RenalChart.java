package org.myelomacds.render.report;

import org.myelomacds.assessment.Findings;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A small trend chart of renal results over time, one per metric (eGFR, creatinine clearance) that has more than one
 * dated result, with the unit on the value axis and ISO dates on the time axis.
 */
public record RenalChart(String metric, String unit, Svg svg) {
    private static final int WIDTH = 400, HEIGHT = 170;
    private static final double LEFT = 52, RIGHT = WIDTH - 40, TOP = 22, BOTTOM = HEIGHT - 34;

    public static List<RenalChart> of(List<Findings.Renal> renal) {
        Map<String, List<Findings.Renal>> byMetric = new TreeMap<>();
        for (Findings.Renal r : renal) {
            // Values of one chart must share a unit; a result in another unit gets its own series. The same unit is
            // spelt "m2" as recorded and "m²" as the engine prints it, so those two count as one.
            byMetric.computeIfAbsent(r.metric() + "\u0000" + unitKey(r.unit()), k -> new ArrayList<>()).add(r);
        }
        List<RenalChart> out = new ArrayList<>();
        for (List<Findings.Renal> series : byMetric.values()) {
            if (series.size() < 2) continue;
            series.sort(Comparator.comparing(Findings.Renal::date));
            out.add(chart(series));
        }
        return out;
    }

    /**
     * Where on the time axis a result dated as recorded stands: a partial date ("2026-10", "2026") at its first day,
     * while its labels print it as recorded.
     */
    private static LocalDate day(String recorded) {
        if (recorded.length() == 4) return LocalDate.of(Integer.parseInt(recorded), 1, 1);
        if (recorded.length() == 7) return java.time.YearMonth.parse(recorded).atDay(1);
        return LocalDate.parse(recorded.substring(0, 10));
    }

    /** One series of two or more results in one unit, sorted by date (see {@link #of}). */
    private static RenalChart chart(List<Findings.Renal> series) {
        String metric = "EGFR".equals(series.get(0).metric()) ? "eGFR" : "Creatinine clearance";
        String unit = unitKey(series.get(series.size() - 1).unit());
        LocalDate first = day(series.get(0).date()), last = day(series.get(series.size() - 1).date());
        long span = Math.max(14, java.time.temporal.ChronoUnit.DAYS.between(first, last));
        Svg.DateAxis axis = new Svg.DateAxis(first.minusDays(span / 12 + 1), last.plusDays(span / 12 + 1), LEFT, RIGHT);
        double maxValue = 0;
        for (Findings.Renal r : series) maxValue = Math.max(maxValue, r.value());
        double top = Math.max(10, Math.ceil(maxValue * 1.15 / 10) * 10);

        Svg.Builder b = new Svg.Builder();
        b.line(LEFT, TOP, LEFT, BOTTOM, "axis");
        b.line(LEFT, BOTTOM, RIGHT, BOTTOM, "axis");
        for (double v : new double[]{0, top / 2, top}) {
            double y = y(v, top);
            b.line(LEFT - 4, y, LEFT, y, "axis");
            if (v > 0) b.line(LEFT, y, RIGHT, y, "grid");
            b.text(LEFT - 6, y + 3.5, ReportView.number(v), "end", "tick");
        }
        b.text(4, 12, metric + " (" + unit + ")", "start", "lbl");
        List<double[]> pts = new ArrayList<>();
        for (Findings.Renal r : series) pts.add(new double[]{axis.x(day(r.date())), y(r.value(), top)});
        b.polyline(pts, "trend");
        StringBuilder desc = new StringBuilder(metric + " in " + unit + ": ");
        for (int i = 0; i < series.size(); i++) {
            Findings.Renal r = series.get(i);
            double[] p = pts.get(i);
            b.rect(p[0] - 3, p[1] - 3, 6, 6, "pt", metric + " " + r.valueText(ReportView::number) + " " + unit + " on " + r.date());
            b.text(p[0], p[1] - 7, r.valueText(ReportView::number), "middle", "val");
            desc.append(i == 0 ? "" : "; ").append(r.valueText(ReportView::number)).append(" on ").append(r.date());
        }
        // Date labels under each result when they fit, else the first and the last.
        double minGap = 66;
        double lastX = -1e9;
        for (int i = 0; i < series.size(); i++) {
            double x = pts.get(i)[0];
            boolean edge = i == 0 || i == series.size() - 1;
            if (x - lastX >= minGap || (edge && i == series.size() - 1 && x - lastX >= minGap)) {
                b.line(x, BOTTOM, x, BOTTOM + 4, "axis");
                b.text(x, BOTTOM + 15, series.get(i).date(), "middle", "tick");
                lastX = x;
            }
        }
        desc.append('.');
        return new RenalChart(metric, unit, b.build(WIDTH, HEIGHT, metric + " over time (" + unit + ")", desc.toString()));
    }

    private static String unitKey(String unit) { return unit == null ? "" : unit.replace("m2", "m²"); }

    private static double y(double v, double top) { return BOTTOM - (BOTTOM - TOP) * v / top; }
}
