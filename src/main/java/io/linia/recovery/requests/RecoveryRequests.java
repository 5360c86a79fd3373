package io.linia.recovery.requests;

import io.linia.accounts.Actor;
import io.linia.accounts.UserDirectory;
import io.linia.recovery.AccountDirectory;
import io.linia.recovery.DirectoryActionResult;
import io.linia.recovery.MailboxAddress;
import io.linia.recovery.MailboxFacts;
import io.linia.recovery.PasswordMatch;
import io.linia.recovery.abuse.RecoveryRateLimits;
import io.linia.recovery.audit.AuditAction;
import io.linia.recovery.audit.RecoveryAuditLog;
import io.linia.recovery.requests.RecoveryStore.PasswordOutcome;
import io.linia.recovery.requests.RecoveryStore.StoredDecision;
import io.linia.recovery.requests.RecoveryStore.StoredRequest;
import io.linia.recovery.requests.RecoveryStore.StoredRound;
import io.linia.recovery.scoring.EvidenceScore;
import io.linia.recovery.scoring.EvidenceScoring;
import io.linia.recovery.scoring.MailboxFacts.KnownItem;
import io.linia.recovery.scoring.OwnerAnswers;
import io.linia.recovery.scoring.Recommendation;
import io.linia.recovery.scoring.RecoveryScoringProperties;
import io.linia.recovery.scoring.ThirdPartyRequestPolicy;
import io.linia.recovery.scoring.ThirdPartyRequestPolicy.ThirdPartyMention;
import io.linia.routing.CategoryRef;
import io.linia.routing.GroupRef;
import io.linia.routing.RoutingDirectory;
import io.linia.shared.DomainException;
import io.linia.tickets.IncomingMail;
import io.linia.tickets.MailReceipt;
import io.linia.tickets.TicketAutomation;
import io.linia.tickets.TicketCommands;
import io.linia.tickets.TicketNumber;
import io.linia.tickets.TicketService;
import io.linia.tickets.TicketSummary;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Access recovery requests from the questionnaire to the decision.
 *
 * <ul>
 * <li><b>Submit</b> (no login): the answers are checked, remembered passwords compared with the directory at
 *     once (only the outcome is kept), the person's words read by the third-party policy, and a ticket opened
 *     for the access-recovery group. A request about someone else's mailbox is refused at once with the
 *     policy template.</li>
 * <li><b>Evidence</b>: the answers next to the directory's masked facts, the score with its explanation and
 *     the recommendation, and the other requests for the same mailbox (a refusal by policy is per request: the
 *     same person may come back without the tell-tale words, so an earlier policy refusal is shown as a warning
 *     for the agent to weigh; it does not refuse the new request by itself, because the real owner may write after
 *     a relative tried); every view is written to the audit log.</li>
 * <li><b>Decide</b> (a certified agent): restore (the directory acts and the person is told by mail to their
 *     contact address; below the auto-recommend threshold only after a second agent confirms, and always so when
 *     the policy refused another request for the same mailbox), ask for more
 *     (the person gets a link to add answers), refuse with a reason template, or tick "someone else's
 *     mailbox" (refused with the policy template; nothing overrides it).</li>
 * </ul>
 */
@Service
@Transactional
public class RecoveryRequests {

    private static final SecureRandom RANDOM = new SecureRandom();
    static final String TAG = "recovery";
    /** How many other requests for the same mailbox the evidence lists. */
    static final int OTHER_REQUESTS = 50;

    private final RecoveryStore store;
    private final AccountDirectory directory;
    private final EvidenceScoring scoring;
    private final RecoveryScoringProperties scoringSettings;
    private final ThirdPartyRequestPolicy policy;
    private final QuestionnaireChecks checks;
    private final RecoveryRequestProperties settings;
    private final RecoveryDeciders deciders;
    private final RecoveryAuditLog audit;
    private final RecoveryRateLimits rateLimits;
    private final TicketService tickets;
    private final RoutingDirectory routing;
    private final UserDirectory users;
    private final MessageSource messages;
    private final Clock clock;

    RecoveryRequests(RecoveryStore store, AccountDirectory directory, EvidenceScoring scoring,
                     RecoveryScoringProperties scoringSettings, ThirdPartyRequestPolicy policy, QuestionnaireChecks checks,
                     RecoveryRequestProperties settings, RecoveryDeciders deciders, RecoveryAuditLog audit,
                     RecoveryRateLimits rateLimits, TicketService tickets, RoutingDirectory routing, UserDirectory users, MessageSource messages, Clock clock) {
        this.store = store;
        this.directory = directory;
        this.scoring = scoring;
        this.scoringSettings = scoringSettings;
        this.policy = policy;
        this.checks = checks;
        this.settings = settings;
        this.deciders = deciders;
        this.audit = audit;
        this.rateLimits = rateLimits;
        this.tickets = tickets;
        this.routing = routing;
        this.users = users;
        this.messages = messages;
        this.clock = clock;
    }

    /** What the person is told after submitting. */
    public record Submitted(long requestId, String ticketNumber, boolean refusedByPolicy) {
    }

    // ------------------------------------------------------------------ the questionnaire

    /** Every problem of a questionnaire at its field (for a page that shows them all). */
    @Transactional(readOnly = true)
    public Map<String, DomainException> problems(Questionnaire q) {
        return checks.problems(q);
    }

    /** Every problem of a further round of answers at its field. */
    @Transactional(readOnly = true)
    public Map<String, DomainException> problems(Questionnaire.Answers a) {
        return checks.answerProblems(a);
    }

    /**
     * A questionnaire arrives: checked (refused whole at the first problem, nothing stored), passwords checked
     * and forgotten, a ticket opened in the access-recovery group with the screenshots on it.
     *
     * Refused when the mailbox, the contact address or the IP address reached its rate limit.
     *
     * @param language the language the person used (their mails are written in it)
     * @param ip       the address the questionnaire came from (rate-limited; null for none)
     */
    public Submitted submit(Questionnaire q, List<IncomingMail.NewAttachment> screenshots, Locale language, String ip) {
        throwFirst(checks.problems(q));
        GroupRef group = deciders.group().orElseThrow(() -> DomainException.conflict("recovery.request.notConfigured"));
        Optional<CategoryRef> category = routing.categoryByCode(settings.categoryCode());
        String mailbox = MailboxAddress.parse("mailbox", q.mailbox()).value();
        String contact = q.contactEmail().strip().toLowerCase(Locale.ROOT);
        String name = q.contactName() == null || q.contactName().isBlank() ? null : q.contactName().strip();
        Locale locale = language(language);
        Instant now = clock.instant();
        rateLimits.check(mailbox, contact, ip);
        rateLimits.record(mailbox, contact, ip);

        List<PasswordOutcome> outcomes = checkPasswords(mailbox, q.answers().passwords());
        List<ThirdPartyMention> mentions = policy.mentions(q.answers().freeText());

        MailReceipt receipt = tickets.receivePublicRequest(new IncomingMail(contact, name,
                text(locale, "recovery.ticket.subject", mailbox), ticketText(locale, mailbox, contact, q.answers()), null,
                screenshots, null));
        tickets.automate(receipt.ticketId(), new TicketAutomation(text(locale, "recovery.ticket.by"), group.id(),
                category.map(CategoryRef::id).orElse(null), null, List.of(TAG), null, null));
        long id = store.insertRequest(mailbox, contact, name, locale.getLanguage(), receipt.ticketId(), RequestState.OPEN,
                !mentions.isEmpty(), now);
        store.insertRound(id, 1, now, q.answers(), outcomes);
        Actor person = users.findOrCreateCustomer(contact, name == null ? contact : name).toActor();
        audit.record(person, AuditAction.REQUEST_SUBMITTED, id, receipt.ticketId(), mailbox,
                summary(id, outcomes.size(), (int) outcomes.stream().filter(PasswordOutcome::matched).count(), screenshots.size()));
        if (!mentions.isEmpty()) {
            StoredRequest request = store.request(id).orElseThrow();
            refuseByPolicy(Actor.system(), request, evaluate(request), null,
                    mentions.stream().map(ThirdPartyMention::phrase).distinct().reduce((a, b) -> a + "; " + b).orElse(""));
            return new Submitted(id, receipt.number(), true);
        }
        return new Submitted(id, receipt.number(), false);
    }

    /** The request an "add answers" link names, while the link works. */
    @Transactional(readOnly = true)
    public Optional<MoreAnswersRequest> moreAnswersRequest(String token) {
        return requestByToken(token).map(r -> new MoreAnswersRequest(r.mailbox(), r.moreRequest(), r.moreTokenExpiresAt(),
                Locale.forLanguageTag(r.language())));
    }

    /** What the person is asked to add, for the page behind the link. */
    public record MoreAnswersRequest(String mailbox, String what, Instant expiresAt, Locale language) {
    }

    /**
     * The person adds answers through the link an agent's "ask for more" sent: checked like the questionnaire,
     * kept as a new round, the link used up, the ticket back in the queue with the person's message.
     */
    public String addAnswers(String token, Questionnaire.Answers answers, String ip) {
        StoredRequest found = requestByToken(token)
                .orElseThrow(() -> DomainException.notFound("recovery.more.linkInvalid"));
        StoredRequest r = store.requestForUpdate(found.id()).orElseThrow();
        if (r.state() != RequestState.AWAITING_ANSWERS || r.moreTokenHash() == null || !r.moreTokenHash().equals(found.moreTokenHash())) {
            throw DomainException.notFound("recovery.more.linkInvalid");
        }
        throwFirst(checks.answerProblems(answers));
        rateLimits.check(null, null, ip);
        rateLimits.record(null, null, ip);
        Instant now = clock.instant();
        int round = store.rounds(r.id()).size() + 1;
        List<PasswordOutcome> outcomes = checkPasswords(r.mailbox(), answers.passwords());
        store.insertRound(r.id(), round, now, answers, outcomes);
        store.clearMoreToken(r.id());
        Locale locale = Locale.forLanguageTag(r.language());
        Actor person = users.findOrCreateCustomer(r.contactEmail(), r.contactName() == null ? r.contactEmail() : r.contactName())
                .toActor();
        tickets.customerMessage(person, TicketNumber.format(r.ticketId()), new TicketCommands.CustomerMessage(
                text(locale, "recovery.ticket.moreAnswers", round) + (answers.freeText() == null ? "" : "\n\n" + answers.freeText())));
        audit.record(person, AuditAction.ANSWERS_ADDED, r.id(), r.ticketId(), r.mailbox(),
                "round " + round + ", passwords " + outcomes.size() + " (matched "
                        + outcomes.stream().filter(PasswordOutcome::matched).count() + ")");
        List<ThirdPartyMention> mentions = policy.mentions(answers.freeText());
        if (!mentions.isEmpty()) {
            StoredRequest now2 = store.request(r.id()).orElseThrow();
            refuseByPolicy(Actor.system(), now2, evaluate(now2), null,
                    mentions.stream().map(ThirdPartyMention::phrase).distinct().reduce((a, b) -> a + "; " + b).orElse(""));
        } else {
            store.changeState(r.id(), RequestState.OPEN, now);
        }
        return TicketNumber.format(r.ticketId());
    }

    // ------------------------------------------------------------------ the agent's view

    /** Whether the ticket carries a recovery request (without showing it). */
    @Transactional(readOnly = true)
    public Optional<Long> requestOfTicket(long ticketId) {
        return store.requestOfTicket(ticketId).map(StoredRequest::id);
    }

    /** The evidence of a ticket's recovery request for {@code viewer}; the view is audited. */
    public Optional<RecoveryEvidence> evidenceOfTicket(Actor viewer, String ticketNumber) {
        Long ticketId = TicketNumber.parse(ticketNumber).orElse(null);
        if (ticketId == null || !tickets.isVisibleTo(viewer, ticketNumber) || viewer.isCustomerOnly() || !viewer.isStaff()) {
            throw DomainException.notFound("linia.error.ticketNotFound", ticketNumber);
        }
        return store.requestOfTicket(ticketId).map(r -> view(viewer, r));
    }

    /** The evidence of request {@code requestId}; the view is audited. */
    public RecoveryEvidence evidence(Actor viewer, long requestId) {
        StoredRequest r = store.request(requestId)
                .orElseThrow(() -> DomainException.notFound("recovery.request.notFound", requestId));
        if (!viewer.isStaff() || !tickets.isVisibleTo(viewer, TicketNumber.format(r.ticketId()))) {
            throw DomainException.notFound("recovery.request.notFound", requestId);
        }
        return view(viewer, r);
    }

    /** Requests (newest first) for the recovery list, as summaries; no evidence, so not audited. */
    @Transactional(readOnly = true)
    public List<RequestSummary> list(Actor viewer, RequestState state, int limit) {
        if (!viewer.isStaff()) {
            throw DomainException.forbidden("linia.error.forbidden");
        }
        return store.requests(state, Math.max(1, Math.min(limit, 500))).stream()
                .filter(r -> tickets.isVisibleTo(viewer, TicketNumber.format(r.ticketId())))
                .map(r -> new RequestSummary(r.id(), TicketNumber.format(r.ticketId()), r.mailbox(), r.state(), r.submittedAt(),
                        r.updatedAt(), tickets.summaryOf(r.ticketId()).map(TicketSummary::slaDueAt).orElse(null)))
                .toList();
    }

    /** A line of the recovery list; {@code dueAt} is the ticket's SLA deadline (null when no policy applies). */
    public record RequestSummary(long requestId, String ticketNumber, String mailbox, RequestState state, Instant submittedAt,
                                 Instant updatedAt, Instant dueAt) {
    }

    private RecoveryEvidence view(Actor viewer, StoredRequest r) {
        Evaluation e = evaluate(r);
        audit.record(viewer, AuditAction.EVIDENCE_VIEWED, r.id(), r.ticketId(), r.mailbox(), "score " + e.score().score());
        List<StoredDecision> decisions = store.decisions(r.id());
        StoredDecision pending = pendingRestore(r, decisions).orElse(null);
        List<RecoveryEvidence.Round> rounds = e.rounds().stream().map(RecoveryRequests::roundView).toList();
        List<RecoveryEvidence.OtherRequest> others = otherRequests(r);
        boolean forced = others.stream().anyMatch(RecoveryEvidence.OtherRequest::refusedByPolicy);
        return new RecoveryEvidence(r.id(), r.ticketId(), TicketNumber.format(r.ticketId()), r.mailbox(), r.contactEmail(),
                r.contactName(), r.state(), r.version(), r.submittedAt(), e.facts().orElse(null), e.score(), e.recommendation(),
                e.score().score() >= scoringSettings.restoreThreshold() && !forced, scoringSettings.restoreThreshold(), e.mentions(),
                r.thirdPartyMarkedBy() != null, rounds, decisions.stream().map(RecoveryRequests::decisionView).toList(),
                pending == null ? null : decisionView(pending), r.moreTokenHash() == null ? null : r.moreTokenExpiresAt(),
                r.moreRequest(), available(viewer, r, e, pending), others, forced);
    }

    /**
     * The other requests for the same mailbox, newest first (at most {@value #OTHER_REQUESTS}): earlier ones and any
     * submitted since. Listed whether or not the viewer sees their tickets, so that a policy refusal is never hidden.
     */
    private List<RecoveryEvidence.OtherRequest> otherRequests(StoredRequest r) {
        return store.otherRequests(r.mailbox(), r.id(), OTHER_REQUESTS).stream()
                .map(o -> new RecoveryEvidence.OtherRequest(o.id(), TicketNumber.format(o.ticketId()), o.submittedAt(),
                        o.id() < r.id(), o.state(), o.lastDecision(), o.refusedByPolicy(), o.policyNote(), o.markedByAgent()))
                .toList();
    }

    private Set<DecisionKind> available(Actor viewer, StoredRequest r, Evaluation e, StoredDecision pending) {
        if (r.state().finished() || !deciders.mayDecide(viewer)) {
            return Set.of();
        }
        Set<DecisionKind> kinds = EnumSet.of(DecisionKind.POLICY, DecisionKind.REFUSE);
        if (r.state() == RequestState.AWAITING_CONFIRMATION) {
            kinds.add(DecisionKind.REJECT);
            if (pending != null && pending.agentId() != viewer.id()) {
                kinds.add(DecisionKind.CONFIRM);
            }
            return kinds;
        }
        if (!r.aboutSomeoneElse() && e.facts().isPresent()) {
            kinds.add(DecisionKind.RESTORE);
        }
        if (!r.aboutSomeoneElse() && e.rounds().size() < settings.maxRounds()) {
            kinds.add(DecisionKind.ASK_MORE);
        }
        return kinds;
    }

    // ------------------------------------------------------------------ decisions

    /** An agent decides; refused (nothing changed) when they may not, or the request is not in a state for it. */
    public RecoveryEvidence decide(Actor agent, long requestId, DecisionCommand c) {
        if (c == null || c.kind() == null) {
            throw DomainException.invalid("kind", "recovery.decision.kindRequired");
        }
        StoredRequest r = store.requestForUpdate(requestId)
                .orElseThrow(() -> DomainException.notFound("recovery.request.notFound", requestId));
        if (!tickets.isVisibleTo(agent, TicketNumber.format(r.ticketId())) || !agent.isStaff()) {
            throw DomainException.notFound("recovery.request.notFound", requestId);
        }
        if (!deciders.mayDecide(agent)) {
            throw DomainException.forbidden("recovery.decision.notCertified");
        }
        if (c.version() != null && c.version() != r.version()) {
            throw DomainException.conflict("recovery.decision.stale").with("currentVersion", r.version())
                    .with("currentState", r.state());
        }
        if (r.state().finished()) {
            throw DomainException.conflict("recovery.decision.finished", "recovery.state." + r.state());
        }
        String comment = c.comment() == null || c.comment().isBlank() ? null : c.comment().strip();
        if (comment != null && comment.length() > 2000) {
            throw DomainException.invalid("comment", "recovery.request.text.tooLong", 2000);
        }
        Evaluation e = evaluate(r);
        List<StoredDecision> decisions = store.decisions(r.id());
        StoredDecision pending = pendingRestore(r, decisions).orElse(null);
        switch (c.kind()) {
            case POLICY -> {
                store.markThirdParty(r.id(), agent.id(), clock.instant());
                audit.record(agent, AuditAction.THIRD_PARTY_MARKED, r.id(), r.ticketId(), r.mailbox(), comment);
                settle(pending, refuseByPolicy(agent, store.request(r.id()).orElseThrow(), e, comment, null));
            }
            case REFUSE -> {
                if (c.reason() == null) {
                    throw DomainException.invalid("reason", "recovery.decision.reasonRequired");
                }
                if (c.reason().needsComment() && comment == null) {
                    throw DomainException.invalid("comment", "recovery.decision.commentRequired");
                }
                settle(pending, refuse(agent, r, e, c.reason(), comment));
            }
            case ASK_MORE -> {
                refuseWhenSomeoneElse(r);
                if (r.state() == RequestState.AWAITING_CONFIRMATION) {
                    throw DomainException.conflict("recovery.decision.wrongState", "recovery.state." + r.state());
                }
                if (comment == null) {
                    throw DomainException.invalid("comment", "recovery.decision.whatToAdd");
                }
                if (e.rounds().size() >= settings.maxRounds()) {
                    throw DomainException.conflict("recovery.decision.tooManyRounds", settings.maxRounds());
                }
                askForMore(agent, r, e, comment);
            }
            case RESTORE -> {
                refuseWhenSomeoneElse(r);
                if (r.state() == RequestState.AWAITING_CONFIRMATION) {
                    throw DomainException.conflict("recovery.decision.wrongState", "recovery.state." + r.state());
                }
                MailboxFacts facts = e.facts().orElseThrow(() -> DomainException.conflict("recovery.decision.noMailbox", r.mailbox()));
                if (!c.resetLink() && !c.unblock()) {
                    throw DomainException.invalid("resetLink", "recovery.decision.actionRequired");
                }
                if (c.unblock() && !facts.blocked()) {
                    throw DomainException.invalid("unblock", "recovery.decision.notBlocked");
                }
                restore(agent, r, e, c.resetLink(), c.unblock(), comment);
            }
            case CONFIRM -> {
                refuseWhenSomeoneElse(r);
                if (pending == null) {
                    throw DomainException.conflict("recovery.decision.nothingToConfirm");
                }
                if (pending.agentId() == agent.id()) {
                    throw DomainException.forbidden("recovery.decision.fourEyes");
                }
                confirm(agent, r, e, pending, comment);
            }
            case REJECT -> {
                if (pending == null) {
                    throw DomainException.conflict("recovery.decision.nothingToConfirm");
                }
                if (comment == null) {
                    throw DomainException.invalid("comment", "recovery.decision.commentRequired");
                }
                long id = store.insertDecision(r.id(), DecisionKind.REJECT, false, false, null, comment, e.score().score(),
                        agent.id(), agent.name(), clock.instant());
                store.settle(pending.id(), id);
                store.changeState(r.id(), RequestState.OPEN, clock.instant());
                tickets.addNote(agent, TicketNumber.format(r.ticketId()), new TicketCommands.Note(
                        text(Locale.forLanguageTag("ru"), "recovery.note.rejected", pending.agentName(), comment)));
                audit.record(agent, AuditAction.RESTORE_REJECTED, r.id(), r.ticketId(), r.mailbox(), comment);
            }
        }
        return view(agent, store.request(r.id()).orElseThrow());
    }

    private void refuseWhenSomeoneElse(StoredRequest r) {
        if (r.aboutSomeoneElse()) {
            throw DomainException.conflict("recovery.decision.policy");
        }
    }

    /** A pending restore is settled (not carried out) by a refusal or the policy. */
    private void settle(StoredDecision pending, long by) {
        if (pending != null) {
            store.settle(pending.id(), by);
        }
    }

    private void restore(Actor agent, StoredRequest r, Evaluation e, boolean resetLink, boolean unblock, String comment) {
        Instant now = clock.instant();
        long id = store.insertDecision(r.id(), DecisionKind.RESTORE, resetLink, unblock, null, comment, e.score().score(),
                agent.id(), agent.name(), now);
        store.clearMoreToken(r.id());
        List<String> refusedBefore = otherRequests(r).stream().filter(RecoveryEvidence.OtherRequest::refusedByPolicy)
                .map(RecoveryEvidence.OtherRequest::ticketNumber).toList();
        if (e.score().score() >= scoringSettings.restoreThreshold() && refusedBefore.isEmpty()) {
            audit.record(agent, AuditAction.DECISION_RESTORE, r.id(), r.ticketId(), r.mailbox(),
                    "score " + e.score().score() + actions(resetLink, unblock) + (comment == null ? "" : "; " + comment));
            carryOut(agent, r, resetLink, unblock, "restore #" + id + " by " + agent.name());
            return;
        }
        // four eyes: below the auto-recommend threshold, or whatever the score when the policy refused another request
        // for this mailbox (someone else has tried to get it), a second certified agent must confirm
        store.changeState(r.id(), RequestState.AWAITING_CONFIRMATION, now);
        String why = refusedBefore.isEmpty()
                ? "score " + e.score().score() + " < " + scoringSettings.restoreThreshold()
                : "score " + e.score().score() + ", policy refusal for this mailbox on " + String.join(", ", refusedBefore);
        audit.record(agent, AuditAction.DECISION_RESTORE, r.id(), r.ticketId(), r.mailbox(),
                why + ", awaiting confirmation" + actions(resetLink, unblock) + (comment == null ? "" : "; " + comment));
        tickets.addNote(agent, TicketNumber.format(r.ticketId()), new TicketCommands.Note(refusedBefore.isEmpty()
                ? text(Locale.forLanguageTag("ru"), "recovery.note.awaitingConfirmation", e.score().score(),
                        scoringSettings.restoreThreshold())
                : text(Locale.forLanguageTag("ru"), "recovery.note.awaitingConfirmation.policyBefore", e.score().score(),
                        String.join(", ", refusedBefore))));
    }

    private void confirm(Actor agent, StoredRequest r, Evaluation e, StoredDecision pending, String comment) {
        long id = store.insertDecision(r.id(), DecisionKind.CONFIRM, pending.resetLink(), pending.unblock(), null, comment,
                e.score().score(), agent.id(), agent.name(), clock.instant());
        store.settle(pending.id(), id);
        audit.record(agent, AuditAction.RESTORE_CONFIRMED, r.id(), r.ticketId(), r.mailbox(),
                "restore #" + pending.id() + " by " + pending.agentName() + ", score " + e.score().score()
                        + (comment == null ? "" : "; " + comment));
        carryOut(agent, r, pending.resetLink(), pending.unblock(),
                "restore #" + pending.id() + " by " + pending.agentName() + ", confirmed by " + agent.name());
    }

    /** The directory acts, the person is told at their contact address, the ticket is solved. */
    private void carryOut(Actor agent, StoredRequest r, boolean resetLink, boolean unblock, String reason) {
        Locale locale = Locale.forLanguageTag(r.language());
        String why = "ticket " + TicketNumber.format(r.ticketId()) + ": " + reason;
        List<String> done = new ArrayList<>();
        if (unblock) {
            DirectoryActionResult result = directory.unblock(r.mailbox(), agent, why);
            audit.record(agent, AuditAction.DIRECTORY_UNBLOCK, r.id(), r.ticketId(), r.mailbox(), "directory action #" + result.id());
            done.add(text(locale, "recovery.mail.restored.unblocked", r.mailbox()));
        }
        if (resetLink) {
            DirectoryActionResult result = directory.sendResetLink(r.mailbox(), r.contactEmail(), agent, why);
            audit.record(agent, AuditAction.DIRECTORY_RESET_LINK, r.id(), r.ticketId(), r.mailbox(),
                    "directory action #" + result.id() + ", to " + r.contactEmail() + ", valid until " + result.expiresAt());
            done.add(text(locale, "recovery.mail.restored.link", r.contactEmail(), when(result.expiresAt(), locale)));
        }
        store.changeState(r.id(), RequestState.RESTORED, clock.instant());
        String body = text(locale, "recovery.mail.restored", r.mailbox()) + "\n\n" + String.join("\n\n", done) + "\n\n"
                + text(locale, "recovery.mail.restored.advice");
        tickets.solve(agent, TicketNumber.format(r.ticketId()), new TicketCommands.Solve(body, null));
    }

    private void askForMore(Actor agent, StoredRequest r, Evaluation e, String what) {
        Instant now = clock.instant();
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant expires = now.plus(settings.moreAnswersValidity());
        store.insertDecision(r.id(), DecisionKind.ASK_MORE, false, false, null, what, e.score().score(), agent.id(), agent.name(), now);
        store.askForMore(r.id(), sha256(token), expires, what, now);
        Locale locale = Locale.forLanguageTag(r.language());
        String link = settings.publicUrl() + "/access-recovery/more/" + token;
        String body = text(locale, "recovery.mail.askMore", r.mailbox()) + "\n\n" + what + "\n\n"
                + text(locale, "recovery.mail.askMore.link", link, when(expires, locale));
        tickets.askForInformation(agent, TicketNumber.format(r.ticketId()), new TicketCommands.AskForInformation(body, null));
        audit.record(agent, AuditAction.DECISION_ASK_MORE, r.id(), r.ticketId(), r.mailbox(),
                "score " + e.score().score() + ", link valid until " + expires + "; " + what);
    }

    private long refuse(Actor agent, StoredRequest r, Evaluation e, RefusalReason reason, String comment) {
        Instant now = clock.instant();
        long id = store.insertDecision(r.id(), DecisionKind.REFUSE, false, false, reason, comment, e.score().score(), agent.id(),
                agent.name(), now);
        store.clearMoreToken(r.id());
        store.changeState(r.id(), RequestState.REFUSED, now);
        Locale locale = Locale.forLanguageTag(r.language());
        String body = text(locale, "recovery.mail.refused", r.mailbox()) + "\n\n" + text(locale, "recovery.mail.refused." + reason.name())
                + (comment == null ? "" : "\n\n" + comment);
        tickets.solve(agent, TicketNumber.format(r.ticketId()), new TicketCommands.Solve(body, null));
        audit.record(agent, AuditAction.DECISION_REFUSE, r.id(), r.ticketId(), r.mailbox(),
                reason.name() + ", score " + e.score().score() + (comment == null ? "" : "; " + comment));
        return id;
    }

    /** Refusal by the policy: someone else's mailbox. Nothing overrides it; the request is finished. */
    private long refuseByPolicy(Actor by, StoredRequest r, Evaluation e, String comment, String phrases) {
        Instant now = clock.instant();
        long id = store.insertDecision(r.id(), DecisionKind.POLICY, false, false, null, comment == null ? phrases : comment,
                e.score().score(), by.id(), by.isSystem() ? text(Locale.forLanguageTag("ru"), "recovery.ticket.by") : by.name(), now);
        store.clearMoreToken(r.id());
        store.changeState(r.id(), RequestState.REFUSED, now);
        Locale locale = Locale.forLanguageTag(r.language());
        Actor solver = by.isSystem()
                ? new Actor(Actor.SYSTEM_ID, text(Locale.forLanguageTag("ru"), "recovery.ticket.by"), Set.of(), Set.of()) : by;
        tickets.solve(solver, TicketNumber.format(r.ticketId()), new TicketCommands.Solve(
                text(locale, "recovery.mail.policy", r.mailbox()), null));
        audit.record(by, AuditAction.POLICY_REFUSAL, r.id(), r.ticketId(), r.mailbox(),
                (by.isSystem() ? "detected in the text: " + phrases : "marked by the agent") + (comment == null ? "" : "; " + comment));
        return id;
    }

    private Optional<StoredDecision> pendingRestore(StoredRequest r, List<StoredDecision> decisions) {
        if (r.state() != RequestState.AWAITING_CONFIRMATION) {
            return Optional.empty();
        }
        return decisions.stream().filter(d -> d.kind() == DecisionKind.RESTORE && d.settledBy() == null)
                .reduce((a, b) -> b);
    }

    // ------------------------------------------------------------------ evaluation

    /** The merged answers of all rounds against the directory. */
    record Evaluation(Optional<MailboxFacts> facts, EvidenceScore score, Recommendation recommendation,
                      List<ThirdPartyMention> mentions, List<StoredRound> rounds) {
    }

    Evaluation evaluate(StoredRequest r) {
        List<StoredRound> rounds = store.rounds(r.id());
        Optional<MailboxFacts> facts = directory.facts(r.mailbox());
        // each remembered password is an opaque token here; its outcome was decided by the directory on arrival
        List<String> tokens = new ArrayList<>();
        Set<String> matched = new LinkedHashSet<>();
        for (StoredRound round : rounds) {
            for (PasswordOutcome o : round.passwords()) {
                String token = round.round() + ":" + o.position();
                tokens.add(token);
                if (o.matched()) {
                    matched.add(token);
                }
            }
        }
        Questionnaire.Answers merged = merge(rounds);
        OwnerAnswers answers = merged.toOwnerAnswers(tokens);
        io.linia.recovery.scoring.MailboxFacts known = facts.map(f -> scoringFacts(f, matched::contains))
                .orElse(new io.linia.recovery.scoring.MailboxFacts(null, null, List.of(), List.of(), List.of(), List.of(), null));
        EvidenceScore score = scoringFor(tokens.size()).score(answers, known);
        List<ThirdPartyMention> mentions = rounds.stream().flatMap(x -> policy.mentions(x.answers().freeText()).stream()).toList();
        Recommendation recommendation = !mentions.isEmpty() || r.thirdPartyMarkedBy() != null || facts.isEmpty()
                ? Recommendation.REFUSE : score.recommendation();
        return new Evaluation(facts, score, recommendation, mentions, rounds);
    }

    private EvidenceScoring scoringFor(int candidates) {
        if (candidates <= scoringSettings.maxPasswordCandidates()) {
            return scoring;
        }
        // the outcomes were checked on arrival, round by round within the limit: all of them count
        RecoveryScoringProperties s = scoringSettings;
        return new EvidenceScoring(new RecoveryScoringProperties(s.passwordWeight(), s.registrationDateWeight(),
                s.registrationCityWeight(), s.foldersWeight(), s.contactsWeight(), s.filtersWeight(), s.devicesWeight(),
                s.lastLoginWeight(), s.registrationToleranceDays(), s.registrationZeroDays(), s.lastLoginToleranceDays(),
                s.lastLoginZeroDays(), s.nameSimilarity(), s.namesForFullWeight(), candidates, s.restoreThreshold(),
                s.askForMoreThreshold()));
    }

    /** Later rounds add names and correct dates; lists are the union, dates the latest given. */
    private static Questionnaire.Answers merge(List<StoredRound> rounds) {
        LocalDate registration = null;
        LocalDate lastLogin = null;
        String city = null;
        List<String> folders = new ArrayList<>();
        List<String> contacts = new ArrayList<>();
        List<String> filters = new ArrayList<>();
        List<String> devices = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        for (StoredRound round : rounds) {
            Questionnaire.Answers a = round.answers();
            registration = a.registrationDate() != null ? a.registrationDate() : registration;
            lastLogin = a.lastLoginDate() != null ? a.lastLoginDate() : lastLogin;
            city = a.registrationCity() != null ? a.registrationCity() : city;
            addNew(folders, a.folders());
            addNew(contacts, a.contacts());
            addNew(filters, a.filters());
            addNew(devices, a.devices());
            if (a.freeText() != null) {
                text.append(text.isEmpty() ? "" : "\n").append(a.freeText());
            }
        }
        return new Questionnaire.Answers(registration, city, List.of(), folders, contacts, filters, devices, lastLogin,
                text.toString());
    }

    private static void addNew(List<String> into, List<String> items) {
        for (String item : items) {
            if (into.stream().noneMatch(x -> x.equalsIgnoreCase(item))) {
                into.add(item);
            }
        }
    }

    private io.linia.recovery.scoring.MailboxFacts scoringFacts(MailboxFacts f, java.util.function.Predicate<String> matched) {
        ZoneId zone = settings.zone();
        // one item per contact and per filter, under all its names: a contact given by name and by address is one remembered
        List<KnownItem> contacts = f.frequentContacts().stream().filter(c -> KnownItem.anyGiven(c.address(), c.displayName()))
                .map(c -> KnownItem.of(c.address(), c.displayName())).toList();
        List<KnownItem> filters = f.filters().stream().filter(x -> KnownItem.anyGiven(x.name(), x.description()))
                .map(x -> KnownItem.of(x.name(), x.description())).toList();
        List<io.linia.recovery.scoring.MailboxFacts.Login> logins = f.lastLogins().stream()
                .map(l -> new io.linia.recovery.scoring.MailboxFacts.Login(l.at().atZone(zone).toLocalDate(), l.client())).toList();
        return new io.linia.recovery.scoring.MailboxFacts(f.registeredOn(), f.registrationCity(), f.folders(), contacts, filters,
                logins, matched::test);
    }

    private List<PasswordOutcome> checkPasswords(String mailbox, List<String> passwords) {
        List<PasswordOutcome> outcomes = new ArrayList<>();
        List<String> distinct = passwords.stream().distinct().toList();
        for (int i = 0; i < distinct.size(); i++) {
            PasswordMatch m = directory.matchPassword(mailbox, distinct.get(i));
            outcomes.add(new PasswordOutcome(i + 1, m.matched(), m.current(), m.usedFrom(), m.usedUntil()));
        }
        return outcomes;
    }

    // ------------------------------------------------------------------ helpers

    private Optional<StoredRequest> requestByToken(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        return store.requestByMoreToken(sha256(token))
                .filter(r -> r.state() == RequestState.AWAITING_ANSWERS)
                .filter(r -> r.moreTokenExpiresAt() != null && r.moreTokenExpiresAt().isAfter(clock.instant()));
    }

    private static RecoveryEvidence.Round roundView(StoredRound round) {
        Questionnaire.Answers a = round.answers();
        List<RecoveryEvidence.PasswordResult> matched = round.passwords().stream().filter(PasswordOutcome::matched)
                .map(o -> new RecoveryEvidence.PasswordResult(o.position(), o.current(), o.usedFrom(), o.usedUntil())).toList();
        return new RecoveryEvidence.Round(round.round(), round.submittedAt(), a.registrationDate(), a.registrationCity(),
                a.folders(), a.contacts(), a.filters(), a.devices(), a.lastLoginDate(), a.freeText(), round.passwords().size(),
                matched.size(), matched);
    }

    private static RecoveryEvidence.Decision decisionView(StoredDecision d) {
        return new RecoveryEvidence.Decision(d.id(), d.kind(), d.resetLink(), d.unblock(), d.reason(), d.comment(), d.score(),
                d.agentId(), d.agentName(), d.decidedAt(), d.settledBy());
    }

    private String ticketText(Locale locale, String mailbox, String contact, Questionnaire.Answers a) {
        StringBuilder b = new StringBuilder(text(locale, "recovery.ticket.body", mailbox, contact));
        if (a.freeText() != null) {
            b.append("\n\n").append(text(locale, "recovery.ticket.ownWords")).append("\n").append(a.freeText());
        }
        return b.toString();
    }

    private static String summary(long id, int passwords, int matched, int screenshots) {
        return "request #" + id + ", passwords " + passwords + " (matched " + matched + "), screenshots " + screenshots;
    }

    private static String actions(boolean resetLink, boolean unblock) {
        return (resetLink ? ", reset link" : "") + (unblock ? ", unblock" : "");
    }

    private String when(Instant at, Locale locale) {
        return at == null ? "" : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(locale)
                .format(at.atZone(settings.zone())) + " (UTC" + at.atZone(settings.zone()).getOffset().getId().replace("Z", "") + ")";
    }

    private String text(Locale locale, String key, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }

    private static Locale language(Locale requested) {
        return requested != null && "en".equals(requested.getLanguage()) ? Locale.ENGLISH : Locale.forLanguageTag("ru");
    }

    private static void throwFirst(Map<String, DomainException> problems) {
        if (!problems.isEmpty()) {
            throw problems.values().iterator().next();
        }
    }

    static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
