/**
 * The {@code evaluate} command: how well the knowledge base's suggestions find the right article
 * for real questions (see {@link io.linia.knowledge.evaluation.EvaluationCommand}). Exposed so that
 * the application's {@code main} can hand the command over; nothing else uses it.
 */
@org.springframework.modulith.NamedInterface("evaluation")
package io.linia.knowledge.evaluation;
