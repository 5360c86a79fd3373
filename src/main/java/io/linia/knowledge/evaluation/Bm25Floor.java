package io.linia.knowledge.evaluation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.ru.RussianAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * The baseline Linia has to beat: plain Lucene BM25 with Lucene's own {@link RussianAnalyzer} over
 * one field holding title and body, no boosts, no phrases, no typo tolerance, no learning.
 */
final class Bm25Floor implements AutoCloseable {

    private static final String FIELD = "text";
    private static final String ID = "id";

    private final Analyzer analyzer = new RussianAnalyzer();
    private final ByteBuffersDirectory directory = new ByteBuffersDirectory();
    private final DirectoryReader reader;
    private final IndexSearcher searcher;

    record Entry(long id, String title, String body) {
    }

    Bm25Floor(List<Entry> articles) {
        try {
            try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(analyzer))) {
                for (Entry a : articles) {
                    Document doc = new Document();
                    doc.add(new StoredField(ID, a.id()));
                    doc.add(new TextField(FIELD, a.title() + "\n" + a.body(), Field.Store.NO));
                    writer.addDocument(doc);
                }
            }
            reader = DirectoryReader.open(directory);
            searcher = new IndexSearcher(reader); // BM25Similarity is Lucene's default
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The ids of the best {@code n} articles for a question: any of its analysed words, BM25-ranked. */
    List<Long> top(String question, int n) {
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        Set<String> terms = new LinkedHashSet<>();
        try (TokenStream ts = analyzer.tokenStream(FIELD, question)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                terms.add(term.toString());
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (terms.isEmpty()) {
            return List.of();
        }
        terms.stream().limit(IndexSearcher.getMaxClauseCount())
                .forEach(t -> query.add(new TermQuery(new Term(FIELD, t)), BooleanClause.Occur.SHOULD));
        try {
            StoredFields stored = searcher.storedFields();
            List<Long> ids = new ArrayList<>(n);
            for (ScoreDoc hit : searcher.search(query.build(), n).scoreDocs) {
                ids.add(stored.document(hit.doc).getField(ID).numericValue().longValue());
            }
            return ids;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            reader.close();
            directory.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
