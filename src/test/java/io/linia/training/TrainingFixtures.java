package io.linia.training;

import io.linia.accounts.Actor;
import io.linia.accounts.Role;
import io.linia.accounts.UserAdministration;
import io.linia.accounts.UserCommand;
import io.linia.accounts.UserDirectory;
import io.linia.accounts.UserRef;
import io.linia.knowledge.ArticleStatus;
import io.linia.knowledge.ArticleView;
import io.linia.knowledge.KnowledgeBase;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Users and programmes the training tests start from, made through the public API. */
final class TrainingFixtures {

    final UserAdministration administration;
    final UserDirectory users;
    final KnowledgeBase knowledge;
    final TrainingProgrammes programmes;

    TrainingFixtures(UserAdministration administration, UserDirectory users, KnowledgeBase knowledge, TrainingProgrammes programmes) {
        this.administration = administration;
        this.users = users;
        this.knowledge = knowledge;
        this.programmes = programmes;
    }

    Actor actor(String login) {
        return users.userByLogin(login).orElseThrow().toActor();
    }

    /** A new first-line agent of this test's own. */
    UserRef newAgent(String name) {
        return newUser(name, Set.of(Role.AGENT_L1), Set.of());
    }

    UserRef newUser(String name, Set<Role> roles, Set<Long> groups) {
        String login = "tr-" + UUID.randomUUID().toString().substring(0, 8);
        return administration.createUser(new UserCommand(login, login + "@linia.local", name, "linia2026", roles, groups, "ru", true));
    }

    List<ArticleView> articles(int n) {
        return knowledge.list(actor("admin"), ArticleStatus.PUBLISHED, null, null, null, n).articles();
    }

    /** All five stages: two articles, a two-item checklist, 2 tickets shadowing, 1 hour supervised, attestation. */
    ProgrammeCommand fiveStages(String name, TargetKind target, Long groupId, Integer validityMonths) {
        List<ArticleView> a = articles(2);
        return new ProgrammeCommand(name, "Тестовая программа", target, groupId, validityMonths, true, List.of(
                new ProgrammeCommand.StageCommand(StageKind.STUDY, "Изучение", 5, null, null, List.of(
                        new ProgrammeCommand.MaterialCommand(a.get(0).id(), null, null),
                        new ProgrammeCommand.MaterialCommand(a.get(1).id(), null, "Вторая статья")), List.of()),
                new ProgrammeCommand.StageCommand(StageKind.TRAINER_SESSION, "Встреча с тренером", 2, null, null, List.of(),
                        List.of("Регламент первой линии", "Передача на вторую линию")),
                new ProgrammeCommand.StageCommand(StageKind.SHADOWING, "Наблюдение", 3, 2, MinimumUnit.TICKETS, List.of(), List.of()),
                new ProgrammeCommand.StageCommand(StageKind.SUPERVISED_WORK, "Под контролем", 5, 1, MinimumUnit.HOURS, List.of(), List.of()),
                new ProgrammeCommand.StageCommand(StageKind.ATTESTATION, "Аттестация", 2, null, null, List.of(), List.of())));
    }

    /** One attestation stage: the shortest way to a certification. */
    ProgrammeCommand attestationOnly(String name, TargetKind target, Long groupId, Integer validityMonths) {
        return new ProgrammeCommand(name, null, target, groupId, validityMonths, true, List.of(
                new ProgrammeCommand.StageCommand(StageKind.ATTESTATION, "Аттестация", 3, null, null, List.of(), List.of())));
    }

    ProgrammeView create(ProgrammeCommand command) {
        return programmes.create(actor("trainer"), command);
    }
}
