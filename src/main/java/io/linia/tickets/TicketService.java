package io.linia.tickets;

import io.linia.accounts.Actor;
import io.linia.accounts.UserDirectory;
import io.linia.accounts.UserRef;
import io.linia.routing.Categorisation;
import io.linia.routing.CategoryRef;
import io.linia.routing.GroupRef;
import io.linia.routing.RoutingDirectory;
import io.linia.routing.TicketCategoriser;
import io.linia.shared.DomainException;
import io.linia.tickets.TicketCommands.Answer;
import io.linia.tickets.TicketCommands.AskForInformation;
import io.linia.tickets.TicketCommands.Assign;
import io.linia.tickets.TicketCommands.ChangePriority;
import io.linia.tickets.TicketCommands.Close;
import io.linia.tickets.TicketCommands.CustomerMessage;
import io.linia.tickets.TicketCommands.Escalate;
import io.linia.tickets.TicketCommands.NewTicket;
import io.linia.tickets.TicketCommands.Note;
import io.linia.tickets.TicketCommands.Recategorise;
import io.linia.tickets.TicketCommands.Reply;
import io.linia.tickets.TicketCommands.ReturnToFirstLine;
import io.linia.tickets.TicketCommands.Solve;
import io.linia.tickets.internal.ChangedAfterCommit;
import io.linia.tickets.internal.Ticket;
import io.linia.tickets.internal.TicketAccess;
import io.linia.tickets.internal.TicketAttachments;
import io.linia.tickets.internal.TicketDraft;
import io.linia.tickets.internal.TicketDraftRepository;
import io.linia.tickets.internal.TicketHistoryEntry;
import io.linia.tickets.internal.TicketLists;
import io.linia.tickets.internal.TicketMessage;
import io.linia.tickets.internal.TicketRepository;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every command on tickets, one transaction each. A ticket the actor may not see is reported as
 * not found (its existence is not revealed); one they may see but not work is refused (403).
 */
@Service
@Transactional
public class TicketService {

    public static final Set<TicketState> QUEUED = EnumSet.of(TicketState.NEW, TicketState.OPEN);
    public static final Set<TicketState> UNFINISHED = EnumSet.of(TicketState.NEW, TicketState.OPEN,
            TicketState.WAITING_FOR_CUSTOMER);

    private final TicketRepository tickets;
    private final TicketLists lists;
    private final UserDirectory users;
    private final RoutingDirectory routing;
    private final TicketCategoriser categoriser;
    private final ApplicationEventPublisher events;
    private final MeterRegistry meters;
    private final TicketProperties properties;
    private final Clock clock;
    private final org.springframework.beans.factory.ObjectProvider<ArticleCatalog> articles;
    private final TicketAttachments attachments;
    private final org.springframework.transaction.support.TransactionTemplate transactions;
    private final org.springframework.transaction.support.TransactionTemplate readOnly;
    private final org.springframework.beans.factory.ObjectProvider<TicketSupervision> supervision;
    private final TicketDraftRepository drafts;

    TicketService(TicketRepository tickets, TicketAttachments attachments, TicketLists lists, UserDirectory users, RoutingDirectory routing,
                  TicketCategoriser categoriser, ApplicationEventPublisher events, MeterRegistry meters,
                  TicketProperties properties, Clock clock,
                  org.springframework.beans.factory.ObjectProvider<ArticleCatalog> articles,
                  org.springframework.transaction.PlatformTransactionManager transactionManager,
                  org.springframework.beans.factory.ObjectProvider<TicketSupervision> supervision, TicketDraftRepository drafts) {
        this.supervision = supervision;
        this.drafts = drafts;
        this.articles = articles;
        this.transactions = new org.springframework.transaction.support.TransactionTemplate(transactionManager);
        this.readOnly = new org.springframework.transaction.support.TransactionTemplate(transactionManager);
        this.readOnly.setReadOnly(true);
        this.attachments = attachments;
        this.tickets = tickets;
        this.lists = lists;
        this.users = users;
        this.routing = routing;
        this.categoriser = categoriser;
        this.events = events;
        this.meters = meters;
        this.properties = properties;
        this.clock = clock;
    }

    // ------------------------------------------------------------------ creating and reading

    /**
     * A new ticket. Automation rules run after its commit; when one changed it before this answer went
     * out, the answer is the ticket as it is now (routed, tagged…, with its current version).
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.SUPPORTS)
    public TicketView create(Actor actor, NewTicket command, Channel channel) {
        if (org.springframework.transaction.support.TransactionSynchronizationManager.isActualTransactionActive()) {
            return createInTransaction(actor, command, channel); // the caller's commit comes later: nothing to watch
        }
        boolean watching = ChangedAfterCommit.watch();
        TicketView created = null;
        try {
            created = transactions.execute(s -> createInTransaction(actor, command, channel));
        } finally {
            if (watching && ChangedAfterCommit.end(created == null ? -1 : created.id())) {
                long id = created.id();
                created = readOnly.execute(s -> tickets.findById(id).map(t -> toView(t, actor)).orElse(null));
            }
        }
        return created;
    }

    private TicketView createInTransaction(Actor actor, NewTicket command, Channel channel) {
        UserRef customer = customerFor(actor, command);
        if (command.categoryId() != null) {
            activeCategory(command.categoryId(), "categoryId");
        }
        Instant now = clock.instant();
        Ticket ticket = Ticket.open(command.subject(), command.body(), customer.id(), customer.email(),
                customer.displayName(), channel, command.categoryId(), command.priority(), null, now);
        suggestCategory(ticket, command.subject(), command.body(), now);
        ticket.categoryGivenByCreator(actor, now);
        ticket = tickets.save(ticket);
        meters.counter("linia.tickets.received", "channel", channel.name()).increment();
        events.publishEvent(created(ticket, now));
        return toView(ticket, actor);
    }

    @Transactional(readOnly = true)
    public TicketView get(Actor actor, String number) {
        return toView(visible(actor, number), actor);
    }

    /** Whether the actor may open the ticket now (e.g. a first-line agent after passing it on: no). */
    @Transactional(readOnly = true)
    public boolean isVisibleTo(Actor actor, String number) {
        return TicketNumber.parse(number).flatMap(tickets::findById)
                .filter(t -> TicketAccess.sees(actor, t.line(), t.groupId(), t.assigneeId(), t.customerId()))
                .isPresent();
    }

    @Transactional(readOnly = true)
    public TicketPage list(Actor actor, TicketQuery query) {
        return lists.search(actor, query);
    }

    /** How many tickets of the list the actor sees, over all its pages. */
    @Transactional(readOnly = true)
    public long count(Actor actor, TicketQuery query) {
        return lists.count(actor, query);
    }

    /** First-line queue: oldest first by the time the ticket entered it. */
    @Transactional(readOnly = true)
    public List<TicketSummary> firstLineQueue(Actor actor, int limit) {
        return firstLineQueue(actor, limit, false);
    }

    /** {@code byDue}: the nearest SLA due time first instead of the oldest arrival. */
    @Transactional(readOnly = true)
    public List<TicketSummary> firstLineQueue(Actor actor, int limit, boolean byDue) {
        return lists.queue(actor, Line.FIRST, null, null, QUEUED, byDue, limit);
    }

    @Transactional(readOnly = true)
    public List<TicketSummary> groupQueue(Actor actor, long groupId, int limit) {
        return groupQueue(actor, groupId, limit, false);
    }

    @Transactional(readOnly = true)
    public List<TicketSummary> groupQueue(Actor actor, long groupId, int limit, boolean byDue) {
        routing.group(groupId).orElseThrow(() -> DomainException.notFound("linia.error.groupNotFound", groupId));
        return lists.queue(actor, Line.SECOND, groupId, null, QUEUED, byDue, limit);
    }

    /** The actor's own work: assigned to them and not finished (including those waiting for the customer). */
    @Transactional(readOnly = true)
    public List<TicketSummary> assignedTo(Actor actor, int limit) {
        return lists.queue(actor, null, null, actor.id(), UNFINISHED, limit);
    }

    @Transactional(readOnly = true)
    public List<TicketSummary> ownTickets(Actor customer, int limit) {
        return lists.ofCustomer(customer.id(), limit);
    }

    /** How many tickets wait in each queue (new or open, assigned or not). */
    public record QueueSizes(long firstLine, Map<Long, Long> byGroup) {

        public long group(long groupId) {
            return byGroup.getOrDefault(groupId, 0L);
        }
    }

    @Transactional(readOnly = true)
    public QueueSizes queueSizes() {
        Map<Long, Long> groups = new java.util.HashMap<>();
        tickets.countQueuedByGroup(Line.SECOND, List.copyOf(QUEUED)).stream().filter(c -> c.getGroupId() != null)
                .forEach(c -> groups.put(c.getGroupId(), c.getCount()));
        long first = tickets.countQueuedByGroup(Line.FIRST, List.copyOf(QUEUED)).stream()
                .mapToLong(TicketRepository.GroupCount::getCount).sum();
        return new QueueSizes(first, Map.copyOf(groups));
    }

    // ------------------------------------------------------------------ first line

    public TicketView answer(Actor actor, String number, Answer c) {
        return answer(actor, number, c, null);
    }

    /** {@code approval}: the supervisor who approved this as a held draft of {@code actor} (null: the agent's own command). */
    TicketView answer(Actor actor, String number, Answer c, Approval approval) {
        ArticleCatalog.LinkedArticle article = article(c.articleId());
        String url = article != null && (c.articleUrl() == null || c.articleUrl().isBlank()) ? article.url() : c.articleUrl();
        String title = article != null && (c.articleTitle() == null || c.articleTitle().isBlank()) ? article.title() : c.articleTitle();
        return act(actor, number, c.version(), TicketAction.ANSWER, approval, (t, s, now) -> TicketDraft.message(t.id(),
                TicketAction.ANSWER, actor, s.id(), s.name(), c.body(), url, title, article == null ? null : article.id(), now), (t, now) -> {
            TicketMessage reply = t.answer(actor, c.body(), url, title, article == null ? null : article.id(), now);
            if (article != null) {
                events.publishEvent(new ArticleUsed(t.id(), article.id(), t.customerText(), now));
            }
            return () -> new AgentReplied(t.id(), reply.id(), actor.id(), TicketAction.ANSWER, now);
        });
    }

    public TicketView askForInformation(Actor actor, String number, AskForInformation c) {
        return askForInformation(actor, number, c, null);
    }

    TicketView askForInformation(Actor actor, String number, AskForInformation c, Approval approval) {
        return act(actor, number, c.version(), TicketAction.ASK_FOR_INFORMATION, approval, (t, s, now) -> TicketDraft.message(t.id(),
                TicketAction.ASK_FOR_INFORMATION, actor, s.id(), s.name(), c.body(), null, null, null, now), (t, now) -> {
            TicketMessage reply = t.askForInformation(actor, c.body(), now);
            return () -> new AgentReplied(t.id(), reply.id(), actor.id(), TicketAction.ASK_FOR_INFORMATION, now);
        });
    }

    public TicketView close(Actor actor, String number, Close c) {
        return act(actor, number, c.version(), TicketAction.CLOSE, (t, now) -> {
            t.close(actor, c.reason(), c.note(), now);
            return null;
        });
    }

    public TicketView escalate(Actor actor, String number, Escalate c) {
        return escalate(actor, number, c, null);
    }

    TicketView escalate(Actor actor, String number, Escalate c, Approval approval) {
        CategoryRef category = activeCategory(c.categoryId(), "categoryId");
        GroupRef group = routing.group(c.groupId()).filter(GroupRef::active)
                .orElseThrow(() -> DomainException.invalid("groupId", "linia.error.groupNotFound", c.groupId()));
        return act(actor, number, c.version(), TicketAction.ESCALATE, approval, (t, s, now) -> TicketDraft.escalation(t.id(),
                actor, s.id(), s.name(), category.id(), group.id(), c.note(), now), (t, now) -> {
            t.escalate(actor, category.id(), group.id(), c.note(), now);
            return () -> new TicketEscalated(t.id(), group.id(), category.id(), now);
        });
    }

    // ------------------------------------------------------------------ second line

    public TicketView reply(Actor actor, String number, Reply c) {
        return reply(actor, number, c, null);
    }

    TicketView reply(Actor actor, String number, Reply c, Approval approval) {
        ArticleCatalog.LinkedArticle article = article(c.articleId());
        return act(actor, number, c.version(), TicketAction.REPLY, approval, (t, s, now) -> TicketDraft.message(t.id(),
                TicketAction.REPLY, actor, s.id(), s.name(), c.body(), article == null ? null : article.url(),
                article == null ? null : article.title(), article == null ? null : article.id(), now), (t, now) -> {
            TicketMessage reply = t.reply(actor, c.body(), article, now);
            if (article != null) {
                events.publishEvent(new ArticleUsed(t.id(), article.id(), t.customerText(), now));
            }
            return () -> new AgentReplied(t.id(), reply.id(), actor.id(), TicketAction.REPLY, now);
        });
    }

    /** Solving with a final reply is a reply to the customer: a supervised agent's is held; solving without one is not. */
    public TicketView solve(Actor actor, String number, Solve c) {
        return solve(actor, number, c, null);
    }

    TicketView solve(Actor actor, String number, Solve c, Approval approval) {
        boolean replies = c.body() != null && !c.body().isBlank();
        return act(actor, number, c.version(), TicketAction.SOLVE, approval, !replies ? null : (t, s, now) -> TicketDraft.message(t.id(),
                TicketAction.SOLVE, actor, s.id(), s.name(), c.body(), null, null, null, now), (t, now) -> {
            TicketMessage reply = t.solve(actor, c.body(), now);
            return reply == null ? null : () -> new AgentReplied(t.id(), reply.id(), actor.id(), TicketAction.SOLVE, now);
        });
    }

    public TicketView returnToFirstLine(Actor actor, String number, ReturnToFirstLine c) {
        return act(actor, number, c.version(), TicketAction.RETURN_TO_FIRST_LINE, (t, now) -> {
            Long fromGroup = t.groupId();
            t.returnToFirstLine(actor, c.note(), now);
            return () -> new TicketReturnedToFirstLine(t.id(), fromGroup, now);
        });
    }

    // ------------------------------------------------------------------ either line

    public TicketView addNote(Actor actor, String number, Note c) {
        return act(actor, number, null, TicketAction.ADD_NOTE, (t, now) -> {
            t.addNote(actor, c.body(), now);
            return null;
        });
    }

    public TicketView take(Actor actor, String number, Long version) {
        return act(actor, number, version, TicketAction.TAKE, (t, now) -> {
            t.take(actor, now);
            return null;
        });
    }

    public TicketView release(Actor actor, String number, Long version) {
        return act(actor, number, version, TicketAction.RELEASE, (t, now) -> {
            t.release(actor, now);
            return null;
        });
    }

    public TicketView assign(Actor actor, String number, Assign c) {
        Actor assignee = users.user(c.assigneeId()).filter(UserRef::enabled).map(UserRef::toActor)
                .orElseThrow(() -> DomainException.invalid("assigneeId", "linia.error.userNotFound", c.assigneeId()));
        return act(actor, number, c.version(), TicketAction.ASSIGN, (t, now) -> {
            t.assign(actor, assignee, now);
            return null;
        });
    }

    public TicketView changePriority(Actor actor, String number, ChangePriority c) {
        return act(actor, number, c.version(), TicketAction.CHANGE_PRIORITY, (t, now) -> {
            t.changePriority(actor, c.priority(), now);
            return null;
        });
    }

    public TicketView recategorise(Actor actor, String number, Recategorise c) {
        CategoryRef category = activeCategory(c.categoryId(), "categoryId");
        return act(actor, number, c.version(), TicketAction.RECATEGORISE, (t, now) -> {
            t.recategorise(actor, category.id(), now);
            return null;
        });
    }

    // ------------------------------------------------------------------ customer

    /**
     * A customer writes on their ticket. Returns the ticket that took the message: the same one, or
     * a new follow-up when the ticket was closed or solved longer ago than the reopen window.
     */
    public TicketView customerMessage(Actor actor, String number, CustomerMessage c) {
        Ticket ticket = visible(actor, number);
        if (!TicketAccess.seesAsCustomer(actor, ticket.customerId())) {
            throw DomainException.forbidden("linia.refusal.notYourTicket");
        }
        Instant now = clock.instant();
        if (!ticket.acceptsCustomerMessage(properties.reopenWindow(), now)) {
            Ticket followUp = Ticket.open(ticket.subject(), c.body(), ticket.customerId(),
                    ticket.customerEmail(), ticket.customerName(), ticket.channel(), ticket.categoryId(),
                    ticket.priority(), ticket.id(), now);
            suggestCategory(followUp, ticket.subject(), c.body(), now);
            followUp = tickets.save(followUp);
            ticket.recordFollowUp(actor, followUp.id(), now);
            meters.counter("linia.tickets.received", "channel", followUp.channel().name()).increment();
            events.publishEvent(created(followUp, now));
            return toView(followUp, actor);
        }
        TicketState before = ticket.state();
        TicketMessage message = ticket.customerReply(actor, c.body(), properties.reopenWindow(), now);
        tickets.flush();
        events.publishEvent(new CustomerReplied(ticket.id(), message.id(), now));
        events.publishEvent(new TicketChanged(ticket.id(), TicketAction.CUSTOMER_REPLIED, false, now));
        if (before != ticket.state()) {
            events.publishEvent(new TicketStateChanged(ticket.id(), before, ticket.state(), ticket.line(),
                    before == TicketState.SOLVED ? TicketAction.REOPENED : TicketAction.CUSTOMER_REPLIED, now));
        }
        return toView(ticket, actor);
    }

    // ------------------------------------------------------------------ mail

    /**
     * A new request that came by mail: its sender is the customer (found by address, or created
     * without a password). The categoriser sorts it like any other; {@code mail.note()} is kept as
     * Linia's note for staff.
     */
    public MailReceipt receiveNew(IncomingMail mail) {
        UserRef customer = mailCustomer(mail);
        Instant now = clock.instant();
        String subject = mailSubject(mail.subject(), mail.text());
        Ticket ticket = Ticket.open(subject, mail.text(), customer.id(), customer.email(), customer.displayName(),
                Channel.EMAIL, null, null, null, now);
        ticket.firstMessage().mailed(customer.email(), false, mail.html());
        suggestCategory(ticket, subject, mail.text(), now);
        ticket = tickets.save(ticket);
        TicketMessage message = ticket.firstMessage();
        keepMailParts(ticket, message, mail, now);
        meters.counter("linia.tickets.received", "channel", Channel.EMAIL.name()).increment();
        events.publishEvent(created(ticket, now));
        return new MailReceipt(ticket.id(), TicketNumber.format(ticket.id()), message.id(), true, false);
    }

    /**
     * A request made on one of Linia's public pages by someone who cannot sign in (the access-recovery
     * questionnaire: the person is locked out of their mailbox). The customer is found or created by the
     * address they gave for the answer; the ticket comes by the web channel and its files are kept on its
     * first message. The caller routes it (e.g. with {@link #automate}) in the same transaction.
     */
    public MailReceipt receivePublicRequest(IncomingMail request) {
        UserRef customer = mailCustomer(request);
        if (customer.toActor().isStaff()) {
            throw DomainException.invalid("contactEmail", "linia.validation.customerIsStaff");
        }
        Instant now = clock.instant();
        String subject = mailSubject(request.subject(), request.text());
        Ticket ticket = Ticket.open(subject, request.text(), customer.id(), customer.email(), customer.displayName(),
                Channel.WEB, null, null, null, now);
        ticket = tickets.save(ticket);
        TicketMessage message = ticket.firstMessage();
        keepMailParts(ticket, message, request, now);
        meters.counter("linia.tickets.received", "channel", Channel.WEB.name()).increment();
        events.publishEvent(created(ticket, now));
        return new MailReceipt(ticket.id(), TicketNumber.format(ticket.id()), message.id(), true, false);
    }

    /**
     * A mail that belongs to ticket {@code ticketId} (a reply by its Message-IDs or its number). From
     * another address than the customer's it is kept but flagged. On a ticket that no longer takes
     * messages it opens a follow-up ticket (for the sender).
     */
    public MailReceipt receiveOn(long ticketId, IncomingMail mail) {
        Ticket ticket = tickets.findById(ticketId)
                .orElseThrow(() -> DomainException.notFound("linia.error.ticketNotFound", TicketNumber.format(ticketId)));
        UserRef sender = mailCustomer(mail);
        boolean foreign = sender.id() != ticket.customerId();
        Instant now = clock.instant();
        if (!ticket.acceptsCustomerMessage(properties.reopenWindow(), now)) {
            Ticket followUp = Ticket.open(ticket.subject(), mail.text(), sender.id(), sender.email(), sender.displayName(),
                    Channel.EMAIL, foreign ? null : ticket.categoryId(), ticket.priority(), ticket.id(), now);
            followUp.firstMessage().mailed(sender.email(), false, mail.html());
            suggestCategory(followUp, ticket.subject(), mail.text(), now);
            followUp = tickets.save(followUp);
            ticket.recordFollowUp(sender.toActor(), followUp.id(), now);
            keepMailParts(followUp, followUp.firstMessage(), mail, now);
            meters.counter("linia.tickets.received", "channel", Channel.EMAIL.name()).increment();
            events.publishEvent(created(followUp, now));
            return new MailReceipt(followUp.id(), TicketNumber.format(followUp.id()), followUp.firstMessage().id(), true, false);
        }
        TicketState before = ticket.state();
        TicketMessage message = ticket.mailReceived(sender.toActor(), sender.email(), foreign, mail.text(), mail.html(),
                properties.reopenWindow(), now);
        tickets.flush();
        keepMailParts(ticket, message, mail, now);
        events.publishEvent(new CustomerReplied(ticket.id(), message.id(), now));
        events.publishEvent(new TicketChanged(ticket.id(), TicketAction.CUSTOMER_REPLIED, false, now));
        if (before != ticket.state()) {
            events.publishEvent(new TicketStateChanged(ticket.id(), before, ticket.state(), ticket.line(),
                    before == TicketState.SOLVED ? TicketAction.REOPENED : TicketAction.CUSTOMER_REPLIED, now));
        }
        return new MailReceipt(ticket.id(), TicketNumber.format(ticket.id()), message.id(), false, foreign);
    }

    // ------------------------------------------------------------------ service levels

    /** A ticket's list facts, for Linia's own work (no access check; from the session when it is loaded). */
    @Transactional(readOnly = true)
    public java.util.Optional<TicketSummary> summaryOf(long ticketId) {
        return tickets.findById(ticketId).map(t -> new TicketSummary(t.id(), t.subject(), t.customerName(),
                t.customerEmail(), t.channel(), t.categoryId(), t.groupId(), t.line(), t.state(), t.priority(),
                t.assigneeId(), t.assigneeName(), t.createdAt(), t.queuedAt(), t.updatedAt(), t.slaDueAt(), t.slaState()));
    }

    /**
     * These tickets' list facts (those that exist), in id order, for Linia's own reports (no access check): one query
     * per 500 ids, however many.
     */
    @Transactional(readOnly = true)
    public List<TicketSummary> summariesOf(java.util.Collection<Long> ticketIds) {
        List<Long> ids = new java.util.ArrayList<>(new java.util.TreeSet<>(ticketIds));
        List<TicketSummary> out = new java.util.ArrayList<>();
        for (int i = 0; i < ids.size(); i += 500) {
            for (Ticket t : tickets.findAllById(ids.subList(i, Math.min(ids.size(), i + 500)))) {
                out.add(new TicketSummary(t.id(), t.subject(), t.customerName(), t.customerEmail(), t.channel(), t.categoryId(),
                        t.groupId(), t.line(), t.state(), t.priority(), t.assigneeId(), t.assigneeName(), t.createdAt(),
                        t.queuedAt(), t.updatedAt(), t.slaDueAt(), t.slaState()));
            }
        }
        out.sort(java.util.Comparator.comparingLong(TicketSummary::id));
        return out;
    }

    /** The SLA module's verdict on a ticket: its nearest due time and state, for queues (no version change). */
    public void slaChanged(long ticketId, Instant dueAt, SlaState state) {
        tickets.findById(ticketId).ifPresent(t -> t.slaChanged(dueAt, state));
    }

    /** The SLA pass: these tickets are now at least {@code state} (WARNING or BREACHED); one statement. */
    public int slaRaised(java.util.Collection<Long> ticketIds, SlaState state) {
        if (ticketIds.isEmpty()) {
            return 0;
        }
        List<SlaState> from = state == SlaState.BREACHED ? List.of(SlaState.NONE, SlaState.OK, SlaState.WARNING)
                : List.of(SlaState.NONE, SlaState.OK);
        return tickets.raiseSlaState(ticketIds, state, from);
    }

    /**
     * A target was breached and its policy says what follows: raise the priority one step and/or move
     * the ticket to another second-line group's queue. Done by Linia itself, recorded in the history.
     */
    public void slaBreachActions(long ticketId, boolean raisePriority, Long moveToGroupId) {
        Ticket t = tickets.findById(ticketId).orElse(null);
        if (t == null) {
            return;
        }
        Instant now = clock.instant();
        if (raisePriority) {
            t.raisePriorityForSla(now);
        }
        if (moveToGroupId != null && routing.group(moveToGroupId).filter(GroupRef::active).isPresent()
                && !moveToGroupId.equals(t.groupId())) {
            t.moveForSla(moveToGroupId, now);
            events.publishEvent(new TicketEscalated(t.id(), moveToGroupId, t.categoryId(), now));
        }
        if (raisePriority || moveToGroupId != null) {
            events.publishEvent(new TicketChanged(t.id(), TicketAction.CHANGE_PRIORITY, false, now));
        }
    }

    /** Whether there is a ticket with this id (for threading mail by the number in its subject). */
    @Transactional(readOnly = true)
    public boolean exists(long ticketId) {
        return tickets.existsById(ticketId);
    }

    /** The outbox reports how far a reply sent by mail has got; shown to the agent beside the reply. */
    public void deliveryChanged(long ticketId, long messageId, Delivery delivery, String detail) {
        tickets.findById(ticketId).ifPresent(t -> t.message(messageId).deliveryChanged(delivery, detail, clock.instant()));
    }

    /** The whole ticket as staff see it, for Linia's own work (composing mail); empty when there is none. */
    @Transactional(readOnly = true)
    public java.util.Optional<TicketView> forMail(long ticketId) {
        return tickets.findById(ticketId).map(t -> toView(t, Actor.system(), true));
    }

    /** An attachment of a ticket the actor may see (customers: not of internal notes). */
    @Transactional(readOnly = true)
    public AttachmentContent attachment(Actor actor, String number, long attachmentId) {
        Ticket ticket = visible(actor, number);
        boolean staff = TicketAccess.seesAsStaff(actor, ticket.line(), ticket.groupId(), ticket.assigneeId());
        return attachments.find(attachmentId)
                .filter(a -> a.ticketId() == ticket.id())
                .filter(a -> staff || ticket.message(a.messageId()).kind() != MessageKind.INTERNAL_NOTE)
                .map(a -> new AttachmentContent(a.id(), a.fileName(), a.contentType(), attachments.content(a.id())))
                .orElseThrow(() -> DomainException.notFound("linia.error.attachmentNotFound", attachmentId));
    }

    private UserRef mailCustomer(IncomingMail mail) {
        if (mail.fromEmail() == null || mail.fromEmail().isBlank()) {
            throw DomainException.invalid("from", "linia.validation.customerEmailRequired");
        }
        String name = mail.fromName() == null || mail.fromName().isBlank() ? mail.fromEmail() : mail.fromName();
        return users.findOrCreateCustomer(mail.fromEmail(), name.length() > 120 ? name.substring(0, 120) : name);
    }

    private void keepMailParts(Ticket ticket, TicketMessage message, IncomingMail mail, Instant now) {
        if (!mail.attachments().isEmpty()) {
            // the attachments name the ticket and message by id only: their rows must be written first
            tickets.flush();
            attachments.store(ticket.id(), message.id(), mail.attachments(), now);
        }
        if (mail.note() != null && !mail.note().isBlank()) {
            ticket.systemNote(mail.note(), now);
        }
    }

    /** A mail's subject as a ticket's: the first words of its text when it has none, cut to the column. */
    private static String mailSubject(String subject, String text) {
        String s = subject == null ? "" : subject.strip();
        if (s.isEmpty()) {
            s = text == null ? "" : text.strip().lines().filter(l -> !l.isBlank()).findFirst().orElse("").strip();
        }
        if (s.isEmpty()) {
            s = "—";
        }
        return s.length() > 255 ? s.substring(0, 254) + "…" : s;
    }

    // ------------------------------------------------------------------ tags

    /** An agent puts a tag on the ticket (nothing changes when it is there already). */
    public TicketView tag(Actor actor, String number, String tag) {
        String t = io.linia.shared.Tags.require("tag", tag);
        return tagging(actor, number, TicketAction.TAGGED, (ticket, now) -> ticket.tag(actor, t, now));
    }

    /** An agent takes a tag off the ticket. */
    public TicketView untag(Actor actor, String number, String tag) {
        String t = io.linia.shared.Tags.normalise(tag).orElse(tag == null ? "" : tag.strip());
        return tagging(actor, number, TicketAction.UNTAGGED, (ticket, now) -> ticket.untag(actor, t, now));
    }

    private TicketView tagging(Actor actor, String number, TicketAction action, BiFunction<Ticket, Instant, Boolean> change) {
        Ticket ticket = visible(actor, number);
        if (!actor.isStaff()) {
            throw DomainException.forbidden("linia.refusal.notYourQueue");
        }
        Instant now = clock.instant();
        if (change.apply(ticket, now)) {
            tickets.flush();
            events.publishEvent(new TicketChanged(ticket.id(), action, false, now));
        }
        return toView(ticket, actor);
    }

    // ------------------------------------------------------------------ automation rules

    /** What rules look at, for one ticket (empty when there is none). */
    @Transactional(readOnly = true)
    public java.util.Optional<TicketFacts> facts(long ticketId) {
        return tickets.findById(ticketId).map(t -> {
            String lastCustomerText = null;
            List<TicketMessage> messages = t.messages();
            for (int i = messages.size() - 1; i >= 0 && lastCustomerText == null; i--) {
                if (messages.get(i).kind() == MessageKind.CUSTOMER) {
                    lastCustomerText = messages.get(i).body();
                }
            }
            return new TicketFacts(t.id(), TicketNumber.format(t.id()), t.channel(), t.categoryId(), t.groupId(),
                    t.line(), t.state(), t.priority(), t.customerId(), t.assigneeId(), t.subject(),
                    lastCustomerText == null ? "" : lastCustomerText, Set.copyOf(t.tags()), t.updatedAt());
        });
    }

    /**
     * Unfinished tickets whose last activity lies after ({@code after}, {@code afterId}) and at or
     * before {@code cutoff}, oldest activity first: the candidates of an "idle for T" rule.
     */
    @Transactional(readOnly = true)
    public List<IdleTicket> idle(Instant after, long afterId, Instant cutoff, int limit) {
        return tickets.findIdle(after, afterId, cutoff, UNFINISHED, Limit.of(limit));
    }

    /**
     * A rule acts on a ticket: everything it does at once, in the caller's transaction, recorded in the
     * history under the rule's name. Refused (nothing changed) when a part cannot be done: the group or
     * category is gone, the assignee may not work the ticket, the ticket is closed. A rule's change is not
     * activity: the ticket's last-activity time stays what it was.
     */
    public TicketAutomation.Outcome automate(long ticketId, TicketAutomation change) {
        Ticket t = tickets.findById(ticketId)
                .orElseThrow(() -> DomainException.notFound("linia.error.ticketNotFound", TicketNumber.format(ticketId)));
        Actor rule = new Actor(Actor.SYSTEM_ID, change.ruleName(), Set.of(), Set.of());
        Instant now = clock.instant();
        Instant lastActivity = t.updatedAt();
        TicketState before = t.state();
        Long groupBefore = t.groupId();
        List<String> changed = new java.util.ArrayList<>();
        if (change.groupId() != null) {
            GroupRef group = routing.group(change.groupId()).filter(GroupRef::active)
                    .orElseThrow(() -> DomainException.invalid("groupId", "linia.error.groupNotFound", change.groupId()));
            if (t.routeByRule(rule, group.id(), now)) {
                changed.add("group");
            }
        }
        if (change.categoryId() != null && t.categoriseByRule(rule, activeCategory(change.categoryId(), "categoryId").id(), now)) {
            changed.add("category");
        }
        if (change.priority() != null && t.prioritiseByRule(rule, change.priority(), now)) {
            changed.add("priority");
        }
        for (String tag : change.tags()) {
            if (t.tagByRule(rule, io.linia.shared.Tags.require("tag", tag), now)) {
                changed.add("tag");
            }
        }
        if (change.assigneeId() != null) {
            Actor assignee = users.user(change.assigneeId()).filter(UserRef::enabled).map(UserRef::toActor)
                    .orElseThrow(() -> DomainException.invalid("assigneeId", "linia.error.userNotFound", change.assigneeId()));
            if (t.assignByRule(rule, assignee, now)) {
                changed.add("assignee");
            }
        }
        if (change.note() != null && !change.note().isBlank()) {
            t.noteByRule(rule, change.note(), now);
            changed.add("note");
        }
        if (changed.isEmpty()) {
            return new TicketAutomation.Outcome(List.of());
        }
        t.keepLastActivity(lastActivity);
        tickets.flush();
        if (t.groupId() != null && !t.groupId().equals(groupBefore)) {
            events.publishEvent(new TicketEscalated(t.id(), t.groupId(), t.categoryId(), now));
        }
        if (before != t.state()) {
            events.publishEvent(new TicketStateChanged(t.id(), before, t.state(), t.line(), TicketAction.ESCALATE, now));
        }
        events.publishEvent(new TicketChanged(t.id(), TicketAction.ESCALATE, true, now));
        ChangedAfterCommit.changed(t.id());
        return new TicketAutomation.Outcome(List.copyOf(changed));
    }

    // ------------------------------------------------------------------ Linia itself

    /** Closes solved tickets whose reopen window has passed; returns how many. */
    public int closeSolvedTickets(int batch) {
        Instant now = clock.instant();
        List<Long> ids = tickets.findIdsSolvedBefore(TicketState.SOLVED, now.minus(properties.reopenWindow()), Limit.of(batch));
        for (Ticket ticket : tickets.findAllById(ids)) {
            ticket.autoClose(now);
            events.publishEvent(new TicketStateChanged(ticket.id(), TicketState.SOLVED, TicketState.CLOSED,
                    ticket.line(), TicketAction.AUTO_CLOSED, now));
        }
        return ids.size();
    }

    // ------------------------------------------------------------------ internals

    /** The supervisor who approved a held draft that is now carried out as its author's command. */
    record Approval(long supervisorId, String supervisorName) {
    }

    /** A held draft of the command, made when the agent turns out to be supervised on the ticket. */
    @FunctionalInterface
    private interface DraftOf {
        TicketDraft draft(Ticket ticket, TicketSupervision.Supervisor supervisor, Instant now);
    }

    private TicketView act(Actor actor, String number, Long version, TicketAction action,
                           BiFunction<Ticket, Instant, Supplier<Object>> change) {
        return act(actor, number, version, action, null, null, change);
    }

    /**
     * {@code draft} (null for commands that are never held): what to hold when the agent is supervised on the ticket;
     * {@code approval} (null unless a held draft is carried out): who approved it, recorded on the steps it makes.
     */
    private TicketView act(Actor actor, String number, Long version, TicketAction action, Approval approval, DraftOf draft,
                           BiFunction<Ticket, Instant, Supplier<Object>> change) {
        Ticket ticket = visible(actor, number);
        if (version != null && version != ticket.version()) {
            throw DomainException.conflict("linia.refusal.stale", ticket.id() == null ? number : TicketNumber.format(ticket.id()))
                    .with("currentVersion", ticket.version()).with("currentState", ticket.state());
        }
        if (draft != null && approval == null) {
            java.util.Optional<TicketSupervision.Supervisor> supervisor = supervisorOf(actor, ticket);
            if (supervisor.isPresent()) {
                return hold(actor, ticket, action, supervisor.get(), draft);
            }
        }
        TicketState before = ticket.state();
        Line lineBefore = ticket.line();
        Instant now = clock.instant();
        int steps = ticket.historySize();
        Supplier<Object> event = change.apply(ticket, now);
        if (approval != null) {
            ticket.approvedBy(steps, approval.supervisorId(), approval.supervisorName());
        }
        // flush now so that a concurrent change surfaces as an optimistic-lock conflict here, not after the reply
        tickets.flush();
        meters.counter("linia.tickets.actions", "action", action.name(), "line", lineBefore.name()).increment();
        if (event != null) {
            events.publishEvent(event.get());
        }
        if (before != ticket.state()) {
            events.publishEvent(new TicketStateChanged(ticket.id(), before, ticket.state(), ticket.line(), action, now));
        }
        events.publishEvent(new TicketChanged(ticket.id(), action, false, now));
        return toView(ticket, actor);
    }

    /** Who checks this agent's outgoing work on this ticket (see {@link TicketSupervision}); empty for most agents. */
    private java.util.Optional<TicketSupervision.Supervisor> supervisorOf(Actor actor, Ticket t) {
        if (actor.isSystem() || !actor.isStaff()) {
            return java.util.Optional.empty();
        }
        TicketSummary summary = null;
        for (TicketSupervision s : (Iterable<TicketSupervision>) supervision.orderedStream()::iterator) {
            if (summary == null) {
                summary = summary(t);
            }
            java.util.Optional<TicketSupervision.Supervisor> found = s.supervisorFor(actor.id(), summary);
            if (found.isPresent()) {
                return found;
            }
        }
        return java.util.Optional.empty();
    }

    /**
     * The command is held as a draft for the supervisor: checked as if it were carried out now (the agent may do it on
     * the ticket as it is), then stored; the ticket itself does not change (no message, no mail, no state, no SLA event).
     */
    private TicketView hold(Actor actor, Ticket ticket, TicketAction action, TicketSupervision.Supervisor supervisor, DraftOf draft) {
        java.util.Optional<DomainException> refusal = ticket.refusal(action, actor);
        if (refusal.isPresent()) {
            throw refusal.get();
        }
        Instant now = clock.instant();
        TicketDraft held = draft.draft(ticket, supervisor, now);
        if (action != TicketAction.ESCALATE && held.body() == null) {
            throw DomainException.invalid("body", "linia.validation.required");
        }
        if (drafts.existsByTicketIdAndAuthorIdAndStatus(ticket.id(), actor.id(), DraftStatus.PENDING)) {
            throw DomainException.conflict("supervision.error.alreadyWaiting", TicketNumber.format(ticket.id()));
        }
        held = drafts.save(held);
        meters.counter("linia.tickets.drafts.held", "action", action.name()).increment();
        events.publishEvent(new DraftHeld(ticket.id(), held.id(), actor.id(), supervisor.id(), action, now));
        return toView(ticket, actor);
    }

    private static TicketSummary summary(Ticket t) {
        return new TicketSummary(t.id(), t.subject(), t.customerName(), t.customerEmail(), t.channel(), t.categoryId(),
                t.groupId(), t.line(), t.state(), t.priority(), t.assigneeId(), t.assigneeName(), t.createdAt(), t.queuedAt(),
                t.updatedAt(), t.slaDueAt(), t.slaState());
    }

    private static TicketCreated created(Ticket t, Instant now) {
        return new TicketCreated(t.id(), t.channel(), t.categoryId(), t.priority(), t.customerId(), t.subject(),
                t.firstMessage().body(), now);
    }

    private Ticket visible(Actor actor, String number) {
        return TicketNumber.parse(number).flatMap(tickets::findById)
                .filter(t -> TicketAccess.sees(actor, t.line(), t.groupId(), t.assigneeId(), t.customerId()))
                .orElseThrow(() -> DomainException.notFound("linia.error.ticketNotFound", number));
    }

    private UserRef customerFor(Actor actor, NewTicket command) {
        if (actor.isCustomerOnly()) {
            UserRef me = users.user(actor.id()).orElseThrow(() -> DomainException.forbidden("linia.error.forbidden"));
            if (command.customerEmail() != null && !command.customerEmail().isBlank()
                    && !command.customerEmail().strip().equalsIgnoreCase(me.email())) {
                throw DomainException.invalid("customerEmail", "linia.validation.customerIsYou");
            }
            return me;
        }
        if (!actor.isStaff()) {
            throw DomainException.forbidden("linia.error.forbidden");
        }
        if (command.customerEmail() == null || command.customerEmail().isBlank()) {
            throw DomainException.invalid("customerEmail", "linia.validation.customerEmailRequired");
        }
        UserRef customer = users.findOrCreateCustomer(command.customerEmail(), command.customerName());
        if (customer.toActor().isStaff()) {
            throw DomainException.invalid("customerEmail", "linia.validation.customerIsStaff");
        }
        return customer;
    }

    /** The article an answer names, checked with the knowledge base; null when none is named. */
    private ArticleCatalog.LinkedArticle article(Long articleId) {
        if (articleId == null) {
            return null;
        }
        ArticleCatalog catalog = articles.getIfAvailable();
        return (catalog == null ? java.util.Optional.<ArticleCatalog.LinkedArticle>empty() : catalog.usableArticle(articleId))
                .orElseThrow(() -> DomainException.invalid("articleId", "linia.error.articleNotFound", articleId));
    }

    /** The categoriser never throws; its suggestion is stored, and set as category when it is confident. */
    private void suggestCategory(Ticket ticket, String subject, String body, Instant now) {
        Categorisation suggestion = categoriser.categorise(subject, body);
        if (suggestion.hasSuggestion()) {
            ticket.suggestCategory(suggestion.categoryId(), suggestion.groupId(), suggestion.confidence(),
                    suggestion.confident(), now);
        }
    }

    private CategoryRef activeCategory(Long id, String field) {
        return routing.category(id).filter(CategoryRef::active)
                .orElseThrow(() -> DomainException.invalid(field, "linia.error.categoryNotFound", id));
    }

    private TicketView toView(Ticket t, Actor viewer) {
        return toView(t, viewer, TicketAccess.seesAsStaff(viewer, t.line(), t.groupId(), t.assigneeId()));
    }

    private TicketView toView(Ticket t, Actor viewer, boolean staff) {
        Map<Long, List<TicketView.AttachmentView>> files = t.id() == null ? Map.of() : attachments.ofTicket(t.id());
        List<TicketView.MessageView> messages = t.messages().stream()
                .filter(m -> staff || m.kind() != MessageKind.INTERNAL_NOTE)
                .map(m -> m.toView(files.getOrDefault(m.id(), List.of()))).toList();
        List<TicketView.HistoryView> history = staff
                ? t.history().stream().map(TicketHistoryEntry::toView).toList() : List.of();
        Set<TicketAction> actions = staff ? t.availableActions(viewer) : Set.of();
        return new TicketView(t.id(), TicketNumber.format(t.id()), t.subject(), t.customerId(), t.customerEmail(),
                t.customerName(), t.channel(), t.categoryId(), t.groupId(), t.line(), t.state(), t.priority(),
                t.assigneeId(), t.assigneeName(), t.closeReason(),
                t.followUpOfId() == null ? null : TicketNumber.format(t.followUpOfId()), t.reopenCount(),
                t.createdAt(), t.updatedAt(), t.queuedAt(), t.firstResponseAt(), t.solvedAt(), t.closedAt(),
                t.version(), messages, history, actions,
                t.acceptsCustomerMessage(properties.reopenWindow(), clock.instant()),
                staff ? t.suggestedCategoryId() : null, staff ? t.suggestedGroupId() : null,
                staff ? t.suggestionConfidence() : null, staff && t.suggestionConfident(), t.categoryByPerson(),
                staff ? java.util.Collections.unmodifiableSortedSet(new java.util.TreeSet<>(t.tags())) : Set.of(),
                staff && viewer.isStaff() && t.tagRefusal(viewer).isEmpty());
    }
}
