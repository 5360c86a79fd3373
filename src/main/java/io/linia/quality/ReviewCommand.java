package io.linia.quality;

import java.util.List;

/**
 * A review of a ticket: {@code ticket} its number, {@code agentId} whose handling is reviewed (null = the agent who
 * solved it), one score per criterion of the current rubric (0 no, 1 partly, 2 yes; null = not applicable where the
 * criterion allows it) with an optional comment, and an overall comment.
 */
public record ReviewCommand(String ticket, Long agentId, List<Score> scores, String comment) {

    public record Score(String criterion, Integer score, String comment) {
    }
}
