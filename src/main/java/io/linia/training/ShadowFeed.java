package io.linia.training;

import io.linia.tickets.AgentWork;
import java.util.List;

/**
 * What the trainee's live view shows: the trainer's steps (after the cursor asked for, or the latest ones), the
 * tickets the trainer has open now, the trainee's questions with answers, the cursor to ask from next time, and how
 * far the shadowing stage is (tickets and minutes counted, the minimum and its unit).
 */
public record ShadowFeed(TraineeStage stage, List<AgentWork.Step> steps, List<AgentWork.OpenTicket> openNow,
                         List<ShadowQuestion> questions, long cursor, int ticketsCounted, int minutesCounted, Integer minimumAmount,
                         MinimumUnit minimumUnit, boolean stageComplete) {

    public ShadowFeed {
        steps = List.copyOf(steps);
        openNow = List.copyOf(openNow);
        questions = List.copyOf(questions);
    }
}
