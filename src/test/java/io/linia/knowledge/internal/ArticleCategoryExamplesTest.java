package io.linia.knowledge.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.linia.accounts.Actor;
import io.linia.accounts.UserDirectory;
import io.linia.accounts.UserRef;
import io.linia.knowledge.ArticleCommand;
import io.linia.knowledge.ArticleStatus;
import io.linia.knowledge.Audience;
import io.linia.knowledge.KnowledgeBase;
import io.linia.routing.LabelledText;
import io.linia.routing.RoutingDirectory;
import io.linia.support.StoreTest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Published articles with a category teach the categoriser; drafts and uncategorised ones do not. */
@StoreTest
class ArticleCategoryExamplesTest {

    @Autowired
    KnowledgeBase kb;
    @Autowired
    ArticleCategoryExamples examples;
    @Autowired
    UserDirectory users;
    @Autowired
    RoutingDirectory routing;

    @Test
    void publishedCategorisedArticlesAreExamplesOfTheirCategory() {
        Actor lead = users.userByLogin("lead").map(UserRef::toActor).orElseThrow();
        long category = routing.activeCategories().get(0).id();
        String mark = UUID.randomUUID().toString();
        kb.create(lead, new ArticleCommand("Опубликованная " + mark, "Текст статьи", category, Audience.PUBLIC, "ru", "",
                ArticleStatus.PUBLISHED, null, null));
        kb.create(lead, new ArticleCommand("Внутренняя " + mark, "Текст", category, Audience.INTERNAL, "ru", "",
                ArticleStatus.PUBLISHED, null, null));
        kb.create(lead, new ArticleCommand("Черновик " + mark, "Текст", category, Audience.PUBLIC, "ru", "",
                ArticleStatus.DRAFT, null, null));
        kb.create(lead, new ArticleCommand("Без категории " + mark, "Текст", null, Audience.PUBLIC, "ru", "",
                ArticleStatus.PUBLISHED, null, null));

        List<LabelledText> seen = new ArrayList<>();
        examples.forEach(seen::add);

        List<LabelledText> mine = seen.stream().filter(t -> t.text().contains(mark)).toList();
        assertThat(mine).extracting(t -> t.text().substring(0, t.text().indexOf(' ')))
                .containsExactlyInAnyOrder("Опубликованная", "Внутренняя");
        assertThat(mine).allSatisfy(t -> {
            assertThat(t.categoryId()).isEqualTo(category);
            assertThat(t.weight()).isEqualTo(1.0);
            assertThat(t.text()).contains("Текст");
        });
    }
}
