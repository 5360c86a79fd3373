/**
 * Pay for shifts: per agent and month, the shifts worked (the published rosters of {@code schedule},
 * adjusted by the team lead's absences, extra shifts and swaps stored in V18), how many the salary covers
 * and how many are extra, and the amounts. The arithmetic is {@link io.linia.workforce.pay.PayCalculation}
 * (pure; its rules and rounding are documented there), {@link io.linia.workforce.pay.Payroll} gathers its
 * inputs, {@link io.linia.workforce.pay.PayAdjustments} records and removes the adjustments, and
 * {@link io.linia.workforce.pay.PayCsv} writes the month for Russian Excel. Pages live in {@code web}
 * («Оплата»), the API in {@code api} ({@code /api/v1/workforce/pay}).
 */
package io.linia.workforce.pay;
