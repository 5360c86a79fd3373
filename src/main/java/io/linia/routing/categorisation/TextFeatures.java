package io.linia.routing.categorisation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.ru.RussianAnalyzer;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.StringHelper;
import org.tartarus.snowball.ext.RussianStemmer;

/**
 * Text → hashed term counts. Lucene does the language work: tokens, lower case, Russian and
 * English stop words, Snowball stems for Russian and Porter stems for English (each stemmer leaves
 * the other alphabet alone), so that «пароль»/«пароли» or "password"/"passwords" are one feature.
 * Stems (and, optionally, pairs of neighbouring stems) are hashed into {@link #DIMENSIONS} slots
 * with MurmurHash3 — no vocabulary to store. Thread-safe.
 */
final class TextFeatures {

    static final int DIMENSIONS = 1 << 18;
    /** The opening of a long message says what it is about; the rest only costs time. */
    static final int MAX_CHARS = 8_000;
    private static final int SEED = 0x4c696e69;

    private final Analyzer analyzer = new RussianEnglishAnalyzer();
    private final boolean bigrams;

    TextFeatures(boolean bigrams) {
        this.bigrams = bigrams;
    }

    /** Slots and how often each occurs, sorted by slot; empty for text without words. */
    TermCounts count(String text) {
        String clean = normalise(text);
        if (clean.isBlank()) {
            return TermCounts.EMPTY;
        }
        int[] slots = new int[64];
        int n = 0;
        try (TokenStream tokens = analyzer.tokenStream("text", clean)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            tokens.reset();
            String previous = null;
            while (tokens.incrementToken()) {
                if (!useful(term)) {
                    previous = null;
                    continue;
                }
                String stem = term.toString();
                if (n + 2 > slots.length) {
                    slots = Arrays.copyOf(slots, slots.length * 2);
                }
                slots[n++] = slot(stem);
                if (bigrams && previous != null) {
                    slots[n++] = slot(previous + ' ' + stem);
                }
                previous = stem;
            }
            tokens.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringReader does not fail
        }
        return TermCounts.of(slots, n);
    }

    static int slot(String term) {
        BytesRef bytes = new BytesRef(term);
        return StringHelper.murmurhash3_x86_32(bytes, SEED) & (DIMENSIONS - 1);
    }

    /** Invisible characters would glue or split words; «ё» is written as «е» half the time. */
    static String normalise(String text) {
        if (text == null) {
            return "";
        }
        String s = text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text;
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\u00AD' -> { } // soft hyphen: inside a word
                case '\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF' -> out.append(' ');
                case 'ё' -> out.append('е');
                case 'Ё' -> out.append('Е');
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** One-letter tokens and long numbers (phone numbers, ticket numbers) say nothing about the topic. */
    private static boolean useful(CharTermAttribute term) {
        int length = term.length();
        if (length < 2 || length > 40) {
            return false;
        }
        if (length > 4) {
            for (int i = 0; i < length; i++) {
                if (!Character.isDigit(term.charAt(i))) {
                    return true;
                }
            }
            return false;
        }
        return true;
    }

    /** Hashed slots with their counts, slots ascending. */
    record TermCounts(int[] slots, int[] counts) {

        static final TermCounts EMPTY = new TermCounts(new int[0], new int[0]);

        static TermCounts of(int[] raw, int n) {
            if (n == 0) {
                return EMPTY;
            }
            int[] sorted = Arrays.copyOf(raw, n);
            Arrays.sort(sorted);
            int distinct = 0;
            int[] slots = new int[n];
            int[] counts = new int[n];
            for (int i = 0; i < n; i++) {
                if (distinct > 0 && slots[distinct - 1] == sorted[i]) {
                    counts[distinct - 1]++;
                } else {
                    slots[distinct] = sorted[i];
                    counts[distinct++] = 1;
                }
            }
            return new TermCounts(Arrays.copyOf(slots, distinct), Arrays.copyOf(counts, distinct));
        }

        boolean isEmpty() {
            return slots.length == 0;
        }

        boolean contains(int slot) {
            return Arrays.binarySearch(slots, slot) >= 0;
        }
    }

    /** Russian and English in one chain: Lucene's RussianAnalyzer stems only Cyrillic words. */
    static final class RussianEnglishAnalyzer extends Analyzer {

        private static final CharArraySet STOP_WORDS;

        static {
            CharArraySet set = new CharArraySet(RussianAnalyzer.getDefaultStopSet(), true);
            set.addAll(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
            STOP_WORDS = CharArraySet.unmodifiableSet(set);
        }

        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer source = new StandardTokenizer();
            TokenStream stream = new LowerCaseFilter(source);
            stream = new StopFilter(stream, STOP_WORDS);
            stream = new SnowballFilter(stream, new RussianStemmer());
            stream = new PorterStemFilter(stream);
            return new TokenStreamComponents(source, stream);
        }

        @Override
        protected TokenStream normalize(String fieldName, TokenStream in) {
            return new LowerCaseFilter(in);
        }
    }
}
