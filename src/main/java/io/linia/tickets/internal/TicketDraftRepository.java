package io.linia.tickets.internal;

import io.linia.tickets.DraftStatus;
import java.util.Collection;
import java.util.List;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface TicketDraftRepository extends JpaRepository<TicketDraft, Long> {

    /** Held drafts waiting for this supervisor, longest waiting first. */
    List<TicketDraft> findBySupervisorIdAndStatusOrderByCreatedAtAscIdAsc(long supervisorId, DraftStatus status, Limit limit);

    /** All held drafts (team leads), longest waiting first. */
    List<TicketDraft> findByStatusOrderByCreatedAtAscIdAsc(DraftStatus status, Limit limit);

    /** An author's drafts, newest first (their feedback). */
    List<TicketDraft> findByAuthorIdOrderByCreatedAtDescIdDesc(long authorId, Limit limit);

    List<TicketDraft> findByTicketIdOrderByCreatedAtAscIdAsc(long ticketId);

    boolean existsByTicketIdAndAuthorIdAndStatus(long ticketId, long authorId, DraftStatus status);

    boolean existsByTicketIdAndAuthorIdAndStatusIn(long ticketId, long authorId, Collection<DraftStatus> statuses);

    /** Drafts per author and status: the edit and reject rates. */
    @Query("select d.authorId as authorId, max(d.authorName) as authorName, d.status as status, count(d) as count"
            + " from TicketDraft d where d.authorId in :authorIds group by d.authorId, d.status")
    List<StatusCount> countByAuthorAndStatus(Collection<Long> authorIds);

    /** The same for every author who has drafts under this supervisor. */
    @Query("select distinct d.authorId from TicketDraft d where d.supervisorId = :supervisorId")
    List<Long> findAuthorsOf(long supervisorId);

    @Query("select distinct d.authorId from TicketDraft d")
    List<Long> findAllAuthors();

    interface StatusCount {
        Long getAuthorId();

        String getAuthorName();

        DraftStatus getStatus();

        long getCount();
    }
}
