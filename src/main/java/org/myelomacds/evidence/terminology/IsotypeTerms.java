package org.myelomacds.evidence.terminology;

import java.util.List;
import java.util.Optional;

/**
 * M-protein isotype as written in immunofixation and isotype results ("IgG kappa", "IgA-λ", "kappa light chain"):
 * heavy chains {@code isotype-heavy-chain-igg|iga|igm|igd|ige} and light chains {@code isotype-light-chain-kappa|lambda},
 * each a text pattern. The chain named first in the text wins: "IgG kappa, free lambda normal" is IgG kappa.
 */
public final class IsotypeTerms {
    /** Heavy chain ("IgG"…) or null, light chain ("KAPPA"/"LAMBDA") or null. */
    public record Isotype(String heavyChain, String lightChain) { }

    private static final List<String> HEAVY = List.of("IgG", "IgA", "IgM", "IgD", "IgE");
    private static final List<String> LIGHT = List.of("KAPPA", "LAMBDA");

    private final Family<String> heavy;
    private final Family<String> light;

    IsotypeTerms(Terminology t) {
        heavy = t.family("heavy chains", HEAVY.stream().map(h -> new Family.Entry<>(
                t.require("isotype-heavy-chain-" + h.toLowerCase(java.util.Locale.ROOT), "the heavy chain " + h), h)).toList(), false);
        light = t.family("light chains", LIGHT.stream().map(l -> new Family.Entry<>(
                t.require("isotype-light-chain-" + l.toLowerCase(java.util.Locale.ROOT), "the light chain " + l), l)).toList(), false);
    }

    /**
     * The isotype a diagnosis's words state ("IgG kappa multiple myeloma", "Light-chain (kappa) multiple myeloma"): only
     * when they name one light chain and not the other, beside a heavy chain or the words "light chain" / "Bence Jones",
     * so that "kappa/lambda ratio 12" or "free kappa 300 mg/L" in a note is not read as the isotype.
     */
    public Optional<Isotype> parseStated(String text) {
        if (text == null || text.isBlank()) return Optional.empty();
        List<String> chains = light.allByText(text);
        if (chains.stream().distinct().count() != 1) return Optional.empty();
        String h = heavy.byEarliestText(text).orElse(null);
        if (h == null && !LIGHT_CHAIN_WORDS.matcher(text).find()) return Optional.empty();
        return Optional.of(new Isotype(h, chains.get(0)));
    }

    private static final java.util.regex.Pattern LIGHT_CHAIN_WORDS =
            java.util.regex.Pattern.compile("light[\\s-]*chain|bence[\\s-]*jones", java.util.regex.Pattern.CASE_INSENSITIVE);

    public Optional<Isotype> parse(String text) {
        if (text == null || text.isBlank()) return Optional.empty();
        String h = heavy.byEarliestText(text).orElse(null);
        String l = light.byEarliestText(text).orElse(null);
        if (h == null && l == null) return Optional.empty();
        return Optional.of(new Isotype(h, l));
    }
}
