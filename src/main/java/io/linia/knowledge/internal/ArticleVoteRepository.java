package io.linia.knowledge.internal;

import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface ArticleVoteRepository extends JpaRepository<ArticleVote, Long> {

    Optional<ArticleVote> findByArticleIdAndVoter(long articleId, String voter);

    /** [helpful, all] votes of one article. */
    @Query("select coalesce(sum(case when v.helpful = true then 1 else 0 end), 0), count(v) from ArticleVote v"
            + " where v.articleId = :articleId")
    List<Object[]> tally(long articleId);

    /** [articleId, helpful, all] of the articles with at least {@code minVotes} votes, least helpful first. */
    @Query("select v.articleId, sum(case when v.helpful = true then 1 else 0 end), count(v) from ArticleVote v"
            + " group by v.articleId having count(v) >= :minVotes"
            + " order by sum(case when v.helpful = true then 1.0 else 0.0 end) / count(v), count(v) desc, v.articleId")
    List<Object[]> leastHelpful(long minVotes, Limit limit);

    /** The latest "not helpful" comments of an article. */
    @Query("select v from ArticleVote v where v.articleId = :articleId and v.helpful = false and v.comment is not null"
            + " order by v.createdAt desc")
    List<ArticleVote> comments(long articleId, Limit limit);
}
