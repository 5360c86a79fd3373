package io.linia.training;

import io.linia.tickets.DraftDecided;
import io.linia.tickets.DraftStatus;
import io.linia.tickets.Line;
import io.linia.tickets.TicketNumber;
import io.linia.tickets.TicketSummary;
import io.linia.tickets.TicketSupervision;
import java.util.Optional;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The supervised-work stage in the desk: a trainee whose current stage is supervised work has every answer, question,
 * reply, solving reply and pass to the second line on a ticket of their programme's queue (the group's when the
 * programme names one, else the first line's) held for their enrolment's trainer. Each ticket on which the trainer
 * approves a draft of the trainee (as written or edited) counts once towards the stage's minimum of tickets: the
 * stage's minimum is of tickets worked, so several approved replies on one ticket are one ticket.
 */
@Component
class SupervisedWork implements TicketSupervision {

    private final TrainingProgress progress;

    SupervisedWork(TrainingProgress progress) {
        this.progress = progress;
    }

    @Override
    public Optional<Supervisor> supervisorFor(long agentId, TicketSummary ticket) {
        return progress.currentStage(agentId)
                .filter(s -> s.kind() == StageKind.SUPERVISED_WORK)
                .filter(s -> inTargetQueue(s, ticket))
                .map(s -> new Supervisor(s.trainerId(), s.trainerName()));
    }

    private static boolean inTargetQueue(TraineeStage stage, TicketSummary ticket) {
        return stage.groupId() == null ? ticket.line() == Line.FIRST
                : ticket.line() == Line.SECOND && stage.groupId().equals(ticket.groupId());
    }

    /** In the decision's transaction: the approval and the counted ticket are committed together. */
    @EventListener
    void on(DraftDecided event) {
        if (event.outcome() != DraftStatus.REJECTED && event.firstApprovedOnTicket()) {
            progress.record(event.authorId(), StageKind.SUPERVISED_WORK,
                    ActivityCount.tickets(1, TicketNumber.format(event.ticketId())), event.decidedByName());
        }
    }
}
