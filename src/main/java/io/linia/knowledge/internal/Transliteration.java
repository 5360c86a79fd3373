package io.linia.knowledge.internal;

import java.util.Locale;
import java.util.Map;

/** Latin slugs of Russian names, for category codes and file names ("Не помню пароль" → "ne-pomnyu-parol"). */
public final class Transliteration {

    private static final Map<Character, String> RUSSIAN = Map.ofEntries(
            Map.entry('а', "a"), Map.entry('б', "b"), Map.entry('в', "v"), Map.entry('г', "g"), Map.entry('д', "d"),
            Map.entry('е', "e"), Map.entry('ё', "e"), Map.entry('ж', "zh"), Map.entry('з', "z"), Map.entry('и', "i"),
            Map.entry('й', "y"), Map.entry('к', "k"), Map.entry('л', "l"), Map.entry('м', "m"), Map.entry('н', "n"),
            Map.entry('о', "o"), Map.entry('п', "p"), Map.entry('р', "r"), Map.entry('с', "s"), Map.entry('т', "t"),
            Map.entry('у', "u"), Map.entry('ф', "f"), Map.entry('х', "kh"), Map.entry('ц', "ts"), Map.entry('ч', "ch"),
            Map.entry('ш', "sh"), Map.entry('щ', "shch"), Map.entry('ъ', ""), Map.entry('ы', "y"), Map.entry('ь', ""),
            Map.entry('э', "e"), Map.entry('ю', "yu"), Map.entry('я', "ya"));

    private Transliteration() {
    }

    /** Lower-case latin letters, digits and single hyphens, at most {@code maxLength} characters; may be empty. */
    public static String slug(String text, int maxLength) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toLowerCase(Locale.ROOT).toCharArray()) {
            String latin = RUSSIAN.get(c);
            if (latin != null) {
                out.append(latin);
            } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                out.append(c);
            } else if (out.length() > 0 && out.charAt(out.length() - 1) != '-') {
                out.append('-');
            }
        }
        String slug = out.toString().replaceAll("-{2,}", "-");
        if (slug.length() > maxLength) {
            slug = slug.substring(0, maxLength);
        }
        return slug.replaceAll("^-+|-+$", "");
    }
}
