/**
 * The staffing demand of the running desk: arrivals per hour from its own tickets and the imported history
 * ({@link io.linia.workforce.demand.ArrivalHistory}), the forecast of the coming weeks and its review on the
 * past ones ({@link io.linia.workforce.demand.ForecastReview}), the agents each queue needs per shift
 * ({@link io.linia.workforce.demand.StaffingDemand}) under the planners' settings
 * ({@link io.linia.workforce.demand.StaffingSettingsStore}), and that need next to a period's roster
 * ({@link io.linia.workforce.demand.StaffingCheck}). A named interface: the demo data seeds its history here.
 */
@org.springframework.modulith.NamedInterface("demand")
package io.linia.workforce.demand;
