package io.linia.workforce.pay;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A recorded adjustment of one agent's shift.
 *
 * @param mark        how the shift now stands for this agent: ABSENT, EXTRA, SWAP_OUT (worked by the other agent) or
 *                    SWAP_IN (the other agent's shift, worked by this one)
 * @param otherUserId the other side of a swap; null otherwise
 * @param pairId      the same on both rows of a swap; removing either removes both
 */
public record AdjustmentView(long id, long userId, String userName, LocalDate date, long templateId, Instant start, Instant end,
                             ShiftMark mark, @Schema(nullable = true) Long otherUserId, @Schema(nullable = true) String otherUserName,
                             @Schema(nullable = true) Long pairId, String reason, long createdById, String createdByName,
                             Instant createdAt) {
}
