package org.myelomacds.render.report;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The shapes of a small inline SVG chart, laid out in Java and written out by the report template (which escapes
 * every text). Coordinates are preformatted with one decimal in the root locale so the same data give the same bytes.
 */
public record Svg(int width, int height, String title, String desc, List<Rect> rects, List<Ln> lines,
                  List<Poly> polys, List<Txt> texts) {

    public record Rect(String x, String y, String w, String h, String cls, String tip) {}

    public record Ln(String x1, String y1, String x2, String y2, String cls) {}

    public record Poly(String points, String cls, String tip) {}

    public record Txt(String x, String y, String text, String anchor, String cls) {}

    static String n(double v) { return String.format(Locale.ROOT, "%.1f", v); }

    /** Builds the shape lists; a mutable helper used only while laying out one chart. */
    static final class Builder {
        final List<Rect> rects = new ArrayList<>();
        final List<Ln> lines = new ArrayList<>();
        final List<Poly> polys = new ArrayList<>();
        final List<Txt> texts = new ArrayList<>();

        void rect(double x, double y, double w, double h, String cls, String tip) {
            rects.add(new Rect(n(x), n(y), n(Math.max(w, 1.5)), n(h), cls, tip));
        }

        void line(double x1, double y1, double x2, double y2, String cls) {
            lines.add(new Ln(n(x1), n(y1), n(x2), n(y2), cls));
        }

        void diamond(double cx, double cy, double r, String cls, String tip) {
            polys.add(new Poly(n(cx) + "," + n(cy - r) + " " + n(cx + r) + "," + n(cy) + " " + n(cx) + "," + n(cy + r)
                    + " " + n(cx - r) + "," + n(cy), cls, tip));
        }

        void polyline(List<double[]> pts, String cls) {
            StringBuilder b = new StringBuilder();
            for (double[] p : pts) b.append(b.length() == 0 ? "" : " ").append(n(p[0])).append(',').append(n(p[1]));
            polys.add(new Poly(b.toString(), cls, null));
        }

        void text(double x, double y, String text, String anchor, String cls) {
            texts.add(new Txt(n(x), n(y), text, anchor, cls));
        }

        Svg build(int width, int height, String title, String desc) {
            return new Svg(width, height, title, desc, List.copyOf(rects), List.copyOf(lines), List.copyOf(polys),
                    List.copyOf(texts));
        }
    }

    /** A linear date axis from {@code from} to {@code to} over pixels {@code left} to {@code right}. */
    record DateAxis(LocalDate from, LocalDate to, double left, double right) {
        double x(LocalDate d) {
            long span = Math.max(1, ChronoUnit.DAYS.between(from, to));
            return left + (right - left) * ChronoUnit.DAYS.between(from, d) / (double) span;
        }

        /** ISO-dated ticks on the first day of a year, half-year, quarter or month, spaced so labels do not collide. */
        List<LocalDate> ticks(double minGapPx) {
            long days = ChronoUnit.DAYS.between(from, to);
            int[] stepsMonths = {1, 3, 6, 12, 24, 60};
            for (int step : stepsMonths) {
                double px = (right - left) * (step * 30.44) / Math.max(1, days);
                if (px >= minGapPx) return ticksEvery(step);
            }
            return ticksEvery(120);
        }

        private List<LocalDate> ticksEvery(int months) {
            List<LocalDate> out = new ArrayList<>();
            LocalDate d = from.withDayOfMonth(1);
            while (d.isBefore(from) || (d.getMonthValue() - 1) % Math.min(months, 12) != 0
                    || (months > 12 && d.getYear() % (months / 12) != 0)) {
                d = d.plusMonths(1);
            }
            for (; !d.isAfter(to); d = d.plusMonths(months)) out.add(d);
            return out;
        }
    }
}
