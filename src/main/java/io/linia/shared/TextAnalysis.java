package io.linia.shared;

import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.charfilter.MappingCharFilter;
import org.apache.lucene.analysis.charfilter.NormalizeCharMap;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.ru.RussianAnalyzer;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.tartarus.snowball.ext.RussianStemmer;

/**
 * The one text analysis of Linia, for search and for categorisation alike: Russian and English
 * words reduced to their stems ("пароли", "паролей" → "парол"; "passwords" → "password"), stop
 * words dropped, "ё" read as "е", and the invisible characters that pasted text carries (zero-width
 * spaces and joiners, soft hyphens, byte-order marks) removed so they do not glue or split words.
 */
public final class TextAnalysis {

    private static final NormalizeCharMap INVISIBLES;

    static {
        NormalizeCharMap.Builder map = new NormalizeCharMap.Builder();
        for (String invisible : List.of("\u200B", "\u200C", "\u200D", "\u2060", "\uFEFF", "\u00AD")) {
            map.add(invisible, "");
        }
        map.add("\u00A0", " ");
        map.add("ё", "е");
        map.add("Ё", "Е");
        INVISIBLES = map.build();
    }

    private static final CharArraySet STOP_WORDS;

    static {
        CharArraySet words = new CharArraySet(RussianAnalyzer.getDefaultStopSet(), true);
        words.addAll(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
        STOP_WORDS = CharArraySet.unmodifiableSet(words);
    }

    private TextAnalysis() {
    }

    /** A new analyzer (they are thread-safe; keep one per use). */
    public static Analyzer analyzer() {
        return new Analyzer() {
            @Override
            protected java.io.Reader initReader(String fieldName, java.io.Reader reader) {
                return new MappingCharFilter(INVISIBLES, reader);
            }

            @Override
            protected java.io.Reader initReaderForNormalization(String fieldName, java.io.Reader reader) {
                return new MappingCharFilter(INVISIBLES, reader);
            }

            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer tokenizer = new StandardTokenizer();
                TokenStream stream = new LowerCaseFilter(tokenizer);
                stream = new StopFilter(stream, STOP_WORDS);
                stream = new SnowballFilter(stream, new RussianStemmer());
                stream = new PorterStemFilter(stream);
                return new TokenStreamComponents(tokenizer, stream);
            }

            @Override
            protected TokenStream normalize(String fieldName, TokenStream in) {
                return new LowerCaseFilter(in);
            }
        };
    }

    /** The stems of a text, in order, repeats kept. */
    public static List<String> stems(Analyzer analyzer, String text) {
        List<String> out = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return out;
        }
        try (TokenStream ts = analyzer.tokenStream("text", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term.toString());
            }
            ts.end();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out;
    }

}
