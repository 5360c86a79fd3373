/**
 * The forecast's workings, private to the workforce module: the Holt-Winters model on daily totals
 * with hourly profiles ({@link io.linia.workforce.forecast.DayProfileHoltWinters}), its parameter
 * search ({@link io.linia.workforce.forecast.NelderMead}), the averages used when the history is too
 * short for it ({@link io.linia.workforce.forecast.ShortHistory}) and the backtest's baselines
 * ({@link io.linia.workforce.forecast.Baselines}).
 */
package io.linia.workforce.forecast;
