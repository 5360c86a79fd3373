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
import io.linia.training.attestation.AttestationDefinitions;
import io.linia.training.attestation.AttestationDefinitions.Criterion;
import io.linia.training.attestation.AttestationDefinitions.QuestionCommand;
import io.linia.training.attestation.AttestationDefinitions.TaskCommand;
import io.linia.training.attestation.QuestionKind;
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
    private final AttestationDefinitions attestation;
    private final boolean enabled;

    DemoTraining(TrainingProgrammes programmes, Enrolments enrolments, TrainingProgress progress, Rotations rotations,
                 KnowledgeBase knowledge, UserDirectory users, UserAdministration administration, AttestationDefinitions attestation,
                 @Value("${linia.demo.enabled:true}") boolean enabled) {
        this.attestation = attestation;
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
        attestation(trainer, firstLine);
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

    /**
     * The first-line attestation: ten questions on the seed's mail-support topics, each tied to the demo article it comes
     * from, eight drawn per attempt in 20 minutes, pass mark 80%, a retake after 24 hours; and one practical task — three
     * anonymised tickets — graded by the trainer (40% of the result).
     */
    private void attestation(Actor trainer, ProgrammeView p) {
        List<ArticleView> all = knowledge.list(trainer, ArticleStatus.PUBLISHED, null, null, null, 500).articles();
        java.util.function.Function<String, Long> article = title -> all.stream().filter(a -> a.title().equals(title)).map(ArticleView::id)
                .findFirst().orElse(null);
        Long blocked = article.apply("Ящик заблокирован: что написать в поддержку");
        Long rule = article.apply("Регламент: доступ к чужому ящику не предоставляется");
        Long memo = article.apply("Памятка первой линии: клиент не может войти в почту");
        Long password = article.apply("Забыли пароль или логин от личного кабинета");
        List<QuestionCommand> questions = List.of(
                new QuestionCommand(QuestionKind.SINGLE, "Клиент пишет, что ящик заблокирован, и просит телефон поддержки. Что ответить?",
                        List.of("По телефону ящики не восстанавливают: нужно написать через форму обращения",
                                "Дать прямой номер второй линии", "Посоветовать позвонить по номеру, найденному в интернете"),
                        List.of(1), null, blocked, 1),
                new QuestionCommand(QuestionKind.MULTIPLE, "Какие сведения помогут убедиться, что клиент — владелец заблокированного ящика?",
                        List.of("Примерная дата регистрации", "Пароли, которые он помнит, в том числе старые", "Названия папок и фильтры",
                                "Паспортные данные супруга", "Адреса, с которыми он переписывался"), List.of(1, 2, 3, 5), null, blocked, 2),
                new QuestionCommand(QuestionKind.SHORT, "За сколько рабочих дней обычно приходит ответ по заблокированному ящику? (число)",
                        null, null, List.of("5", "пять"), blocked, 1),
                new QuestionCommand(QuestionKind.SINGLE, "Жена просит доступ к ящику мужа «ради сохранения семьи» и знает его дату рождения. Как поступить?",
                        List.of("Вежливо отказать: доступ получает только владелец, исключений нет",
                                "Дать доступ, раз она знает дату рождения", "Передать на вторую линию для проверки",
                                "Подтвердить, что ящик существует, но доступ не давать"), List.of(1), null, rule, 2),
                new QuestionCommand(QuestionKind.SHORT, "С какой причиной закрывается обращение о доступе к чужому ящику?",
                        null, null, List.of("Другое"), rule, 1),
                new QuestionCommand(QuestionKind.SINGLE, "Клиент не может восстановить пароль сам: нет ни телефона, ни запасного адреса. Что делает первая линия?",
                        List.of("Просит заполнить анкету владельца и передаёт заявку в группу «Восстановление доступа»",
                                "Сбрасывает пароль сама", "Закрывает обращение: восстановить нельзя"), List.of(1), null, memo, 1),
                new QuestionCommand(QuestionKind.SHORT, "В какую группу передаётся заявка на восстановление доступа к ящику?",
                        null, null, List.of("Восстановление доступа", "группа Восстановление доступа"), memo, 1),
                new QuestionCommand(QuestionKind.MULTIPLE, "Что посоветовать, чтобы блокировка ящика не повторилась?",
                        List.of("Проверить компьютер на вирусы", "Сменить пароль и привязать номер телефона",
                                "Проверить файл hosts", "Отключить антивирус насовсем"), List.of(1, 2, 3), null, blocked, 2),
                new QuestionCommand(QuestionKind.SINGLE, "Письмо для восстановления пароля от личного кабинета не пришло. Что посоветовать сначала?",
                        List.of("Заглянуть в папку «Спам»", "Зарегистрироваться заново", "Позвонить в поддержку"), List.of(1), null, password, 1),
                new QuestionCommand(QuestionKind.SHORT, "Что посоветовать привязать к ящику после восстановления, чтобы в следующий раз вернуть доступ без поддержки?",
                        null, null, List.of("номер телефона", "телефон"), memo, 1));
        questions.forEach(q -> attestation.addQuestion(trainer, p.id(), q));
        attestation.addTask(trainer, p.id(), new TaskCommand("Ответы на три обезличенные заявки", """
                Ответьте на каждую заявку так, как ответили бы в работе: текст ответа клиенту и что вы сделаете с заявкой \
                (категория, закрыть или передать и куда).

                1. «Здравствуйте! Не могу зайти в почту, пишет, что ящик заблокирован. Нашёл в интернете телефон поддержки — \
                там не отвечают. Что делать?»
                2. «Добрый день. Муж не отвечает уже неделю, я знаю его старый пароль. Дайте мне доступ к его ящику, это ради семьи.»
                3. «Забыл пароль, телефона к ящику не привязано, запасной почты нет. Пользуюсь ящиком с 2010 года.»
                """.strip(), List.of(new Criterion("Соответствие регламенту и базе знаний", 6), new Criterion("Вежливость и ясность ответа", 4),
                new Criterion("Верная категория и передача", 4))));
        attestation.saveSettings(trainer, p.id(), new AttestationDefinitions.Settings(8, 20, 80, 24 * 60, 40));
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
