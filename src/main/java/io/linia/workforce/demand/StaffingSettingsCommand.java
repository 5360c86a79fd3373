package io.linia.workforce.demand;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The staffing settings as a planner sends them; every value is required. Send the version you read
 * ({@code -1} while the defaults are in force).
 */
public record StaffingSettingsCommand(@Schema(example = "12") Double firstLineHandlingMinutes,
                                      @Schema(example = "40") Double secondLineHandlingMinutes,
                                      @Schema(example = "80") Double serviceLevelPercent,
                                      @Schema(example = "60") Integer answerWithinMinutes,
                                      @Schema(example = "30") Double shrinkagePercent,
                                      @Schema(example = "PEAK_HOUR") String aggregation,
                                      @Schema(example = "true") Boolean carryClosedHours,
                                      @Schema(example = "1") Integer firstLineMinimum,
                                      @Schema(example = "0") Integer secondLineMinimum,
                                      @Schema(example = "40") Double secondLineSharePercent,
                                      @Schema(example = "200") Integer shareMinTickets,
                                      @Schema(example = "-1") Long version) {
}
