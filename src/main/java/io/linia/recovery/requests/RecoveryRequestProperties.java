package io.linia.recovery.requests;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code linia.recovery.requests.*}: where recovery requests go and how far a questionnaire may go.
 *
 * @param groupCode           the second-line group that decides (its code in routing; {@code recovery})
 * @param categoryCode        the category its tickets get ({@code password-forgotten})
 * @param publicUrl           where people reach Linia: the "add answers" link in the mail starts with it
 * @param moreAnswersValidity how long an "add answers" link works (14 days: people answer from another
 *                            mailbox they do not read every day)
 * @param maxRounds           how many rounds of answers one request takes, the questionnaire included (4)
 * @param maxListItems        how many folder names, contacts, filters or devices one round takes, each (10)
 * @param maxItemLength       characters of one such name (200)
 * @param maxFreeText         characters of the person's own words (4000)
 * @param maxPasswords        remembered passwords per round (5; each costs a slow hash on the directory's side)
 * @param zone                the desk's time zone: "today" for dates in the answers, and the days shown in mails
 */
@Validated
@ConfigurationProperties("linia.recovery.requests")
public record RecoveryRequestProperties(
        @DefaultValue("recovery") @NotBlank String groupCode,
        @DefaultValue("password-forgotten") @NotBlank String categoryCode,
        @DefaultValue("http://localhost:8080") @NotBlank @Pattern(regexp = "https?://\\S+") String publicUrl,
        @DefaultValue("P14D") @NotNull Duration moreAnswersValidity,
        @DefaultValue("4") @Min(1) @Max(20) int maxRounds,
        @DefaultValue("10") @Min(1) @Max(50) int maxListItems,
        @DefaultValue("200") @Min(20) @Max(1000) int maxItemLength,
        @DefaultValue("4000") @Min(100) @Max(8000) int maxFreeText,
        @DefaultValue("5") @Min(1) @Max(10) int maxPasswords,
        @DefaultValue("Europe/Moscow") @NotNull ZoneId zone) {

    public RecoveryRequestProperties {
        if (moreAnswersValidity != null && (moreAnswersValidity.isNegative() || moreAnswersValidity.isZero())) {
            throw new IllegalArgumentException("linia.recovery.requests.more-answers-validity must be positive, got "
                    + moreAnswersValidity);
        }
        publicUrl = publicUrl == null ? null : publicUrl.replaceAll("/+$", "");
    }
}
