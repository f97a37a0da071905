package org.myelomacds.render;

import org.myelomacds.render.cards.Card;

import java.util.List;
import java.util.Locale;

/** The wording rules of card text: cutting summaries and actions, lists that fit, and escaping engine text for Markdown. */
final class CardText {
    /** An action longer than this is cut at its first clause on a card (the report prints it in full). */
    private static final int ACTION_CLAUSE = 170;

    private CardText() {}

    /**
     * A long action is cut at its first clause (before "; ", an "(unverified" note, or ": "); the report prints it in
     * full. Actions that state a dose are short enough to stay whole. A cut that drops the word "unverified" keeps it,
     * so a card never presents an unverified exclusion as established.
     */
    static String clause(String action) {
        String t = action.strip();
        if (t.length() <= ACTION_CLAUSE) return t;
        String c = null;
        for (String sep : List.of("; ", " (unverified", ": ")) {
            int i = t.indexOf(sep);
            if (i > 40) { c = t.substring(0, i); break; }
        }
        if (c == null) c = BottomLine.shorten(t, ACTION_CLAUSE);
        if (t.contains("unverified") && !c.contains("unverified")) c += " (unverified)";
        return c;
    }

    /** {@code lead} and as many items as fit a summary, then how many more there are. */
    static String listed(String lead, List<String> items) {
        StringBuilder s = new StringBuilder(lead);
        for (int i = 0; i < items.size(); i++) {
            String more = i + 1 < items.size() ? " and " + (items.size() - i - 1) + " more" : "";
            String part = (i == 0 ? "" : ", ") + items.get(i);
            if (i > 0 && s.length() + part.length() + more.length() > Card.MAX_SUMMARY) {
                return s.append(" and ").append(items.size() - i).append(" more").toString();
            }
            s.append(part);
        }
        return s.toString();
    }

    static String joined(List<String> names) {
        if (names.size() == 1) return names.get(0);
        return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }

    /** Summaries are cut at a word boundary with an ellipsis so they stay under the 140-character limit. */
    static String summary(String text) {
        String t = text.strip().replaceAll("\\s+", " ");
        if (t.length() <= Card.MAX_SUMMARY) return t;
        int cut = t.lastIndexOf(' ', Card.MAX_SUMMARY - 1);
        if (cut < Card.MAX_SUMMARY / 2) cut = Card.MAX_SUMMARY - 1;
        return t.substring(0, cut).replaceAll("[,;:(]$", "").stripTrailing() + "…";
    }

    static String words(String code) {
        return code.replace('_', ' ').toLowerCase(Locale.ROOT);
    }

    static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** Markdown-significant characters in engine text would change how the card renders; escape the few that bite. */
    static String esc(String text) {
        return text == null ? "" : text.replace("*", "\\*").replace("_", "\\_").replace("`", "\\`");
    }
}
