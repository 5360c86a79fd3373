package io.linia.demo;

import io.linia.accounts.Actor;
import io.linia.accounts.Role;
import io.linia.accounts.UserAdministration;
import io.linia.accounts.UserCommand;
import io.linia.accounts.UserDirectory;
import io.linia.accounts.UserRef;
import io.linia.knowledge.ArticleStatus;
import io.linia.knowledge.ArticleView;
import io.linia.knowledge.KnowledgeBase;
import io.linia.training.ActivityCount;
import io.linia.training.EnrolmentCommand;
import io.linia.training.EnrolmentView;
import io.linia.training.Enrolments;
import io.linia.training.MinimumUnit;
import io.linia.training.ProgrammeCommand;
import io.linia.training.ProgrammeCommand.MaterialCommand;
import io.linia.training.ProgrammeCommand.StageCommand;
import io.linia.training.ProgrammeView;
import io.linia.training.RotationRuleCommand;
import io.linia.training.Rotations;
import io.linia.training.StageKind;
import io.linia.training.TargetKind;
import io.linia.training.TrainingProgrammes;
import io.linia.training.TrainingProgress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo training: the first-line programme with the seed's five stages (real knowledge-base articles to study, a
 * checklist for the session with the trainer, 10 tickets of shadowing, 30 tickets of supervised work, attestation),
 * a rotation course on the first line with the rule "after 6 months in a group, within 2 months", and five new
 * first-line trainees, one in each stage, all with the trainer {@code trainer}, enrolled by {@code lead}. Only on a
 * desk without programmes; through the training module's public API only.
 */
@Component
@Order(34)
class DemoTraining implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoTraining.class);

    /** The seed's articles a first-line newcomer reads first. */
    private static final List<String> READING = List.of("Памятка первой линии: клиент не может войти в почту",
            "Регламент: доступ к чужому ящику не предоставляется", "Ящик заблокирован: что написать в поддержку");

    private final TrainingProgrammes programmes;
    private final Enrolments enrolments;
    private final TrainingProgress progress;
    private final Rotations rotations;
    private final KnowledgeBase knowledge;
    private final UserDirectory users;
    private final UserAdministration administration;
    private final boolean enabled;

    DemoTraining(TrainingProgrammes programmes, Enrolments enrolments, TrainingProgress progress, Rotations rotations,
                 KnowledgeBase knowledge, UserDirectory users, UserAdministration administration,
                 @Value("${linia.demo.enabled:true}") boolean enabled) {
        this.programmes = programmes;
        this.enrolments = enrolments;
        this.progress = progress;
        this.rotations = rotations;
        this.knowledge = knowledge;
        this.users = users;
        this.administration = administration;
        this.enabled = enabled;
    }

    @Override
    public void run(ApplicationArguments args) {
        Optional<UserRef> trainerUser = users.userByLogin("trainer");
        Optional<UserRef> leadUser = users.userByLogin("lead");
        if (!enabled || trainerUser.isEmpty() || leadUser.isEmpty()) {
            return;
        }
        Actor trainer = trainerUser.get().toActor();
        Actor lead = leadUser.get().toActor();
        if (!programmes.programmes(trainer).isEmpty()) {
            return;
        }
        List<ArticleView> articles = reading(trainer);
        if (articles.isEmpty()) {
            return;
        }
        ProgrammeView firstLine = programmes.create(trainer, new ProgrammeCommand("Первая линия: обучение новичка",
                "Изучение материалов → встреча с тренером → наблюдение за работой тренера → работа под контролем → аттестация.",
                TargetKind.FIRST_LINE, null, 24, true, List.of(
                new StageCommand(StageKind.STUDY, "Материалы программы", 5, null, null,
                        articles.stream().map(a -> new MaterialCommand(a.id(), null, null)).toList(), List.of()),
                new StageCommand(StageKind.TRAINER_SESSION, "Разбор ключевых моментов с тренером", 2, null, null, List.of(), List.of(
                        "Двухуровневая схема: что решает первая линия, что передаётся на вторую",
                        "Ответ по базе знаний, уточнение недостающего, закрытие заявки",
                        "Категоризация и передача на вторую линию",
                        "Доступ к ящику — только владельцу: что отвечать родственникам",
                        "Вопросы новичка")),
                new StageCommand(StageKind.SHADOWING, "Наблюдение за работой тренера", 3, 10, MinimumUnit.TICKETS, List.of(), List.of()),
                new StageCommand(StageKind.SUPERVISED_WORK, "Работа под контролем тренера", 10, 30, MinimumUnit.TICKETS, List.of(), List.of()),
                new StageCommand(StageKind.ATTESTATION, "Аттестация", 2, null, null, List.of(), List.of()))));
        ProgrammeView rotation = programmes.create(trainer, new ProgrammeCommand("Ротация на первую линию",
                "Мини-обучение для второй линии: что изменилось на первой линии за полгода.", TargetKind.ROTATION, null, null, true, List.of(
                new StageCommand(StageKind.STUDY, "Что нового на первой линии", 3, null, null,
                        List.of(new MaterialCommand(articles.get(0).id(), null, null)), List.of()),
                new StageCommand(StageKind.TRAINER_SESSION, "Встреча с тренером первой линии", 2, null, null, List.of(),
                        List.of("Изменения в регламенте", "Частые вопросы последних месяцев")),
                new StageCommand(StageKind.SUPERVISED_WORK, "Смена на первой линии", 5, 6, MinimumUnit.HOURS, List.of(), List.of()))));
        rotations.create(lead, new RotationRuleCommand("Полгода во второй линии — ротация на первую", null, 6, 2, rotation.id()));

        String[][] people = {
                {"trainee1", "ekaterina.belova@linia.local", "Екатерина Белова"},
                {"trainee2", "nikita.zaitsev@linia.local", "Никита Зайцев"},
                {"trainee3", "alina.pavlova@linia.local", "Алина Павлова"},
                {"trainee4", "roman.kozlov@linia.local", "Роман Козлов"},
                {"trainee5", "yulia.fedorova@linia.local", "Юлия Фёдорова"}};
        for (int stage = 1; stage <= people.length; stage++) {
            String[] p = people[stage - 1];
            UserRef trainee = users.userByLogin(p[0]).orElseGet(() -> administration.createUser(new UserCommand(p[0], p[1], p[2],
                    DemoData.PASSWORD, Set.of(Role.AGENT_L1), Set.of(), "ru", true)));
            EnrolmentView e = enrolments.enrol(lead, new EnrolmentCommand(firstLine.id(), trainee.id(), trainer.id(), null));
            bringTo(e, stage, trainee.toActor(), trainer);
        }
        log.info("Demo training: first-line programme with 5 stages, a rotation course and rule, trainees trainee1..trainee5 (one per stage)");
    }

    /** Takes the enrolment through the stages before {@code stage} and a part of that one. */
    private void bringTo(EnrolmentView e, int stage, Actor trainee, Actor trainer) {
        List<EnrolmentView.MaterialProgress> materials = e.stages().get(0).materials();
        enrolments.open(trainee, e.id(), materials.get(0).materialId());
        if (stage == 1) {
            return;
        }
        for (EnrolmentView.MaterialProgress m : materials) {
            enrolments.open(trainee, e.id(), m.materialId());
            enrolments.markDone(trainee, e.id(), m.materialId());
        }
        List<EnrolmentView.CheckProgress> items = new ArrayList<>(e.stages().get(1).checklist());
        int ticks = stage == 2 ? 2 : items.size();
        for (int i = 0; i < ticks; i++) {
            enrolments.tick(trainer, e.id(), items.get(i).itemId());
        }
        if (stage == 2) {
            return;
        }
        progress.record(e.traineeId(), StageKind.SHADOWING, ActivityCount.tickets(stage == 3 ? 4 : 10, null), trainer.name());
        if (stage == 3) {
            return;
        }
        progress.record(e.traineeId(), StageKind.SUPERVISED_WORK, ActivityCount.tickets(stage == 4 ? 12 : 30, null), trainer.name());
    }

    private List<ArticleView> reading(Actor reader) {
        List<ArticleView> all = knowledge.list(reader, ArticleStatus.PUBLISHED, null, null, null, 500).articles();
        List<ArticleView> chosen = new ArrayList<>();
        for (String title : READING) {
            all.stream().filter(a -> a.title().equals(title)).findFirst().ifPresent(chosen::add);
        }
        if (chosen.isEmpty()) {
            all.stream().filter(a -> "ru".equals(a.language())).limit(3).forEach(chosen::add);
        }
        return chosen;
    }
}
