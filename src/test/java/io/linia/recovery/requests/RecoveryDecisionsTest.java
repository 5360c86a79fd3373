package io.linia.recovery.requests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.linia.accounts.Actor;
import io.linia.accounts.Role;
import io.linia.accounts.UserAdministration;
import io.linia.accounts.UserCommand;
import io.linia.accounts.UserDirectory;
import io.linia.recovery.AccountDirectory;
import io.linia.recovery.BlockReason;
import io.linia.recovery.EmbeddedMailboxes;
import io.linia.recovery.audit.AuditAction;
import io.linia.recovery.audit.AuditEntry;
import io.linia.recovery.audit.AuditQuery;
import io.linia.recovery.audit.RecoveryAuditLog;
import io.linia.routing.RoutingDirectory;
import io.linia.shared.DomainException;
import io.linia.support.MovingClock;
import io.linia.support.StoreTest;
import io.linia.tickets.MessageKind;
import io.linia.tickets.TicketService;
import io.linia.tickets.TicketState;
import io.linia.tickets.TicketView;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.context.TestPropertySource;

/**
 * The decisions on a recovery request beyond the happy restore: every refusal template (its text mailed to the contact
 * address in the person's language, the request finished), a rejected four-eyes restore (the directory untouched), a
 * restore that lifts a block, a stale version, and who may not decide (another group's certified agent, an uncertified
 * team lead, an admin — whatever roles they hold — against the policy). Shares RecoveryRequestsTest's context; each test
 * registers mailboxes of its own in the embedded directory.
 */
@StoreTest
@Import(RecoveryRequestsTest.Clocks.class)
@TestPropertySource(properties = {"linia.test.context=recovery-requests", "linia.test.pg.schema=ctx_recovery_requests",
        "linia.sla.evaluate=false", "linia.recovery.rate-limits.per-mailbox.max=100", "linia.recovery.rate-limits.per-ip.max=100"})
class RecoveryDecisionsTest {

    private static final String PASSWORD = "Kama-River!2015";
    private static final String HASH = "{bcrypt}" + new BCryptPasswordEncoder(4).encode(PASSWORD);
    private static final Locale RU = Locale.forLanguageTag("ru");

    @Autowired
    RecoveryRequests requests;
    @Autowired
    RecoveryDeciders deciders;
    @Autowired
    RecoveryAuditLog audit;
    @Autowired
    AccountDirectory directory;
    @Autowired
    EmbeddedMailboxes mailboxes;
    @Autowired
    TicketService tickets;
    @Autowired
    UserDirectory users;
    @Autowired
    UserAdministration administration;
    @Autowired
    RoutingDirectory routing;
    @Autowired
    MessageSource messages;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MovingClock clock;

    private Actor l2;
    private Actor lead;
    private Actor admin;

    @BeforeEach
    void certified() {
        admin = users.userByLogin("admin").orElseThrow().toActor();
        l2 = users.userByLogin("l2").orElseThrow().toActor();
        lead = users.userByLogin("lead").orElseThrow().toActor();
        for (Actor a : List.of(l2, lead)) {
            if (deciders.active(a.id()).isEmpty()) {
                deciders.grant(admin, a.id(), null);
            }
        }
    }

    // ------------------------------------------------------------------ 1. refusal templates

    @Test
    void eachRefusalTemplateFinishesTheRequestAndMailsItsTextToTheContactAddressInThePersonsLanguage() {
        for (RefusalReason reason : RefusalReason.values()) {
            for (Locale language : List.of(RU, Locale.ENGLISH)) {
                String mailbox = mailbox(null);
                String contact = contact();
                String comment = reason.needsComment() ? "Скриншот не от этого ящика" : null;
                RecoveryRequests.Submitted s = submit(mailbox, contact, weak(), language);
                long version = requests.evidence(l2, s.requestId()).version();

                RecoveryEvidence after = requests.decide(l2, s.requestId(),
                        new DecisionCommand(DecisionKind.REFUSE, false, false, reason, comment, version));

                String at = reason + "/" + language;
                assertThat(after.state()).as(at).isEqualTo(RequestState.REFUSED);
                assertThat(after.available()).as(at).isEmpty();
                assertThat(after.decisions()).as(at).singleElement().satisfies(d -> {
                    assertThat(d.kind()).isEqualTo(DecisionKind.REFUSE);
                    assertThat(d.reason()).isEqualTo(reason);
                    assertThat(d.comment()).isEqualTo(comment);
                    assertThat(d.agentId()).isEqualTo(l2.id());
                });
                TicketView t = tickets.get(lead, s.ticketNumber());
                assertThat(t.state()).as(at).isEqualTo(TicketState.SOLVED);
                assertThat(t.customerEmail()).as(at).isEqualTo(contact);
                String expected = text(language, "recovery.mail.refused", mailbox) + "\n\n"
                        + text(language, "recovery.mail.refused." + reason.name()) + (comment == null ? "" : "\n\n" + comment);
                assertThat(t.messages()).as(at).filteredOn(m -> m.kind() == MessageKind.PUBLIC_REPLY).singleElement()
                        .satisfies(m -> assertThat(m.body()).isEqualTo(expected));
                assertThat(entries(s.requestId())).as(at).filteredOn(x -> x.action() == AuditAction.DECISION_REFUSE)
                        .singleElement().satisfies(x -> assertThat(x.detail()).startsWith(reason.name() + ", score "));
                assertThat(actions(mailbox)).as(at).isZero();

                // finished: neither a second refusal nor a late restore is taken, and nothing more is written
                int audited = entries(s.requestId()).size();
                for (DecisionCommand late : List.of(
                        new DecisionCommand(DecisionKind.REFUSE, false, false, RefusalReason.NOT_ENOUGH_EVIDENCE, null, null),
                        new DecisionCommand(DecisionKind.RESTORE, true, false, null, null, null),
                        new DecisionCommand(DecisionKind.ASK_MORE, false, false, null, "Ещё папки", null))) {
                    assertThatThrownBy(() -> requests.decide(lead, s.requestId(), late)).as(at + " " + late.kind())
                            .isInstanceOfSatisfying(DomainException.class, x -> {
                                assertThat(x.kind()).isEqualTo(DomainException.Kind.CONFLICT);
                                assertThat(x.messageKey()).isEqualTo("recovery.decision.finished");
                            });
                }
                assertThat(entries(s.requestId())).as(at).hasSize(audited);
                assertThat(tickets.get(lead, s.ticketNumber()).messages()).as(at)
                        .filteredOn(m -> m.kind() == MessageKind.PUBLIC_REPLY).hasSize(1);
                assertThat(actions(mailbox)).as(at).isZero();
            }
        }
    }

    @Test
    void anOtherRefusalNeedsACommentAndARefusalNeedsAReasonOtherwiseNothingChanges() {
        String mailbox = mailbox(null);
        RecoveryRequests.Submitted s = submit(mailbox, contact(), weak(), RU);
        int audited = entries(s.requestId()).size();
        int messagesBefore = tickets.get(lead, s.ticketNumber()).messages().size();

        for (String comment : java.util.Arrays.asList(null, "", "   \n ")) {
            assertThatThrownBy(() -> requests.decide(l2, s.requestId(),
                    new DecisionCommand(DecisionKind.REFUSE, false, false, RefusalReason.OTHER, comment, null)))
                    .as("comment «%s»", comment).isInstanceOfSatisfying(DomainException.class, x -> {
                        assertThat(x.kind()).isEqualTo(DomainException.Kind.INVALID_INPUT);
                        assertThat(x.field()).isEqualTo("comment");
                        assertThat(x.messageKey()).isEqualTo("recovery.decision.commentRequired");
                    });
        }
        assertThatThrownBy(() -> requests.decide(l2, s.requestId(),
                new DecisionCommand(DecisionKind.REFUSE, false, false, null, "Без причины", null)))
                .isInstanceOfSatisfying(DomainException.class, x -> {
                    assertThat(x.field()).isEqualTo("reason");
                    assertThat(x.messageKey()).isEqualTo("recovery.decision.reasonRequired");
                });

        RecoveryEvidence e = requests.evidence(lead, s.requestId());
        assertThat(e.state()).isEqualTo(RequestState.OPEN);
        assertThat(e.decisions()).isEmpty();
        TicketView t = tickets.get(lead, s.ticketNumber());
        assertThat(t.state()).isNotEqualTo(TicketState.SOLVED);
        assertThat(t.messages()).hasSize(messagesBefore).noneMatch(m -> m.kind() == MessageKind.PUBLIC_REPLY);
        assertThat(entries(s.requestId())).extracting(AuditEntry::action)
                .doesNotContain(AuditAction.DECISION_REFUSE).hasSize(audited + 1); // the one view above
    }

    // ------------------------------------------------------------------ 2. four eyes: reject

    @Test
    void aSecondAgentRejectsTheProposedRestoreTheDirectoryIsNotCalledAndTheRequestIsDecidedAgain() {
        String mailbox = mailbox(BlockReason.SPAM);
        RecoveryRequests.Submitted s = submit(mailbox, contact(), weak(), RU);
        RecoveryEvidence e = requests.evidence(l2, s.requestId());
        assertThat(e.autoRecommended()).isFalse();
        RecoveryEvidence waiting = requests.decide(l2, s.requestId(), new DecisionCommand(DecisionKind.RESTORE, true, true, null,
                "Город и папки сходятся", e.version()));
        assertThat(waiting.state()).isEqualTo(RequestState.AWAITING_CONFIRMATION);
        long proposal = waiting.pendingRestore().id();
        assertThat(requests.evidence(lead, s.requestId()).available()).contains(DecisionKind.CONFIRM, DecisionKind.REJECT);

        // a rejection says why
        assertThatThrownBy(() -> requests.decide(lead, s.requestId(), new DecisionCommand(DecisionKind.REJECT, false, false, null,
                " ", null))).isInstanceOfSatisfying(DomainException.class, x -> {
                    assertThat(x.field()).isEqualTo("comment");
                    assertThat(x.messageKey()).isEqualTo("recovery.decision.commentRequired");
                });
        assertThat(requests.evidence(lead, s.requestId()).state()).isEqualTo(RequestState.AWAITING_CONFIRMATION);

        RecoveryEvidence rejected = requests.decide(lead, s.requestId(), new DecisionCommand(DecisionKind.REJECT, false, false,
                null, "Папки из открытого профиля, этого мало", null));

        assertThat(rejected.state()).isEqualTo(RequestState.OPEN);
        assertThat(rejected.pendingRestore()).isNull();
        assertThat(rejected.decisions()).extracting(RecoveryEvidence.Decision::kind)
                .containsExactly(DecisionKind.RESTORE, DecisionKind.REJECT);
        RecoveryEvidence.Decision reject = rejected.decisions().get(1);
        assertThat(reject.agentId()).isEqualTo(lead.id());
        assertThat(rejected.decisions().get(0).settledBy()).isEqualTo(reject.id());
        assertThat(rejected.available()).contains(DecisionKind.RESTORE, DecisionKind.REFUSE).doesNotContain(DecisionKind.CONFIRM,
                DecisionKind.REJECT);
        // the directory was not called: no reset link, still blocked, no action recorded
        assertThat(directory.facts(mailbox).orElseThrow().pendingReset()).isNull();
        assertThat(directory.facts(mailbox).orElseThrow().blocked()).isTrue();
        assertThat(actions(mailbox)).isZero();
        assertThat(entries(s.requestId())).extracting(AuditEntry::action).contains(AuditAction.RESTORE_REJECTED)
                .doesNotContain(AuditAction.DIRECTORY_RESET_LINK, AuditAction.DIRECTORY_UNBLOCK, AuditAction.RESTORE_CONFIRMED);
        assertThat(entries(s.requestId())).filteredOn(x -> x.action() == AuditAction.RESTORE_REJECTED).singleElement()
                .satisfies(x -> {
                    assertThat(x.actorId()).isEqualTo(lead.id());
                    assertThat(x.detail()).isEqualTo("Папки из открытого профиля, этого мало");
                });
        TicketView t = tickets.get(lead, s.ticketNumber());
        assertThat(t.state()).isNotEqualTo(TicketState.SOLVED);
        assertThat(t.messages()).noneMatch(m -> m.kind() == MessageKind.PUBLIC_REPLY);
        assertThat(t.messages()).filteredOn(m -> m.kind() == MessageKind.INTERNAL_NOTE).last()
                .satisfies(m -> assertThat(m.body()).contains("Папки из открытого профиля, этого мало"));
        // nothing left to confirm
        assertThatThrownBy(() -> requests.decide(l2, s.requestId(), new DecisionCommand(DecisionKind.CONFIRM, false, false, null,
                null, null))).isInstanceOfSatisfying(DomainException.class,
                x -> assertThat(x.messageKey()).isEqualTo("recovery.decision.nothingToConfirm"));
        assertThat(proposal).isEqualTo(rejected.decisions().get(0).id());
    }

    @Test
    void theProposerMayWithdrawTheirOwnRestoreButNeverConfirmIt() {
        String mailbox = mailbox(null);
        RecoveryRequests.Submitted s = submit(mailbox, contact(), weak(), RU);
        RecoveryEvidence waiting = requests.decide(l2, s.requestId(), new DecisionCommand(DecisionKind.RESTORE, true, false, null,
                null, null));
        assertThat(waiting.available()).contains(DecisionKind.REJECT).doesNotContain(DecisionKind.CONFIRM);

        assertThatThrownBy(() -> requests.decide(l2, s.requestId(), new DecisionCommand(DecisionKind.CONFIRM, false, false, null,
                "сам себе", null))).isInstanceOfSatisfying(DomainException.class, x -> {
                    assertThat(x.kind()).isEqualTo(DomainException.Kind.FORBIDDEN);
                    assertThat(x.messageKey()).isEqualTo("recovery.decision.fourEyes");
                });
        assertThat(actions(mailbox)).isZero();

        RecoveryEvidence withdrawn = requests.decide(l2, s.requestId(), new DecisionCommand(DecisionKind.REJECT, false, false,
                null, "Поторопился, нужен ещё пароль", null));
        assertThat(withdrawn.state()).isEqualTo(RequestState.OPEN);
        assertThat(withdrawn.decisions()).extracting(RecoveryEvidence.Decision::kind, RecoveryEvidence.Decision::agentId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(DecisionKind.RESTORE, l2.id()),
                        org.assertj.core.groups.Tuple.tuple(DecisionKind.REJECT, l2.id()));
        assertThat(actions(mailbox)).isZero();
        assertThat(directory.facts(mailbox).orElseThrow().pendingReset()).isNull();
    }

    // ------------------------------------------------------------------ 3. restore with unblock

    @Test
    void aRestoreWithUnblockLiftsTheBlockTellsThePersonAndIsAudited() {
        String mailbox = mailbox(BlockReason.COMPROMISED);
        String contact = contact();
        RecoveryRequests.Submitted s = submit(mailbox, contact, strong(), RU);
        RecoveryEvidence e = requests.evidence(l2, s.requestId());
        assertThat(e.autoRecommended()).as("score %s", e.score().score()).isTrue();
        assertThat(e.facts().blocked()).isTrue();

        RecoveryEvidence done = requests.decide(l2, s.requestId(), new DecisionCommand(DecisionKind.RESTORE, false, true, null,
                null, e.version()));

        assertThat(done.state()).isEqualTo(RequestState.RESTORED);
        assertThat(done.decisions()).singleElement().satisfies(d -> {
            assertThat(d.unblock()).isTrue();
            assertThat(d.resetLink()).isFalse();
        });
        assertThat(directory.facts(mailbox).orElseThrow().blocked()).isFalse();
        assertThat(directory.facts(mailbox).orElseThrow().blockReason()).isNull();
        assertThat(directory.facts(mailbox).orElseThrow().pendingReset()).isNull();
        assertThat(jdbc.sql("select kind from directory_action where address = ?").param(mailbox).query(String.class).list())
                .containsExactly("UNBLOCK");
        TicketView t = tickets.get(lead, s.ticketNumber());
        assertThat(t.state()).isEqualTo(TicketState.SOLVED);
        assertThat(t.customerEmail()).isEqualTo(contact);
        assertThat(t.messages()).filteredOn(m -> m.kind() == MessageKind.PUBLIC_REPLY).singleElement()
                .satisfies(m -> assertThat(m.body()).isEqualTo(text(RU, "recovery.mail.restored", mailbox) + "\n\n"
                        + text(RU, "recovery.mail.restored.unblocked", mailbox) + "\n\n"
                        + text(RU, "recovery.mail.restored.advice")));
        assertThat(entries(s.requestId())).filteredOn(x -> x.action() == AuditAction.DIRECTORY_UNBLOCK).singleElement()
                .satisfies(x -> {
                    assertThat(x.mailbox()).isEqualTo(mailbox);
                    assertThat(x.actorId()).isEqualTo(l2.id());
                    assertThat(x.detail()).startsWith("directory action #");
                });
        assertThat(entries(s.requestId())).extracting(AuditEntry::action).contains(AuditAction.DECISION_RESTORE)
                .doesNotContain(AuditAction.DIRECTORY_RESET_LINK);
    }

    @Test
    void unblockingAMailboxThatIsNotBlockedIsRefusedAtTheFieldAndChangesNothing() {
        String mailbox = mailbox(null);
        RecoveryRequests.Submitted s = submit(mailbox, contact(), strong(), RU);

        assertThatThrownBy(() -> requests.decide(l2, s.requestId(), new DecisionCommand(DecisionKind.RESTORE, true, true, null,
                null, null))).isInstanceOfSatisfying(DomainException.class, x -> {
                    assertThat(x.field()).isEqualTo("unblock");
                    assertThat(x.messageKey()).isEqualTo("recovery.decision.notBlocked");
                });
        assertThatThrownBy(() -> requests.decide(l2, s.requestId(), new DecisionCommand(DecisionKind.RESTORE, false, false, null,
                null, null))).isInstanceOfSatisfying(DomainException.class, x -> {
                    assertThat(x.field()).isEqualTo("resetLink");
                    assertThat(x.messageKey()).isEqualTo("recovery.decision.actionRequired");
                });
        assertThat(requests.evidence(lead, s.requestId()).decisions()).isEmpty();
        assertThat(actions(mailbox)).isZero();
    }

    // ------------------------------------------------------------------ 4. stale version

    @Test
    void aDecisionOnAnOutdatedVersionIsAConflictAndChangesNothing() {
        String mailbox = mailbox(null);
        RecoveryRequests.Submitted s = submit(mailbox, contact(), strong(), RU);
        long seen = requests.evidence(l2, s.requestId()).version();
        // meanwhile another agent asks for more, then the person's answers arrive: the request moved on
        requests.decide(lead, s.requestId(), new DecisionCommand(DecisionKind.ASK_MORE, false, false, null, "Ещё фильтры", seen));
        RecoveryEvidence now = requests.evidence(lead, s.requestId());
        assertThat(now.version()).isGreaterThan(seen);
        int audited = entries(s.requestId()).size();
        int messages = tickets.get(lead, s.ticketNumber()).messages().size();

        for (DecisionCommand stale : List.of(
                new DecisionCommand(DecisionKind.RESTORE, true, false, null, null, seen),
                new DecisionCommand(DecisionKind.REFUSE, false, false, RefusalReason.NOT_ENOUGH_EVIDENCE, null, seen),
                new DecisionCommand(DecisionKind.POLICY, false, false, null, null, seen))) {
            assertThatThrownBy(() -> requests.decide(l2, s.requestId(), stale)).as(stale.kind().name())
                    .isInstanceOfSatisfying(DomainException.class, x -> {
                        assertThat(x.kind()).isEqualTo(DomainException.Kind.CONFLICT);
                        assertThat(x.messageKey()).isEqualTo("recovery.decision.stale");
                        assertThat(x.properties()).containsEntry("currentVersion", now.version())
                                .containsEntry("currentState", RequestState.AWAITING_ANSWERS);
                    });
        }

        RecoveryEvidence after = requests.evidence(lead, s.requestId());
        assertThat(after.state()).isEqualTo(RequestState.AWAITING_ANSWERS);
        assertThat(after.version()).isEqualTo(now.version());
        assertThat(after.markedThirdParty()).isFalse();
        assertThat(after.decisions()).extracting(RecoveryEvidence.Decision::kind).containsExactly(DecisionKind.ASK_MORE);
        assertThat(entries(s.requestId())).hasSize(audited + 1); // the view above, no decision
        assertThat(tickets.get(lead, s.ticketNumber()).messages()).hasSize(messages);
        assertThat(actions(mailbox)).isZero();
    }

    // ------------------------------------------------------------------ 5. who may not decide

    @Test
    void aCertifiedAgentOfAnotherGroupAndAnUncertifiedTeamLeadAreRefused() {
        String mailbox = mailbox(null);
        RecoveryRequests.Submitted s = submit(mailbox, contact(), strong(), RU);
        Actor l2web = users.userByLogin("l2web").orElseThrow().toActor();
        if (deciders.active(l2web.id()).isEmpty()) {
            deciders.grant(admin, l2web.id(), null);
        }
        assertThat(deciders.mayDecide(l2web)).isFalse();
        Actor newLead = user(Set.of(Role.TEAM_LEAD), Set.of());
        assertThat(deciders.active(newLead.id())).isEmpty();
        assertThat(deciders.mayDecide(newLead)).isFalse();

        DecisionCommand restore = new DecisionCommand(DecisionKind.RESTORE, true, false, null, null, null);
        // the other group's agent does not even see the recovery ticket
        assertThatThrownBy(() -> requests.decide(l2web, s.requestId(), restore)).isInstanceOfSatisfying(DomainException.class,
                x -> {
                    assertThat(x.kind()).isEqualTo(DomainException.Kind.NOT_FOUND);
                    assertThat(x.messageKey()).isEqualTo("recovery.request.notFound");
                });
        assertThatThrownBy(() -> requests.evidence(l2web, s.requestId())).isInstanceOfSatisfying(DomainException.class,
                x -> assertThat(x.messageKey()).isEqualTo("recovery.request.notFound"));
        // the lead sees it and may read the evidence, but may not decide
        assertThat(requests.evidence(newLead, s.requestId()).available()).isEmpty();
        for (DecisionCommand c : List.of(restore,
                new DecisionCommand(DecisionKind.REFUSE, false, false, RefusalReason.NOT_ENOUGH_EVIDENCE, null, null),
                new DecisionCommand(DecisionKind.POLICY, false, false, null, null, null))) {
            assertThatThrownBy(() -> requests.decide(newLead, s.requestId(), c)).as(c.kind().name())
                    .isInstanceOfSatisfying(DomainException.class, x -> {
                        assertThat(x.kind()).isEqualTo(DomainException.Kind.FORBIDDEN);
                        assertThat(x.messageKey()).isEqualTo("recovery.decision.notCertified");
                    });
        }
        // a plain admin neither
        assertThatThrownBy(() -> requests.decide(admin, s.requestId(), restore)).isInstanceOfSatisfying(DomainException.class,
                x -> assertThat(x.messageKey()).isEqualTo("recovery.decision.notCertified"));

        RecoveryEvidence e = requests.evidence(lead, s.requestId());
        assertThat(e.state()).isEqualTo(RequestState.OPEN);
        assertThat(e.decisions()).isEmpty();
        assertThat(actions(mailbox)).isZero();
    }

    @Test
    void anAdminWithEveryRoleCannotRestoreOrConfirmARequestRefusedByPolicy() {
        Actor superuser = user(Set.of(Role.ADMIN, Role.TEAM_LEAD, Role.AGENT_L2),
                Set.of(routing.groupByCode("recovery").orElseThrow().id()));
        deciders.grant(admin, superuser.id(), null);
        assertThat(deciders.mayDecide(superuser)).isTrue();

        // refused by the policy at once (the text)
        String mailbox = mailbox(BlockReason.SPAM);
        RecoveryRequests.Submitted byText = submit(mailbox, contact(), new Questionnaire.Answers(LocalDate.of(2015, 5, 10), "Пермь",
                List.of(PASSWORD), List.of("Работа", "Дача", "Фото"), List.of(), List.of(), List.of(), null,
                "Это почта жены, она разрешила"), RU);
        assertThat(byText.refusedByPolicy()).isTrue();
        assertThat(requests.evidence(superuser, byText.requestId()).available()).isEmpty();
        for (DecisionCommand c : List.of(new DecisionCommand(DecisionKind.RESTORE, true, true, null, null, null),
                new DecisionCommand(DecisionKind.CONFIRM, false, false, null, null, null),
                new DecisionCommand(DecisionKind.ASK_MORE, false, false, null, "Пусть напишет сама", null))) {
            assertThatThrownBy(() -> requests.decide(superuser, byText.requestId(), c)).as(c.kind().name())
                    .isInstanceOfSatisfying(DomainException.class, x -> {
                        assertThat(x.kind()).isEqualTo(DomainException.Kind.CONFLICT);
                        assertThat(x.messageKey()).isEqualTo("recovery.decision.finished");
                    });
        }
        assertThat(directory.facts(mailbox).orElseThrow().blocked()).isTrue();
        assertThat(actions(mailbox)).isZero();

        // a restore waits for confirmation, then another agent ticks "someone else's mailbox": the pending restore is dead
        String second = mailbox(null);
        RecoveryRequests.Submitted s = submit(second, contact(), weak(), RU);
        requests.decide(l2, s.requestId(), new DecisionCommand(DecisionKind.RESTORE, true, false, null, null, null));
        RecoveryEvidence refused = requests.decide(lead, s.requestId(), new DecisionCommand(DecisionKind.POLICY, false, false, null,
                "В переписке пишет от имени сестры", null));
        assertThat(refused.state()).isEqualTo(RequestState.REFUSED);
        assertThat(refused.pendingRestore()).isNull();
        assertThat(refused.decisions()).extracting(RecoveryEvidence.Decision::kind)
                .containsExactly(DecisionKind.RESTORE, DecisionKind.POLICY);
        assertThat(refused.decisions().get(0).settledBy()).isEqualTo(refused.decisions().get(1).id());
        assertThat(tickets.get(lead, s.ticketNumber()).messages()).filteredOn(m -> m.kind() == MessageKind.PUBLIC_REPLY)
                .singleElement().satisfies(m -> assertThat(m.body()).isEqualTo(text(RU, "recovery.mail.policy", second)));
        for (Actor a : List.of(superuser, lead)) {
            assertThatThrownBy(() -> requests.decide(a, s.requestId(), new DecisionCommand(DecisionKind.CONFIRM, false, false,
                    null, null, null))).as(a.name()).isInstanceOfSatisfying(DomainException.class, x -> {
                        assertThat(x.kind()).isEqualTo(DomainException.Kind.CONFLICT);
                        assertThat(x.messageKey()).isEqualTo("recovery.decision.finished");
                    });
        }
        assertThat(directory.facts(second).orElseThrow().pendingReset()).isNull();
        assertThat(actions(second)).isZero();
        assertThat(entries(s.requestId())).extracting(AuditEntry::action).contains(AuditAction.THIRD_PARTY_MARKED,
                AuditAction.POLICY_REFUSAL).doesNotContain(AuditAction.RESTORE_CONFIRMED, AuditAction.DIRECTORY_RESET_LINK);
    }

    // ------------------------------------------------------------------ helpers

    /** A mailbox of this test's own in the embedded directory: registered 2015-05-10 in Perm, one current password. */
    private String mailbox(BlockReason blocked) {
        String address = "rdec-" + UUID.randomUUID().toString().substring(0, 8) + "@pochta.example.ru";
        java.time.Instant now = clock.instant();
        assertThat(mailboxes.register(new EmbeddedMailboxes.Mailbox(address, LocalDate.of(2015, 5, 10), "Пермь", "+79120001122",
                null, blocked, blocked == null ? null : now.minus(Duration.ofDays(1)),
                List.of(new EmbeddedMailboxes.Password(HASH, LocalDate.of(2015, 5, 10), null)),
                List.of("Работа", "Дача", "Фото"),
                List.of(new EmbeddedMailboxes.Contact("brat.misha@pochta.example.ru", "Миша", 300)),
                List.of(new EmbeddedMailboxes.Filter("Счета", "тема содержит «счёт» → папка «Счета»")),
                List.of(new EmbeddedMailboxes.Login(now.minus(Duration.ofDays(3)), "RU", "Веб, Firefox"))))).isTrue();
        return address;
    }

    private static String contact() {
        return "rdec." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }

    /** Everything right: the password, the date, the city, the folders, the contact, the filter. */
    private static Questionnaire.Answers strong() {
        return new Questionnaire.Answers(LocalDate.of(2015, 5, 10), "Пермь", List.of(PASSWORD), List.of("Работа", "Дача", "Фото"),
                List.of("brat.misha@pochta.example.ru"), List.of("Счета"), List.of("Firefox"), null, "Забыл пароль");
    }

    /** Below the restore threshold: the city and one folder. */
    private static Questionnaire.Answers weak() {
        return new Questionnaire.Answers(null, "Пермь", List.of(), List.of("Работа"), List.of(), List.of(), List.of(), null,
                "Не помню пароль");
    }

    private RecoveryRequests.Submitted submit(String mailbox, String contact, Questionnaire.Answers answers, Locale language) {
        return requests.submit(new Questionnaire(mailbox, contact, null, answers), List.of(), language, "198.51.100.7");
    }

    private Actor user(Set<Role> roles, Set<Long> groups) {
        String login = "rdec-" + UUID.randomUUID().toString().substring(0, 8);
        administration.createUser(new UserCommand(login, login + "@linia.local", "Проверка " + login, "linia2026-test", roles,
                groups, "ru", true));
        return users.userByLogin(login).orElseThrow().toActor();
    }

    private long actions(String mailbox) {
        return jdbc.sql("select count(*) from directory_action where address = ?").param(mailbox).query(Long.class).single();
    }

    private List<AuditEntry> entries(long requestId) {
        return audit.find(AuditQuery.newest(100).requestId(requestId)).entries();
    }

    private String text(Locale locale, String key, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
