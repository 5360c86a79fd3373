package io.linia.workforce.pay;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;

/**
 * An adjustment as the team lead enters it.
 *
 * @param userId       the agent it concerns; for a swap, the one rostered on the shift
 * @param substituteId for a swap only: the agent who worked the shift instead
 */
public record AdjustmentCommand(AdjustmentKind kind, Long userId, LocalDate date, Long templateId,
                                @Schema(description = "SWAP only: the agent who worked the shift instead", nullable = true) Long substituteId,
                                String reason) {

    /** The longest reason kept. */
    public static final int MAX_REASON = 500;
}
