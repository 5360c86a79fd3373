package io.linia.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import io.linia.accounts.Actor;
import io.linia.accounts.UserDirectory;
import io.linia.accounts.UserRef;
import io.linia.support.StoreTest;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Short queries are matched with typo tolerance and their hits highlighted. Over the rutube
 * knowledge base, some of them ("Почему", "Что такое Студия RUTUBE") made the search fail with
 * "boost must be a positive float" (found by bench/run-knowledge.sh): the plain highlighter
 * rewrote the fuzzy clause into boosted terms, a few with a negative boost.
 */
@StoreTest
class FuzzySearchHighlightTest {

    @Autowired
    KnowledgeBase kb;
    @Autowired
    UserDirectory users;

    @Test
    void shortQueriesOverTheRutubeBaseAreAnsweredAndHighlighted() throws Exception {
        Actor lead = users.userByLogin("lead").map(UserRef::toActor).orElseThrow();
        List<ArticleCommand> articles = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(Path.of("src/test/resources/kb/rutube-support-kb.csv"), StandardCharsets.UTF_8)) {
            for (CSVRecord r : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
                articles.add(new ArticleCommand(r.get("Вопрос из БЗ"), r.get("Ответ из БЗ"), null, Audience.PUBLIC, "ru", "",
                        ArticleStatus.PUBLISHED, null, null));
            }
        }
        kb.createAll(lead, articles);

        for (String query : List.of("Почему", "Что такое Студия RUTUBE", "Что такое Стдуия RUTUBE", "почему могут отключить",
                "Почему загруженный")) {
            List<ArticleHit> hits = kb.search(lead, ArticleSearch.of(query));
            assertThat(hits).as(query).isNotEmpty();
            assertThat(hits.get(0).titleHtml()).as(query).contains("<mark>");
        }
    }
}
