/**
 * Workforce: how many tickets arrive when, how many agents that takes, who works which shift. The
 * domain core, pure Java: the hourly arrival forecast with its backtest against two
 * baselines ({@link io.linia.workforce.ArrivalForecast}, {@link io.linia.workforce.HourlySeries},
 * {@link io.linia.workforce.Forecast}, {@link io.linia.workforce.Backtest}) and Erlang C staffing
 * ({@link io.linia.workforce.ErlangC}, {@link io.linia.workforce.StaffingTarget},
 * {@link io.linia.workforce.StaffingNeed}, {@link io.linia.workforce.QueuePerformance}). The
 * {@code forecast-eval} command lives in {@code evaluation}, the model and the baselines in
 * {@code forecast}; both are private to the module. The staffing need per shift and queue
 * ({@link io.linia.workforce.ShiftStaffingNeeds}) and the roster solved with Timefold in the background
 * ({@link io.linia.workforce.RosterSolving}, model and constraints in {@code roster}).
 *
 * <p>The people side lives in {@code staff} (its named interface, used by the demo data): shift
 * templates, agents' contracts, planning periods and the agents' availability, stored in the tables
 * of migration V15, with their pages in {@code web} ("Смены" / "Shifts") and their API in {@code api}
 * ({@code /api/v1/workforce/…}). {@link io.linia.workforce.WorkforcePlanning} is built from them.
 *
 * <p>Pay lives in {@code pay}: per agent and month, the published rosters' shifts adjusted by the team
 * lead (absences, extra shifts, swaps; migration V18), the contracts prorated by the days each was in
 * force, extra shifts at the rate of their day ({@code PayCalculation}); page «Оплата» / "Pay", CSV, and
 * {@code /api/v1/workforce/pay}.
 *
 * <p>"On shift now" lives in {@code attendance}: a pass every 30 s puts agents on and off shift by the
 * published roster through accounts' {@link io.linia.accounts.AgentShifts#followSchedule} (at each
 * agent's boundaries only, so a check-in or check-out by hand holds until the next one), the attendance
 * log (migration V19) records every change of the flag with its source, and the team lead's page
 * «Сейчас на смене» ({@code /agent/workforce/now}, {@code /api/v1/workforce/now}) reads both.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Workforce")
package io.linia.workforce;
