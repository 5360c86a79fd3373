package io.linia.intake.internal.mail;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mozilla.universalchardet.UniversalDetector;

/**
 * Bytes of Russian mail to text: charset labels as mailers really write them, and a guess when the
 * label is missing, unknown or plainly wrong (strict UTF-8 first, then the Cyrillic single-byte
 * charset whose decoding reads most like Russian).
 */
final class MailCharset {

    static final Charset WINDOWS_1251 = Charset.forName("windows-1251");
    static final Charset KOI8_R = Charset.forName("KOI8-R");
    static final Charset ISO_8859_5 = Charset.forName("ISO-8859-5");
    static final Charset IBM866 = Charset.forName("IBM866");
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final List<Charset> CYRILLIC = List.of(WINDOWS_1251, KOI8_R, ISO_8859_5, IBM866);

    /** Labels seen in the wild that Java does not know, keyed by the label without punctuation. */
    private static final Map<String, Charset> ALIASES = Map.ofEntries(
            Map.entry("win1251", WINDOWS_1251), Map.entry("cp1251", WINDOWS_1251),
            Map.entry("xcp1251", WINDOWS_1251), Map.entry("windows1251", WINDOWS_1251),
            Map.entry("wincp1251", WINDOWS_1251), Map.entry("xwin1251", WINDOWS_1251),
            Map.entry("ms1251", WINDOWS_1251), Map.entry("1251", WINDOWS_1251),
            Map.entry("koi8r", KOI8_R), Map.entry("koi8", KOI8_R), Map.entry("xkoi8r", KOI8_R),
            Map.entry("cskoi8r", KOI8_R), Map.entry("koi", KOI8_R),
            Map.entry("iso88595", ISO_8859_5), Map.entry("iso885951988", ISO_8859_5),
            Map.entry("isoir144", ISO_8859_5), Map.entry("cyrillic", ISO_8859_5),
            Map.entry("cp866", IBM866), Map.entry("ibm866", IBM866), Map.entry("866", IBM866),
            Map.entry("dos866", IBM866), Map.entry("alt", IBM866), Map.entry("cp866u", IBM866),
            Map.entry("utf8", StandardCharsets.UTF_8), Map.entry("xunicode20utf8", StandardCharsets.UTF_8),
            Map.entry("unicode11utf8", StandardCharsets.UTF_8), Map.entry("utf", StandardCharsets.UTF_8),
            Map.entry("usascii", StandardCharsets.US_ASCII), Map.entry("ascii", StandardCharsets.US_ASCII),
            Map.entry("xunknown", StandardCharsets.US_ASCII), Map.entry("unknown8bit", StandardCharsets.US_ASCII),
            Map.entry("latin1", StandardCharsets.ISO_8859_1), Map.entry("iso88591", StandardCharsets.ISO_8859_1),
            Map.entry("cp1252", WINDOWS_1252), Map.entry("windows1252", WINDOWS_1252));

    /** Russian letter frequencies (а..я, then ё), for telling the single-byte charsets apart. */
    private static final double[] FREQUENCY = {
            .080, .016, .045, .017, .030, .085, .009, .016, .074, .012, .035, .044, .032, .067, .110, .028,
            .047, .055, .063, .026, .002, .010, .005, .014, .007, .004, .0004, .019, .017, .003, .006, .020, .0004};

    private MailCharset() {
    }

    /** The Java charset for a label as mailers write it, or null when it means nothing usable. */
    static Charset resolve(String label) {
        if (label == null || label.isBlank()) {
            return null;
        }
        String trimmed = label.trim().replace("\"", "");
        Charset alias = ALIASES.get(trimmed.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", ""));
        if (alias != null) {
            return alias;
        }
        try {
            return Charset.forName(trimmed);
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }

    /** Decodes with the declared charset unless it is missing, unknown or contradicted by the bytes. */
    static String decode(byte[] bytes, String declared) {
        if (bytes.length == 0) {
            return "";
        }
        Charset charset = resolve(declared);
        if (charset == null) {
            return guess(bytes);
        }
        if (!charset.name().startsWith("UTF-16") && !charset.name().startsWith("UTF-32")) {
            if (isAscii(bytes)) {
                return new String(bytes, StandardCharsets.US_ASCII);
            }
            boolean singleByte = charset.equals(StandardCharsets.US_ASCII) || charset.equals(StandardCharsets.ISO_8859_1)
                    || charset.equals(WINDOWS_1252) || CYRILLIC.contains(charset);
            String utf8 = strictUtf8(bytes);
            if (charset.equals(StandardCharsets.UTF_8) || singleByte && utf8 != null) {
                // Valid multi-byte UTF-8 is practically never an accident of a single-byte charset.
                return utf8 != null ? utf8 : guess(bytes);
            }
            if (charset.equals(StandardCharsets.US_ASCII)) {
                return guess(bytes);
            }
            if (charset.equals(StandardCharsets.ISO_8859_1) || charset.equals(WINDOWS_1252)) {
                String latin = new String(bytes, charset);
                return mostlyNonLatinLetters(latin) ? guess(bytes) : latin;
            }
            if (CYRILLIC.contains(charset)) {
                String declaredText = new String(bytes, charset);
                if (russianScore(declaredText) < 0) {
                    String guessed = guess(bytes);
                    return russianScore(guessed) > 0 ? guessed : declaredText;
                }
                return declaredText;
            }
        }
        return new String(bytes, charset);
    }

    /** Text of unlabelled bytes: ASCII, strict UTF-8, else the likeliest Cyrillic single-byte charset. */
    static String guess(byte[] bytes) {
        if (isAscii(bytes)) {
            return new String(bytes, StandardCharsets.US_ASCII);
        }
        String utf8 = strictUtf8(bytes);
        if (utf8 != null) {
            return utf8;
        }
        Charset detected = detectorVerdict(bytes);
        String best = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (Charset candidate : CYRILLIC) {
            String text = new String(bytes, candidate);
            double score = russianScore(text);
            if (candidate.equals(detected)) {
                score += Math.abs(score) * 0.2; // the detector breaks near-ties
            }
            if (score > bestScore) {
                bestScore = score;
                best = text;
            }
        }
        if (bestScore <= 0 && detected != null && !CYRILLIC.contains(detected)) {
            return new String(bytes, detected);
        }
        return best;
    }

    static boolean isAscii(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }

    static String strictUtf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException notUtf8) {
            return null;
        }
    }

    private static Charset detectorVerdict(byte[] bytes) {
        UniversalDetector detector = new UniversalDetector();
        detector.handleData(bytes, 0, bytes.length);
        detector.dataEnd();
        String name = detector.getDetectedCharset();
        Charset charset = resolve(name);
        return charset == null || charset.equals(StandardCharsets.UTF_8) ? null : charset;
    }

    /**
     * How much a text reads like Russian: frequent lower-case letters score, capitals inside words
     * and stray symbols or foreign letters cost. A wrong single-byte charset turns Russian into
     * capitals mid-word, box drawing or rare letters, so the right one scores highest.
     */
    static double russianScore(String text) {
        double score = 0;
        boolean previousLetter = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 'а' && c <= 'я') {
                score += FREQUENCY[c - 'а'];
            } else if (c == 'ё') {
                score += FREQUENCY[32];
            } else if (c >= 'А' && c <= 'Я' || c == 'Ё') {
                score += previousLetter ? -0.05 : FREQUENCY[c == 'Ё' ? 32 : c - 'А'] * 0.5;
            } else if (c >= 0x80 && "«»—–№…“”„‘’•\u00a0".indexOf(c) < 0) {
                score -= Character.isLetter(c) ? 0.05 : 0.1;
            }
            previousLetter = Character.isLetter(c);
        }
        return score;
    }

    private static boolean mostlyNonLatinLetters(String text) {
        int letters = 0;
        int nonAscii = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isLetter(c)) {
                letters++;
                if (c >= 0x80) {
                    nonAscii++;
                }
            }
        }
        return nonAscii > 0 && nonAscii * 10 > letters * 3;
    }
}
