/**
 * Workforce: how many tickets arrive when, and how many agents that takes. So far the domain core, pure
 * Java without Spring beans or tables: the hourly arrival forecast with its backtest against two
 * baselines ({@link io.linia.workforce.ArrivalForecast}, {@link io.linia.workforce.HourlySeries},
 * {@link io.linia.workforce.Forecast}, {@link io.linia.workforce.Backtest}) and Erlang C staffing
 * ({@link io.linia.workforce.ErlangC}, {@link io.linia.workforce.StaffingTarget},
 * {@link io.linia.workforce.StaffingNeed}, {@link io.linia.workforce.QueuePerformance}). The
 * {@code forecast-eval} command lives in {@code evaluation}, the model and the baselines in
 * {@code forecast}; both are private to the module.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Workforce")
package io.linia.workforce;
