package io.linia.tickets.internal;

import static io.linia.tickets.TicketState.CLOSED;
import static io.linia.tickets.TicketState.NEW;
import static io.linia.tickets.TicketState.OPEN;
import static io.linia.tickets.TicketState.SOLVED;
import static io.linia.tickets.TicketState.WAITING_FOR_CUSTOMER;

import io.linia.accounts.Actor;
import io.linia.accounts.Role;
import io.linia.shared.DomainException;
import io.linia.tickets.Channel;
import io.linia.tickets.CloseReason;
import io.linia.tickets.Line;
import io.linia.tickets.MessageKind;
import io.linia.tickets.Priority;
import io.linia.tickets.TicketAction;
import io.linia.tickets.TicketNumber;
import io.linia.tickets.TicketState;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The ticket aggregate. Every change goes through a method named for the act; each checks the
 * transition (line, state, the actor's right to work this ticket), refuses with a reason the user
 * can read, and records a history entry. Nothing changes when a check fails.
 */
@Entity
@Table(name = "ticket")
public class Ticket {

    private static final Set<TicketState> IN_WORK = EnumSet.of(NEW, OPEN);
    private static final Set<TicketState> NOT_FINISHED = EnumSet.of(NEW, OPEN, WAITING_FOR_CUSTOMER);

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "ticket_seq")
    @SequenceGenerator(name = "ticket_seq", sequenceName = "ticket_seq", allocationSize = 50)
    private Long id;
    private String subject;
    private long customerId;
    private String customerEmail;
    private String customerName;
    @Enumerated(EnumType.STRING)
    private Channel channel;
    private Long categoryId;
    private Long groupId;
    @Enumerated(EnumType.STRING)
    private Line line;
    @Enumerated(EnumType.STRING)
    private TicketState state;
    @Enumerated(EnumType.STRING)
    private Priority priority;
    private Long assigneeId;
    private String assigneeName;
    @Enumerated(EnumType.STRING)
    private CloseReason closeReason;
    private Long followUpOfId;
    private int reopenCount;
    private Instant createdAt;
    private Instant updatedAt;
    private Instant queuedAt;
    private Instant firstResponseAt;
    private Instant solvedAt;
    private Instant closedAt;
    private Long suggestedCategoryId;
    private Long suggestedGroupId;
    private Double suggestionConfidence;
    private boolean suggestionConfident;
    private boolean categoryByPerson;
    private boolean categoryCorrected;
    private Instant categorySetAt;
    @Version
    private long version;

    @OneToMany(mappedBy = "ticket", cascade = CascadeType.PERSIST)
    @OrderBy("id")
    private List<TicketMessage> messages = new ArrayList<>();

    @OneToMany(mappedBy = "ticket", cascade = CascadeType.PERSIST)
    @OrderBy("id")
    private List<TicketHistoryEntry> history = new ArrayList<>();

    /** The nearest due time of a running SLA target and how the ticket stands (kept by the SLA module). */
    @org.hibernate.annotations.OptimisticLock(excluded = true)
    private Instant slaDueAt;
    @Enumerated(EnumType.STRING)
    @org.hibernate.annotations.OptimisticLock(excluded = true)
    private io.linia.tickets.SlaState slaState = io.linia.tickets.SlaState.NONE;

    /** Labels for finding and automating (e.g. "vip", "outage-0412"); lower case, see {@link io.linia.tickets.TicketTags}. */
    @jakarta.persistence.ElementCollection
    @jakarta.persistence.CollectionTable(name = "ticket_tag", joinColumns = @jakarta.persistence.JoinColumn(name = "ticket_id"))
    @jakarta.persistence.Column(name = "tag")
    @org.hibernate.annotations.SortNatural
    private java.util.SortedSet<String> tags = new java.util.TreeSet<>();

    protected Ticket() {
    }

    /** The SLA module's verdict; changes nothing else and no version (agents' open pages stay valid). */
    public void slaChanged(Instant dueAt, io.linia.tickets.SlaState state) {
        this.slaDueAt = dueAt;
        this.slaState = state == null ? io.linia.tickets.SlaState.NONE : state;
    }

    public Instant slaDueAt() { return slaDueAt; }

    public io.linia.tickets.SlaState slaState() { return slaState; }

    /** A customer's new request: it always starts on the first line. */
    public static Ticket open(String subject, String body, long customerId, String customerEmail, String customerName,
                              Channel channel, Long categoryId, Priority priority, Long followUpOfId, Instant now) {
        Ticket t = new Ticket();
        t.subject = subject.strip();
        t.customerId = customerId;
        t.customerEmail = customerEmail;
        t.customerName = customerName;
        t.channel = channel;
        t.categoryId = categoryId;
        t.line = Line.FIRST;
        t.state = NEW;
        t.priority = priority == null ? Priority.NORMAL : priority;
        t.followUpOfId = followUpOfId;
        t.createdAt = now;
        t.updatedAt = now;
        t.queuedAt = now;
        t.messages.add(new TicketMessage(t, MessageKind.CUSTOMER, customerId, customerName, body, null, null, now));
        t.history.add(new TicketHistoryEntry(t, now, customerId, customerName, TicketAction.CREATED, null, NEW,
                null, Line.FIRST, null, null, followUpOfId == null ? null : TicketNumber.format(followUpOfId)));
        return t;
    }

    // ---------------------------------------------------------------- rules

    /** Why {@code actor} may not do {@code action} now, or empty when they may. */
    public Optional<DomainException> refusal(TicketAction action, Actor actor) {
        if (!TicketAccess.canAct(actor, line, groupId)) {
            return Optional.of(DomainException.forbidden("linia.refusal.notYourQueue"));
        }
        return switch (action) {
            case ANSWER, ESCALATE -> requireLine(Line.FIRST, action).or(() -> requireState(action, IN_WORK));
            case CLOSE -> requireLine(Line.FIRST, action).or(() -> requireState(action, NOT_FINISHED));
            case ASK_FOR_INFORMATION -> requireState(action, IN_WORK);
            case REPLY -> requireLine(Line.SECOND, action).or(() -> requireState(action, IN_WORK));
            case SOLVE, RETURN_TO_FIRST_LINE -> requireLine(Line.SECOND, action).or(() -> requireState(action, NOT_FINISHED));
            case ADD_NOTE -> Optional.empty();
            case TAKE -> requireState(action, NOT_FINISHED).or(() -> actor.isSystem() || Long.valueOf(actor.id()).equals(assigneeId)
                    ? Optional.of(DomainException.conflict("linia.refusal.alreadyYours")) : Optional.empty());
            case RELEASE -> requireState(action, NOT_FINISHED).or(() -> assigneeId == null
                    ? Optional.of(DomainException.conflict("linia.refusal.notAssigned")) : Optional.empty());
            case ASSIGN -> actor.has(Role.TEAM_LEAD) ? requireState(action, NOT_FINISHED)
                    : Optional.of(DomainException.forbidden("linia.refusal.teamLeadOnly"));
            case CHANGE_PRIORITY, RECATEGORISE -> requireState(action, EnumSet.complementOf(EnumSet.of(CLOSED)));
            case CREATED, CUSTOMER_REPLIED, REOPENED, FOLLOW_UP_CREATED, AUTO_CLOSED, AUTO_CATEGORISED,
                 SUGGESTION_CORRECTED, TAGGED, UNTAGGED ->
                    Optional.of(DomainException.forbidden("linia.refusal.notACommand"));
        };
    }

    /** The agent commands {@code actor} may perform now (what the ticket page offers). */
    public Set<TicketAction> availableActions(Actor actor) {
        Set<TicketAction> actions = new LinkedHashSet<>();
        for (TicketAction action : TicketAction.AGENT_COMMANDS) {
            if (refusal(action, actor).isEmpty()) {
                actions.add(action);
            }
        }
        return actions;
    }

    private Optional<DomainException> requireLine(Line required, TicketAction action) {
        return line == required ? Optional.empty()
                : Optional.of(DomainException.conflict("linia.refusal.wrongLine", "linia.action." + action, "linia.line." + required));
    }

    private Optional<DomainException> requireState(TicketAction action, Set<TicketState> allowed) {
        return allowed.contains(state) ? Optional.empty()
                : Optional.of(DomainException.conflict("linia.refusal.wrongState", "linia.action." + action, "linia.state." + state));
    }

    private void check(TicketAction action, Actor actor) {
        Optional<DomainException> refusal = refusal(action, actor);
        if (refusal.isPresent()) {
            throw refusal.get();
        }
    }

    // ---------------------------------------------------------------- first line

    /** First line answers (typically from the knowledge base); the answer solves the ticket. */
    public TicketMessage answer(Actor by, String body, String articleUrl, String articleTitle, Instant now) {
        return answer(by, body, articleUrl, articleTitle, null, now);
    }

    /** An answer based on the knowledge-base article {@code articleId} (null when none). */
    public TicketMessage answer(Actor by, String body, String articleUrl, String articleTitle, Long articleId, Instant now) {
        check(TicketAction.ANSWER, by);
        if (body == null || body.isBlank()) {
            throw DomainException.invalid("body", "linia.validation.required");
        }
        TicketMessage reply = addMessage(MessageKind.PUBLIC_REPLY, by, body, articleUrl, articleTitle, now);
        if (articleId != null) {
            reply.linkArticle(articleId);
        }
        moveTo(SOLVED, by, TicketAction.ANSWER, blankToNull(articleTitle), now);
        return reply;
    }

    /** Either line asks the customer for what is missing; the ticket waits for them. */
    public TicketMessage askForInformation(Actor by, String question, Instant now) {
        check(TicketAction.ASK_FOR_INFORMATION, by);
        TicketMessage reply = addMessage(MessageKind.PUBLIC_REPLY, by, question, null, null, now);
        moveTo(WAITING_FOR_CUSTOMER, by, TicketAction.ASK_FOR_INFORMATION, null, now);
        return reply;
    }

    /** First line closes without an answer (the customer solved it, duplicate, spam…). */
    public void close(Actor by, CloseReason reason, String note, Instant now) {
        check(TicketAction.CLOSE, by);
        if (reason == null) {
            throw DomainException.invalid("reason", "linia.validation.required");
        }
        if (note != null && !note.isBlank()) {
            addMessage(MessageKind.INTERNAL_NOTE, by, note, null, null, now);
        }
        this.closeReason = reason;
        moveTo(CLOSED, by, TicketAction.CLOSE, reason.name(), now);
    }

    /** First line categorises the ticket and passes it to a second-line group's queue. */
    public void escalate(Actor by, long categoryId, long groupId, String note, Instant now) {
        check(TicketAction.ESCALATE, by);
        if (note != null && !note.isBlank()) {
            addMessage(MessageKind.INTERNAL_NOTE, by, note, null, null, now);
        }
        TicketState from = state;
        Long fromGroup = this.groupId;
        Long fromCategory = this.categoryId;
        this.categoryId = categoryId;
        this.groupId = groupId;
        this.line = Line.SECOND;
        this.state = OPEN;
        unassign();
        this.queuedAt = now;
        record(by, TicketAction.ESCALATE, from, OPEN, Line.FIRST, Line.SECOND, fromGroup, groupId, null, now);
        chosenByPerson(by, fromCategory, now);
    }

    // ---------------------------------------------------------------- second line

    public TicketMessage reply(Actor by, String body, Instant now) {
        return reply(by, body, null, now);
    }

    /** A second-line reply, based on the knowledge-base article {@code article} when not null. */
    public TicketMessage reply(Actor by, String body, io.linia.tickets.ArticleCatalog.LinkedArticle article, Instant now) {
        check(TicketAction.REPLY, by);
        TicketMessage reply = addMessage(MessageKind.PUBLIC_REPLY, by, body,
                article == null ? null : article.url(), article == null ? null : article.title(), now);
        if (article != null) {
            reply.linkArticle(article.id());
        }
        if (state == NEW) {
            moveTo(OPEN, by, TicketAction.REPLY, null, now);
        } else {
            record(by, TicketAction.REPLY, state, state, line, line, groupId, groupId, null, now);
        }
        return reply;
    }

    /** Second line solves, optionally with a final reply (null when there is none). */
    public TicketMessage solve(Actor by, String body, Instant now) {
        check(TicketAction.SOLVE, by);
        TicketMessage reply = body == null || body.isBlank() ? null
                : addMessage(MessageKind.PUBLIC_REPLY, by, body, null, null, now);
        moveTo(SOLVED, by, TicketAction.SOLVE, null, now);
        return reply;
    }

    /** Second line sends the ticket back (wrong group, missing first-line work), saying why. */
    public void returnToFirstLine(Actor by, String note, Instant now) {
        check(TicketAction.RETURN_TO_FIRST_LINE, by);
        if (note == null || note.isBlank()) {
            throw DomainException.invalid("note", "linia.validation.required");
        }
        addMessage(MessageKind.INTERNAL_NOTE, by, note, null, null, now);
        TicketState from = state;
        Long fromGroup = groupId;
        this.line = Line.FIRST;
        this.groupId = null;
        this.state = OPEN;
        unassign();
        this.queuedAt = now;
        record(by, TicketAction.RETURN_TO_FIRST_LINE, from, OPEN, Line.SECOND, Line.FIRST, fromGroup, null, null, now);
    }

    // ---------------------------------------------------------------- either line

    public TicketMessage addNote(Actor by, String body, Instant now) {
        check(TicketAction.ADD_NOTE, by);
        TicketMessage note = addMessage(MessageKind.INTERNAL_NOTE, by, body, null, null, now);
        record(by, TicketAction.ADD_NOTE, state, state, line, line, groupId, groupId, null, now);
        return note;
    }

    public void take(Actor by, Instant now) {
        check(TicketAction.TAKE, by);
        assignTo(by, by.id(), by.name(), TicketAction.TAKE, now);
    }

    public void release(Actor by, Instant now) {
        check(TicketAction.RELEASE, by);
        String previous = assigneeName;
        unassign();
        record(by, TicketAction.RELEASE, state, state, line, line, groupId, groupId, previous, now);
    }

    /** A team lead gives the ticket to an agent who may work it. */
    public void assign(Actor by, Actor assignee, Instant now) {
        check(TicketAction.ASSIGN, by);
        if (!assignee.isStaff() || !TicketAccess.canAct(assignee, line, groupId)) {
            throw DomainException.invalid("assigneeId", "linia.refusal.assigneeCannotWork", assignee.name());
        }
        assignTo(by, assignee.id(), assignee.name(), TicketAction.ASSIGN, now);
    }

    public void changePriority(Actor by, Priority priority, Instant now) {
        check(TicketAction.CHANGE_PRIORITY, by);
        String detail = this.priority + " → " + priority;
        this.priority = priority;
        record(by, TicketAction.CHANGE_PRIORITY, state, state, line, line, groupId, groupId, detail, now);
    }

    public void recategorise(Actor by, long categoryId, Instant now) {
        check(TicketAction.RECATEGORISE, by);
        String detail = (this.categoryId == null ? "—" : this.categoryId) + " → " + categoryId;
        Long fromCategory = this.categoryId;
        this.categoryId = categoryId;
        record(by, TicketAction.RECATEGORISE, state, state, line, line, groupId, groupId, detail, now);
        chosenByPerson(by, fromCategory, now);
    }

    // ---------------------------------------------------------------- categorisation

    /**
     * What the categoriser suggested for the new ticket. A confident suggestion becomes the category
     * of a ticket that has none (recorded as done by Linia); a person can change it later.
     */
    public void suggestCategory(Long suggestedCategory, Long suggestedGroup, double confidence, boolean confident,
                                Instant now) {
        if (suggestedCategory == null) {
            return;
        }
        this.suggestedCategoryId = suggestedCategory;
        this.suggestedGroupId = suggestedGroup;
        this.suggestionConfidence = confidence;
        this.suggestionConfident = confident;
        if (confident && categoryId == null) {
            this.categoryId = suggestedCategory;
            record(Actor.system(), TicketAction.AUTO_CATEGORISED, state, state, line, line, groupId, groupId,
                    suggestedCategory + " (" + Math.round(confidence * 100) + " %)", now);
        }
    }

    /** Staff gave the category when creating the ticket: a person's choice like any other. */
    public void categoryGivenByCreator(Actor by, Instant now) {
        if (categoryId != null && by.isStaff()) {
            chosenByPerson(by, null, now);
        }
    }

    /** A person set the category: a training example, and a correction when it is not what was suggested. */
    private void chosenByPerson(Actor by, Long fromCategory, Instant now) {
        boolean wasByPerson = categoryByPerson;
        this.categoryByPerson = true;
        this.categorySetAt = now;
        this.categoryCorrected = suggestedCategoryId != null && !suggestedCategoryId.equals(categoryId);
        if (categoryCorrected && !(wasByPerson && categoryId.equals(fromCategory))) {
            record(by, TicketAction.SUGGESTION_CORRECTED, state, state, line, line, groupId, groupId,
                    suggestedCategoryId + " → " + categoryId, now);
        }
    }

    // ---------------------------------------------------------------- customer and Linia

    /** Whether a customer's message can still join this ticket, or must start a follow-up ticket. */
    public boolean acceptsCustomerMessage(Duration reopenWindow, Instant now) {
        return state != CLOSED && !(state == SOLVED && solvedAt.plus(reopenWindow).isBefore(now));
    }

    /**
     * The customer writes on their ticket: an answer to a question brings it back to the same
     * line's queue; a reply to a solved ticket within the reopen window reopens it.
     */
    public TicketMessage customerReply(Actor customer, String body, Duration reopenWindow, Instant now) {
        if (customer.id() != customerId) {
            throw DomainException.forbidden("linia.refusal.notYourTicket");
        }
        return received(customer, body, reopenWindow, null, now);
    }

    /**
     * A mail joined this ticket. From the customer it is their reply; from anyone else ({@code foreign})
     * it is kept all the same and brings the ticket back to the queue, so an agent sees who wrote.
     */
    public TicketMessage mailReceived(Actor sender, String senderEmail, boolean foreign, String body, String html,
                                      Duration reopenWindow, Instant now) {
        TicketMessage message = received(sender, body, reopenWindow, foreign ? senderEmail : null, now);
        message.mailed(senderEmail, foreign, html);
        return message;
    }

    private TicketMessage received(Actor from, String body, Duration reopenWindow, String detail, Instant now) {
        if (!acceptsCustomerMessage(reopenWindow, now)) {
            throw DomainException.conflict("linia.refusal.ticketClosed");
        }
        TicketMessage message = addMessage(MessageKind.CUSTOMER, from, body, null, null, now);
        switch (state) {
            case WAITING_FOR_CUSTOMER -> {
                this.queuedAt = now;
                moveTo(OPEN, from, TicketAction.CUSTOMER_REPLIED, detail, now);
            }
            case SOLVED -> {
                this.reopenCount++;
                this.solvedAt = null;
                this.closeReason = null;
                this.queuedAt = now;
                moveTo(OPEN, from, TicketAction.REOPENED, detail, now);
            }
            default -> {
                this.updatedAt = now;
                record(from, TicketAction.CUSTOMER_REPLIED, state, state, line, line, groupId, groupId, detail, now);
            }
        }
        return message;
    }

    /** An SLA breach raises the priority one step (URGENT stays). */
    public void raisePriorityForSla(Instant now) {
        Priority before = priority;
        Priority[] all = Priority.values();
        int i = java.util.Arrays.asList(all).indexOf(priority);
        if (i < all.length - 1) {
            priority = all[i + 1];
            record(Actor.system(), TicketAction.CHANGE_PRIORITY, state, state, line, line, groupId, groupId,
                    before + " → " + priority + " (SLA)", now);
        }
    }

    /** An SLA breach moves the ticket to another second-line group's queue (unassigned). */
    public void moveForSla(long toGroupId, Instant now) {
        if (state != NEW && state != OPEN) {
            return;
        }
        Long fromGroup = groupId;
        Line fromLine = line;
        this.groupId = toGroupId;
        this.line = Line.SECOND;
        unassign();
        this.queuedAt = now;
        record(Actor.system(), TicketAction.ESCALATE, state, state, fromLine, Line.SECOND, fromGroup, toGroupId, "SLA", now);
    }

    // ---------------------------------------------------------------- tags

    /** Puts a tag on the ticket (staff who may work it; not on a closed one); false when it was there already. */
    public boolean tag(Actor by, String tag, Instant now) {
        checkTagging(by);
        if (!tags.add(tag)) {
            return false;
        }
        record(by, TicketAction.TAGGED, state, state, line, line, groupId, groupId, tag, now);
        return true;
    }

    /** Takes a tag off; false when it was not there. */
    public boolean untag(Actor by, String tag, Instant now) {
        checkTagging(by);
        if (!tags.remove(tag)) {
            return false;
        }
        record(by, TicketAction.UNTAGGED, state, state, line, line, groupId, groupId, tag, now);
        return true;
    }

    private void checkTagging(Actor by) {
        tagRefusal(by).ifPresent(e -> { throw e; });
    }

    /** Why {@code by} may not put tags on or take them off now (not their queue; closed), or empty when they may. */
    public Optional<DomainException> tagRefusal(Actor by) {
        if (!TicketAccess.canAct(by, line, groupId)) {
            return Optional.of(DomainException.forbidden("linia.refusal.notYourQueue"));
        }
        if (state == CLOSED) {
            return Optional.of(DomainException.conflict("tags.refusal.closed"));
        }
        return Optional.empty();
    }

    public java.util.SortedSet<String> tags() { return java.util.Collections.unmodifiableSortedSet(tags); }

    // ---------------------------------------------------------------- automation rules

    /*
     * A rule acts as Linia (the history names the rule): it is not held to a person's queue, but to
     * the same sense as a person — nothing on a closed ticket, no group change of a solved one, an
     * assignee who may work the ticket. A rule's change is not activity: the time of the last
     * activity is what it was, so an "idle for T" rule does not wake itself up again.
     */

    /** The rule moves the ticket to a second-line group's queue (unassigned), as a first-line pass would. */
    public boolean routeByRule(Actor rule, long toGroupId, Instant now) {
        requireState(TicketAction.ESCALATE, NOT_FINISHED).ifPresent(e -> { throw e; });
        if (Long.valueOf(toGroupId).equals(groupId) && line == Line.SECOND) {
            return false;
        }
        Long fromGroup = groupId;
        Line fromLine = line;
        TicketState from = state;
        this.groupId = toGroupId;
        this.line = Line.SECOND;
        if (state == NEW) {
            this.state = OPEN;
        }
        unassign();
        this.queuedAt = now;
        record(rule, TicketAction.ESCALATE, from, state, fromLine, Line.SECOND, fromGroup, toGroupId, null, now);
        return true;
    }

    public boolean categoriseByRule(Actor rule, long categoryId, Instant now) {
        requireState(TicketAction.RECATEGORISE, EnumSet.complementOf(EnumSet.of(CLOSED))).ifPresent(e -> { throw e; });
        if (Long.valueOf(categoryId).equals(this.categoryId)) {
            return false;
        }
        String detail = (this.categoryId == null ? "—" : this.categoryId) + " → " + categoryId;
        this.categoryId = categoryId;
        this.categorySetAt = now;
        record(rule, TicketAction.RECATEGORISE, state, state, line, line, groupId, groupId, detail, now);
        return true;
    }

    public boolean prioritiseByRule(Actor rule, Priority to, Instant now) {
        requireState(TicketAction.CHANGE_PRIORITY, EnumSet.complementOf(EnumSet.of(CLOSED))).ifPresent(e -> { throw e; });
        if (to == priority) {
            return false;
        }
        String detail = this.priority + " → " + to;
        this.priority = to;
        record(rule, TicketAction.CHANGE_PRIORITY, state, state, line, line, groupId, groupId, detail, now);
        return true;
    }

    /** The rule gives the ticket to an agent who may work it (refused, as for a team lead, otherwise). */
    public boolean assignByRule(Actor rule, Actor assignee, Instant now) {
        requireState(TicketAction.ASSIGN, NOT_FINISHED).ifPresent(e -> { throw e; });
        if (!assignee.isStaff() || !TicketAccess.canAct(assignee, line, groupId)) {
            throw DomainException.invalid("assigneeId", "linia.refusal.assigneeCannotWork", assignee.name());
        }
        if (Long.valueOf(assignee.id()).equals(assigneeId)) {
            return false;
        }
        assignTo(rule, assignee.id(), assignee.name(), TicketAction.ASSIGN, now);
        return true;
    }

    public TicketMessage noteByRule(Actor rule, String body, Instant now) {
        requireState(TicketAction.ADD_NOTE, EnumSet.complementOf(EnumSet.of(CLOSED))).ifPresent(e -> { throw e; });
        TicketMessage note = addMessage(MessageKind.INTERNAL_NOTE, rule, body, null, null, now);
        record(rule, TicketAction.ADD_NOTE, state, state, line, line, groupId, groupId, null, now);
        return note;
    }

    public boolean tagByRule(Actor rule, String tag, Instant now) {
        if (state == CLOSED || !tags.add(tag)) {
            return false;
        }
        record(rule, TicketAction.TAGGED, state, state, line, line, groupId, groupId, tag, now);
        return true;
    }

    /** After a rule's changes: the last activity stays what it was before them. */
    public void keepLastActivity(Instant lastActivity) {
        this.updatedAt = lastActivity;
    }

    /** Linia's own remark for staff (e.g. an attachment over the size limit), not an action of anyone. */
    public TicketMessage systemNote(String text, Instant now) {
        return addMessage(MessageKind.INTERNAL_NOTE, Actor.system(), text, null, null, now);
    }

    /** The customer wrote after this ticket was closed: a new ticket took the message. */
    public void recordFollowUp(Actor customer, long followUpId, Instant now) {
        record(customer, TicketAction.FOLLOW_UP_CREATED, state, state, line, line, groupId, groupId,
                TicketNumber.format(followUpId), now);
    }

    /** A solved ticket nobody wrote on within the reopen window becomes closed. */
    public void autoClose(Instant now) {
        if (state != SOLVED) {
            throw DomainException.conflict("linia.refusal.wrongState", "linia.action." + TicketAction.AUTO_CLOSED, "linia.state." + state);
        }
        moveTo(CLOSED, Actor.system(), TicketAction.AUTO_CLOSED, null, now);
    }

    // ---------------------------------------------------------------- supervised work

    /** How many steps the history has: a mark before carrying out a trainee's approved draft. */
    public int historySize() {
        return history.size();
    }

    /** The steps from {@code fromStep} on carried out a trainee's draft that {@code supervisor} approved. */
    public void approvedBy(int fromStep, long supervisorId, String supervisorName) {
        for (int i = fromStep; i < history.size(); i++) {
            history.get(i).approvedBy(supervisorId, supervisorName);
        }
    }

    // ---------------------------------------------------------------- internals

    /** What the customer asked: the subject and everything they wrote, for learning which article answers it. */
    public String customerText() {
        StringBuilder text = new StringBuilder(subject);
        for (TicketMessage m : messages) {
            if (m.kind() == MessageKind.CUSTOMER) {
                text.append('\n').append(m.body());
            }
        }
        return text.toString();
    }

    private TicketMessage addMessage(MessageKind kind, Actor by, String body, String articleUrl, String articleTitle,
                                     Instant now) {
        TicketMessage message = new TicketMessage(this, kind, by.isSystem() ? null : by.id(), by.name(), body,
                blankToNull(articleUrl), blankToNull(articleTitle), now);
        messages.add(message);
        if (kind == MessageKind.PUBLIC_REPLY && firstResponseAt == null) {
            firstResponseAt = now;
        }
        return message;
    }

    private void moveTo(TicketState to, Actor by, TicketAction action, String detail, Instant now) {
        TicketState from = state;
        this.state = to;
        if (to == SOLVED) {
            solvedAt = now;
        }
        if (to == CLOSED) {
            closedAt = now;
        }
        record(by, action, from, to, line, line, groupId, groupId, detail, now);
    }

    private void assignTo(Actor by, long assigneeId, String assigneeName, TicketAction action, Instant now) {
        String previous = this.assigneeName;
        this.assigneeId = assigneeId;
        this.assigneeName = assigneeName;
        TicketState from = state;
        if (state == NEW) {
            state = OPEN;
        }
        record(by, action, from, state, line, line, groupId, groupId,
                previous == null ? assigneeName : previous + " → " + assigneeName, now);
    }

    private void unassign() {
        this.assigneeId = null;
        this.assigneeName = null;
    }

    private void record(Actor by, TicketAction action, TicketState from, TicketState to, Line fromLine, Line toLine,
                        Long fromGroup, Long toGroup, String detail, Instant now) {
        this.updatedAt = now;
        history.add(new TicketHistoryEntry(this, now, by.isSystem() ? null : by.id(), by.name(), action, from, to,
                fromLine, toLine, fromGroup, toGroup, detail));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    // ---------------------------------------------------------------- reading

    public Long id() { return id; }

    public String subject() { return subject; }

    public long customerId() { return customerId; }

    public String customerEmail() { return customerEmail; }

    public String customerName() { return customerName; }

    public Channel channel() { return channel; }

    public Long categoryId() { return categoryId; }

    public Long groupId() { return groupId; }

    public Line line() { return line; }

    public TicketState state() { return state; }

    public Priority priority() { return priority; }

    public Long assigneeId() { return assigneeId; }

    public String assigneeName() { return assigneeName; }

    public CloseReason closeReason() { return closeReason; }

    public Long followUpOfId() { return followUpOfId; }

    public int reopenCount() { return reopenCount; }

    public Instant createdAt() { return createdAt; }

    public Instant updatedAt() { return updatedAt; }

    public Instant queuedAt() { return queuedAt; }

    public Instant firstResponseAt() { return firstResponseAt; }

    public Instant solvedAt() { return solvedAt; }

    public Instant closedAt() { return closedAt; }

    public long version() { return version; }

    public Long suggestedCategoryId() { return suggestedCategoryId; }

    public Long suggestedGroupId() { return suggestedGroupId; }

    public Double suggestionConfidence() { return suggestionConfidence; }

    public boolean suggestionConfident() { return suggestionConfident; }

    public boolean categoryByPerson() { return categoryByPerson; }

    public boolean categoryCorrected() { return categoryCorrected; }

    public List<TicketMessage> messages() { return List.copyOf(messages); }

    /** The message a ticket was opened with. */
    public TicketMessage firstMessage() { return messages.get(0); }

    public TicketMessage message(long messageId) {
        return messages.stream().filter(m -> m.id() != null && m.id() == messageId).findFirst()
                .orElseThrow(() -> DomainException.notFound("linia.error.messageNotFound", messageId));
    }

    public List<TicketHistoryEntry> history() { return List.copyOf(history); }
}
