package io.linia.demo;

import io.linia.accounts.Actor;
import io.linia.accounts.UserDirectory;
import io.linia.accounts.UserRef;
import io.linia.tickets.TicketCommands;
import io.linia.tickets.TicketDrafts;
import io.linia.tickets.TicketService;
import io.linia.tickets.TicketSummary;
import io.linia.training.StageKind;
import io.linia.training.TraineeStage;
import io.linia.training.TrainingProgress;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo supervised work: the demo trainee in the supervised stage asks the customer of the oldest first-line ticket for
 * what is missing; the question is held for the trainer ({@code trainer}), who finds it under Training → Supervised
 * work and on the ticket. Only with the demo tickets, once (not when the trainee has drafts already).
 */
@Component
@Order(35)
class DemoSupervision implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoSupervision.class);

    private final TrainingProgress progress;
    private final TicketService tickets;
    private final TicketDrafts drafts;
    private final UserDirectory users;
    private final boolean enabled;

    DemoSupervision(TrainingProgress progress, TicketService tickets, TicketDrafts drafts, UserDirectory users,
                    @Value("${linia.demo.enabled:true}") boolean enabled, @Value("${linia.demo.tickets:true}") boolean withTickets) {
        this.progress = progress;
        this.tickets = tickets;
        this.drafts = drafts;
        this.users = users;
        this.enabled = enabled && withTickets;
    }

    @Override
    public void run(ApplicationArguments args) {
        Optional<UserRef> trainer = users.userByLogin("trainer");
        if (!enabled || trainer.isEmpty()) {
            return;
        }
        List<TraineeStage> supervised = progress.traineesIn(trainer.get().id(), StageKind.SUPERVISED_WORK);
        if (supervised.isEmpty()) {
            return;
        }
        TraineeStage stage = supervised.get(0);
        Optional<Actor> trainee = users.user(stage.traineeId()).filter(UserRef::enabled).map(UserRef::toActor);
        if (trainee.isEmpty() || !drafts.ofAuthor(trainee.get(), trainee.get().id(), 1).isEmpty()) {
            return;
        }
        List<TicketSummary> queue = tickets.firstLineQueue(trainee.get(), 50);
        if (queue.isEmpty()) {
            return;
        }
        TicketSummary oldest = queue.get(0);
        tickets.askForInformation(trainee.get(), oldest.number(), new TicketCommands.AskForInformation(
                "Здравствуйте! Чтобы помочь, уточните, пожалуйста: с какого устройства вы входите в почту и какое сообщение "
                        + "об ошибке видите? Если можно, приложите снимок экрана.", null));
        log.info("Demo supervised work: {}'s question on {} waits for {}", stage.traineeName(), oldest.number(), stage.trainerName());
    }
}
