/**
 * The {@code forecast-eval} command (see {@link io.linia.workforce.evaluation.ForecastEvalCommand}) and the
 * arrivals CSV it reads. Exposed so that the application's {@code main} can hand the command over; nothing
 * else uses it.
 */
@org.springframework.modulith.NamedInterface("evaluation")
package io.linia.workforce.evaluation;
