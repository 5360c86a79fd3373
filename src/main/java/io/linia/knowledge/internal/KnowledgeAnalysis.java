package io.linia.knowledge.internal;

import io.linia.shared.TextAnalysis;
import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurationContext;
import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurer;

/** Registers Linia's Russian + English analysis with Hibernate Search (see {@link TextAnalysis}). */
public class KnowledgeAnalysis implements LuceneAnalysisConfigurer {

    public static final String TEXT = "linia_text";

    @Override
    public void configure(LuceneAnalysisConfigurationContext context) {
        context.analyzer(TEXT).instance(TextAnalysis.analyzer());
    }
}
