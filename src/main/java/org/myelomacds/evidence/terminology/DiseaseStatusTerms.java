package org.myelomacds.evidence.terminology;

import org.myelomacds.facts.DiseaseTrend;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Answers of mCODE cancer disease status (LOINC 97509-4): {@code disease-status-progression} (SNOMED 271299001
 * "worsened"), {@code -undetermined}, {@code -stable}, {@code -improved}, each with the words a written answer uses
 * (tried in that order); an answer that matches none is {@link DiseaseTrend#OTHER}.
 */
public final class DiseaseStatusTerms {
    /**
     * IMWG response category abbreviations (clinical-evidence.md §1.6 A and D: PD progressive disease, SD stable disease,
     * sCR, CR, VGPR, PR, MR responses; §1.6 E maps 359746009 to SD and 268910001 to a response of MR or better). Used only
     * to see that a coded answer's own text disagrees with its code (CDS-POLICY-DISEASE-STATUS), never to read a text
     * with no code: a text-only "PD" stays unreadable. Whole tokens, case as written ("Pd" is pomalidomide-dexamethasone).
     */
    private static final Map<Pattern, DiseaseTrend> IMWG_CATEGORIES = imwgCategories();

    /** A word is negated by "no", "not", "non", "without" (optionally "evidence/sign(s) of") before it, or "-free" after. */
    private static final Pattern NEGATED_BEFORE =
            Pattern.compile("\\b(no|not|non|without)[\\s-]+((evidence|signs?)\\s+of\\s+)?$");
    private static final Pattern NEGATED_AFTER = Pattern.compile("^\\w*[\\s-]*free\\b");

    private final Family<DiseaseTrend> answers;

    DiseaseStatusTerms(Terminology t) {
        answers = t.family("disease status answers", List.of(
                entry(t, DiseaseTrend.PROGRESSION), entry(t, DiseaseTrend.UNDETERMINED),
                entry(t, DiseaseTrend.STABLE), entry(t, DiseaseTrend.IMPROVED)), true);
    }

    private static Family.Entry<DiseaseTrend> entry(Terminology t, DiseaseTrend trend) {
        return new Family.Entry<>(t.require("disease-status-" + Terminology.kebab(trend), "the disease status " + trend), trend);
    }

    private static Map<Pattern, DiseaseTrend> imwgCategories() {
        Map<Pattern, DiseaseTrend> m = new LinkedHashMap<>();
        m.put(token("PD"), DiseaseTrend.PROGRESSION);
        m.put(token("SD"), DiseaseTrend.STABLE);
        for (String response : List.of("sCR", "CR", "VGPR", "PR", "MR")) m.put(token(response), DiseaseTrend.IMPROVED);
        return java.util.Collections.unmodifiableMap(m);
    }

    private static Pattern token(String abbreviation) {
        return Pattern.compile("(?<![A-Za-z0-9])" + abbreviation + "(?![A-Za-z0-9])");
    }

    public Optional<DiseaseTrend> answer(String system, String code) { return answers.valueByCode(system, code); }

    /**
     * A written answer read by the value sets' words; OTHER (not read) when it names none, or when it negates one of them:
     * "no progression" contains the progression word but says the opposite, and no source maps negations to an answer,
     * so such a text is left unreadable (DISEASE_STATUS_UNREADABLE) rather than read by the word it denies.
     */
    public DiseaseTrend fromText(String text) {
        Optional<DiseaseTrend> byWords = answers.byText(text);
        if (byWords.isEmpty() || namesNegatedAnswer(text.toLowerCase(Locale.ROOT))) return DiseaseTrend.OTHER;
        return byWords.get();
    }

    /**
     * Why a written answer that {@link #fromText} leaves unread ({@link DiseaseTrend#OTHER}) is not read, as a clause
     * for the data gap after "whose text": it negates a status word ("negates the disease-status word 'progression' ..."),
     * names only an IMWG abbreviation, or names no status word the value sets read. A negated word is told apart
     * because "no value set recognises it" would be untrue there: the word is recognised, its denial is not read.
     */
    public String whyTextUnread(String text) {
        if (text == null || text.isBlank()) return "is empty";
        Optional<String> negated = negatedWord(text);
        if (negated.isPresent()) {
            return "negates the disease-status word '" + negated.get() + "' (a denied status is read as no answer: it does"
                    + " not say which status holds instead)";
        }
        for (Pattern p : IMWG_CATEGORIES.keySet()) {
            Matcher m = p.matcher(text);
            if (m.find()) {
                return "names only the IMWG response category '" + m.group() + "' (abbreviations are read only to check"
                        + " a coded answer, never on their own)";
            }
        }
        return "names none of the disease-status words the value sets in rules/terminology/ read";
    }

    /** The first value-set word the text negates, as written in full ("progression" for the stem "progress"). */
    public Optional<String> negatedWord(String text) {
        if (text == null) return Optional.empty();
        String lower = text.toLowerCase(Locale.ROOT);
        int first = -1, firstEnd = -1;
        for (Family.Entry<DiseaseTrend> e : answers.entries()) {
            for (String word : e.set().text().contains()) {
                for (int i = lower.indexOf(word); i >= 0; i = lower.indexOf(word, i + 1)) {
                    if (negated(lower, i, i + word.length()) && (first < 0 || i < first)) {
                        first = i;
                        firstEnd = i + word.length();
                    }
                }
            }
        }
        if (first < 0) return Optional.empty();
        while (first > 0 && Character.isLetter(text.charAt(first - 1))) first--;
        while (firstEnd < text.length() && Character.isLetter(text.charAt(firstEnd))) firstEnd++;
        return Optional.of(text.substring(first, firstEnd));
    }

    private boolean namesNegatedAnswer(String lower) {
        return answers.entries().stream().flatMap(e -> e.set().text().contains().stream())
                .anyMatch(word -> occurs(lower, word, true));
    }

    /**
     * Every answer a written text names, in family order: the value sets' words (rules/terminology/disease-status-*) and
     * the IMWG category abbreviations, skipping a word the text negates ("no progression", "progression-free").
     */
    public List<DiseaseTrend> textReadings(String text) {
        List<DiseaseTrend> out = new ArrayList<>();
        if (text == null || text.isBlank()) return out;
        String lower = text.toLowerCase(Locale.ROOT);
        for (Family.Entry<DiseaseTrend> e : answers.entries()) {
            ValueSet.TextMatch words = e.set().text();
            if (words.excludes().stream().anyMatch(lower::contains)) continue;
            boolean named = words.contains().stream().anyMatch(w -> namedUnnegated(lower, w));
            if (named && !out.contains(e.value())) out.add(e.value());
        }
        for (Map.Entry<Pattern, DiseaseTrend> c : IMWG_CATEGORIES.entrySet()) {
            Matcher m = c.getKey().matcher(text);
            while (m.find()) {
                if (!negated(lower, m.start(), m.end())) {
                    if (!out.contains(c.getValue())) out.add(c.getValue());
                    break;
                }
            }
        }
        return out;
    }

    /**
     * The reading of {@code text} that contradicts a coded answer: a progression named beside a code that is not
     * progression (stable, improved, undetermined), or an answer other than progression named beside the progression
     * code. Empty when the text agrees, names nothing, or only names answers on the code's side of that divide.
     */
    public Optional<DiseaseTrend> contradiction(DiseaseTrend coded, String text) {
        if (coded == null || coded == DiseaseTrend.OTHER) return Optional.empty();
        boolean codedProgression = coded == DiseaseTrend.PROGRESSION;
        return textReadings(text).stream().filter(t -> (t == DiseaseTrend.PROGRESSION) != codedProgression).findFirst();
    }

    private static boolean namedUnnegated(String lower, String word) { return occurs(lower, word, false); }

    /** Whether {@code word} occurs in {@code lower} at least once negated ({@code negated} true) or not negated. */
    private static boolean occurs(String lower, String word, boolean negated) {
        for (int i = lower.indexOf(word); i >= 0; i = lower.indexOf(word, i + 1)) {
            if (negated(lower, i, i + word.length()) == negated) return true;
        }
        return false;
    }

    private static boolean negated(String lower, int start, int end) {
        return NEGATED_BEFORE.matcher(lower.substring(0, start)).find() || NEGATED_AFTER.matcher(lower.substring(end)).find();
    }
}
