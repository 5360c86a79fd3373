/**
 * Quality: answer reviews against a versioned rubric (weekly samples per agent, disputes, calibration),
 * customer satisfaction (signed one-click rating links in the solved mail and on the portal, follow-ups of low
 * ratings) and repeat contacts with the first-contact-resolution rate. Public API: {@link io.linia.quality.AnswerReviews},
 * {@link io.linia.quality.CustomerRatings}, {@link io.linia.quality.RepeatContacts}, the view records beside them and
 * the events {@link io.linia.quality.ReviewRecorded}, {@link io.linia.quality.CustomerRated},
 * {@link io.linia.quality.RepeatContactRecorded}. The derived measures per agent, group, line and category (handled,
 * handling and first-response times, SLA met %, escalations, reopens, repeat contacts, CSAT, review score, trainer
 * corrections): {@link io.linia.quality.QualityMeasures}, kept from the tickets' histories
 * ({@link io.linia.tickets.TicketTimelines}) and {@link io.linia.sla.SlaTargetFinished} by a background upkeep;
 * {@link io.linia.quality.TrainerCorrections} is the hook for the training module's corrections. Listens to the
 * tickets' events; adds the rating links to the solved mail through {@link io.linia.intake.SolvedMailAddition}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Quality")
package io.linia.quality;
