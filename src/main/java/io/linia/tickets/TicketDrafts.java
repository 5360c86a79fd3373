package io.linia.tickets;

import io.linia.accounts.Actor;
import io.linia.accounts.Role;
import io.linia.accounts.UserDirectory;
import io.linia.accounts.UserRef;
import io.linia.shared.DomainException;
import io.linia.tickets.TicketCommands.Answer;
import io.linia.tickets.TicketCommands.AskForInformation;
import io.linia.tickets.TicketCommands.Escalate;
import io.linia.tickets.TicketCommands.Reply;
import io.linia.tickets.TicketCommands.Solve;
import io.linia.tickets.internal.Ticket;
import io.linia.tickets.internal.TicketDraft;
import io.linia.tickets.internal.TicketDraftRepository;
import io.linia.tickets.internal.TicketRepository;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Drafts held for a supervisor (see {@link TicketSupervision}): the supervisor's list with how long each has waited
 * and the ticket's SLA due time, approving (as written or edited; the command is then carried out as the author's,
 * the ticket's history naming the approver), rejecting with a comment, each author's feedback and their edit and reject
 * rates. Only the draft's supervisor or a team lead decides; the author, their supervisor, team leads and
 * administrators read a draft; to anyone else it does not exist.
 */
@Service
@Transactional
public class TicketDrafts {

    public static final int MAX_COMMENT = 2000;

    private final TicketDraftRepository drafts;
    private final TicketRepository tickets;
    private final TicketService service;
    private final UserDirectory users;
    private final ApplicationEventPublisher events;
    private final MeterRegistry meters;
    private final Clock clock;

    TicketDrafts(TicketDraftRepository drafts, TicketRepository tickets, TicketService service, UserDirectory users,
                 ApplicationEventPublisher events, MeterRegistry meters, Clock clock) {
        this.drafts = drafts;
        this.tickets = tickets;
        this.service = service;
        this.users = users;
        this.events = events;
        this.meters = meters;
        this.clock = clock;
    }

    /** Whether the actor decides drafts of others (team leads). */
    public static boolean overseesAll(Actor actor) {
        return actor != null && (actor.has(Role.TEAM_LEAD) || actor.has(Role.ADMIN));
    }

    // ------------------------------------------------------------------ reading

    /** Drafts waiting for a decision, longest waiting first: the supervisor's own; every one for team leads and admins. */
    @Transactional(readOnly = true)
    public List<DraftView> held(Actor actor, int limit) {
        requireStaff(actor);
        Limit l = Limit.of(Math.max(1, Math.min(limit, 500)));
        return views(overseesAll(actor) ? drafts.findByStatusOrderByCreatedAtAscIdAsc(DraftStatus.PENDING, l)
                : drafts.findBySupervisorIdAndStatusOrderByCreatedAtAscIdAsc(actor.id(), DraftStatus.PENDING, l));
    }

    @Transactional(readOnly = true)
    public DraftView draft(Actor actor, long draftId) {
        return views(List.of(readable(actor, draftId))).get(0);
    }

    /** The drafts on a ticket the actor may read (their own, those they supervise; all for team leads), oldest first. */
    @Transactional(readOnly = true)
    public List<DraftView> ofTicket(Actor actor, long ticketId) {
        if (actor == null || !actor.isStaff()) {
            return List.of();
        }
        return views(drafts.findByTicketIdOrderByCreatedAtAscIdAsc(ticketId).stream().filter(d -> reads(actor, d)).toList());
    }

    /**
     * An author's drafts, newest first: the author's feedback (what was edited, rejected and why). Read by the author,
     * by team leads and administrators, and by a supervisor (only the drafts they supervised).
     */
    @Transactional(readOnly = true)
    public List<DraftView> ofAuthor(Actor actor, long authorId, int limit) {
        requireStaff(actor);
        return views(drafts.findByAuthorIdOrderByCreatedAtDescIdDesc(authorId, Limit.of(Math.max(1, Math.min(limit, 500))))
                .stream().filter(d -> reads(actor, d)).toList());
    }

    /** The edit and reject rates of the authors the actor sees: their own, those they supervised, or all (team leads). */
    @Transactional(readOnly = true)
    public List<DraftRates> rates(Actor actor) {
        requireStaff(actor);
        List<Long> authors = overseesAll(actor) ? drafts.findAllAuthors() : new ArrayList<>(drafts.findAuthorsOf(actor.id()));
        if (!overseesAll(actor) && !authors.contains(actor.id())) {
            authors.add(actor.id());
        }
        return rates(authors);
    }

    /** One author's rates: for the author, a supervisor of theirs and team leads; refused (403) to others. */
    @Transactional(readOnly = true)
    public DraftRates ratesOf(Actor actor, long authorId) {
        requireStaff(actor);
        if (actor.id() != authorId && !overseesAll(actor) && !drafts.findAuthorsOf(actor.id()).contains(authorId)) {
            throw DomainException.forbidden("supervision.error.notYours");
        }
        List<DraftRates> found = rates(List.of(authorId));
        if (!found.isEmpty()) {
            return found.get(0);
        }
        String name = users.user(authorId).map(UserRef::displayName).orElse("#" + authorId);
        return new DraftRates(authorId, name, 0, 0, 0, 0);
    }

    private List<DraftRates> rates(Collection<Long> authorIds) {
        if (authorIds.isEmpty()) {
            return List.of();
        }
        Map<Long, long[]> counts = new LinkedHashMap<>();
        Map<Long, String> names = new LinkedHashMap<>();
        for (TicketDraftRepository.StatusCount c : drafts.countByAuthorAndStatus(authorIds)) {
            counts.computeIfAbsent(c.getAuthorId(), id -> new long[DraftStatus.values().length])[c.getStatus().ordinal()] += c.getCount();
            names.putIfAbsent(c.getAuthorId(), c.getAuthorName());
        }
        return counts.entrySet().stream().map(e -> new DraftRates(e.getKey(), names.get(e.getKey()),
                        e.getValue()[DraftStatus.PENDING.ordinal()], e.getValue()[DraftStatus.APPROVED.ordinal()],
                        e.getValue()[DraftStatus.EDITED.ordinal()], e.getValue()[DraftStatus.REJECTED.ordinal()]))
                .sorted(java.util.Comparator.comparing(DraftRates::authorName)).toList();
    }

    // ------------------------------------------------------------------ deciding

    /**
     * Approves a held draft: carried out now as its author's command (the author shown as the one who did it, the
     * approver recorded on the ticket's history), with {@code editedBody} instead of the author's text when it is given
     * and differs (then the draft counts as edited). When the command cannot be done on the ticket as it is now (e.g.
     * it was solved meanwhile), that refusal is the answer and the draft stays held.
     *
     * @param version the draft's version the decider saw (null: not checked); stale → 409
     */
    public DraftView approve(Actor actor, long draftId, String editedBody, String comment, Long version) {
        TicketDraft d = decidable(actor, draftId, version);
        String edited = editedBody == null ? null : editedBody.strip();
        if (edited != null && edited.isEmpty()) {
            if (d.action() != TicketAction.ESCALATE) {
                throw DomainException.invalid("body", "linia.validation.required");
            }
            edited = d.body() == null ? null : "";
        }
        if (edited != null && edited.getBytes(StandardCharsets.UTF_8).length > TicketCommands.MAX_BODY_BYTES) {
            throw DomainException.invalid("body", "supervision.error.tooLong", TicketCommands.MAX_BODY_BYTES);
        }
        checkComment(comment, false);
        Actor author = users.user(d.authorId()).filter(UserRef::enabled).map(UserRef::toActor)
                .orElseThrow(() -> DomainException.conflict("supervision.error.authorGone", d.authorName()));
        boolean first = !drafts.existsByTicketIdAndAuthorIdAndStatusIn(d.ticketId(), d.authorId(),
                EnumSet.of(DraftStatus.APPROVED, DraftStatus.EDITED));
        Instant now = clock.instant();
        d.approve(actor, edited, first, now);
        d.comment(comment);
        String number = TicketNumber.format(d.ticketId());
        String text = d.sentBody();
        TicketService.Approval approval = new TicketService.Approval(actor.id(), actor.name());
        switch (d.action()) {
            case ANSWER -> service.answer(author, number, new Answer(text, d.articleUrl(), d.articleTitle(), null, d.articleId()), approval);
            case ASK_FOR_INFORMATION -> service.askForInformation(author, number, new AskForInformation(text, null), approval);
            case REPLY -> service.reply(author, number, new Reply(text, null, d.articleId()), approval);
            case SOLVE -> service.solve(author, number, new Solve(text, null), approval);
            case ESCALATE -> service.escalate(author, number, new Escalate(d.categoryId(), d.groupId(),
                    text == null || text.isBlank() ? null : text, null), approval);
            default -> throw new IllegalStateException("a draft of " + d.action() + " is never held");
        }
        drafts.flush();
        return decided(d, actor, now);
    }

    /** Rejects a held draft with a comment for its author; nothing reaches the customer or the ticket. */
    public DraftView reject(Actor actor, long draftId, String comment, Long version) {
        TicketDraft d = decidable(actor, draftId, version);
        checkComment(comment, true);
        Instant now = clock.instant();
        d.reject(actor, comment, now);
        drafts.flush();
        return decided(d, actor, now);
    }

    private DraftView decided(TicketDraft d, Actor by, Instant now) {
        meters.counter("linia.tickets.drafts.decided", "outcome", d.status().name()).increment();
        events.publishEvent(new DraftDecided(d.ticketId(), d.id(), d.authorId(), d.supervisorId(), by.id(), by.name(), d.action(),
                d.status(), d.countsTicket(), now));
        return views(List.of(d)).get(0);
    }

    private TicketDraft decidable(Actor actor, long draftId, Long version) {
        requireStaff(actor);
        TicketDraft d = drafts.findById(draftId)
                .orElseThrow(() -> DomainException.notFound("supervision.error.notFound", draftId));
        if (d.supervisorId() != actor.id() && !actor.has(Role.TEAM_LEAD)) {
            throw DomainException.forbidden("supervision.error.supervisorOnly");
        }
        if (version != null && version != d.version()) {
            throw DomainException.conflict("supervision.error.stale").with("currentVersion", d.version());
        }
        if (d.status().decided()) {
            throw DomainException.conflict("supervision.error.decided");
        }
        return d;
    }

    private static void checkComment(String comment, boolean required) {
        if (required && (comment == null || comment.isBlank())) {
            throw DomainException.invalid("comment", "supervision.error.commentRequired");
        }
        if (comment != null && comment.strip().length() > MAX_COMMENT) {
            throw DomainException.invalid("comment", "supervision.error.tooLong", MAX_COMMENT);
        }
        if (comment != null && comment.chars().anyMatch(ch -> ch < 0x20 && ch != '\n' && ch != '\r' && ch != '\t')) {
            throw DomainException.invalid("comment", "supervision.error.controlCharacters");
        }
    }

    // ------------------------------------------------------------------ internals

    private TicketDraft readable(Actor actor, long draftId) {
        requireStaff(actor);
        return drafts.findById(draftId).filter(d -> reads(actor, d))
                .orElseThrow(() -> DomainException.notFound("supervision.error.notFound", draftId));
    }

    private static boolean reads(Actor actor, TicketDraft d) {
        return d.authorId() == actor.id() || d.supervisorId() == actor.id() || overseesAll(actor);
    }

    private static void requireStaff(Actor actor) {
        if (actor == null || !actor.isStaff()) {
            throw DomainException.forbidden("linia.error.forbidden");
        }
    }

    /** Drafts with their tickets' facts now, read for the whole list at once. */
    private List<DraftView> views(List<TicketDraft> list) {
        if (list.isEmpty()) {
            return List.of();
        }
        Map<Long, Ticket> byId = tickets.findAllById(list.stream().map(TicketDraft::ticketId).distinct().toList()).stream()
                .collect(Collectors.toMap(Ticket::id, Function.identity()));
        Instant now = clock.instant();
        return list.stream().map(d -> {
            Ticket t = byId.get(d.ticketId());
            Instant end = d.decidedAt() == null ? now : d.decidedAt();
            Duration waiting = end.isBefore(d.createdAt()) ? Duration.ZERO : Duration.between(d.createdAt(), end);
            return new DraftView(d.id(), d.ticketId(), TicketNumber.format(d.ticketId()), t == null ? "" : t.subject(),
                    t == null ? null : t.state(), t == null ? null : t.slaDueAt(), t == null ? SlaState.NONE : t.slaState(),
                    d.action(), d.authorId(), d.authorName(), d.supervisorId(), d.supervisorName(), d.body(), d.articleUrl(),
                    d.articleTitle(), d.categoryId(), d.groupId(), d.status(), d.sentBody(), d.comment(), d.createdAt(),
                    d.decidedAt(), d.decidedByName(), waiting, d.version());
        }).toList();
    }

    /** The actor's own draft waiting on this ticket, if any (the ticket page says so). */
    @Transactional(readOnly = true)
    public Optional<DraftView> waitingOf(Actor actor, long ticketId) {
        return ofTicket(actor, ticketId).stream().filter(d -> d.pending() && d.authorId() == actor.id()).findFirst();
    }
}
