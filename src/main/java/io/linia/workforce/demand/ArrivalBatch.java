package io.linia.workforce.demand;

import java.time.Instant;

/**
 * One import of arrival history as the pages and the API list it.
 *
 * @param source    {@code IMPORT} (a planner's file) or {@code DEMO} (the demo's seeded history)
 * @param zone      the time zone the file's timestamps without an offset were read in
 * @param interval  minutes between the file's rows (5 to 1440)
 * @param rows      data rows read
 * @param firstHour the first hour covered
 * @param endHour   the hour after the last one covered
 * @param total     arrivals in the batch
 * @param channels   whether the file had a channel column (its counts are per channel)
 * @param categories whether the file had a category column (its counts are per category code)
 */
public record ArrivalBatch(long id, String label, String source, String fileName, String zone, int interval, int rows,
                           Instant firstHour, Instant endHour, double total, Instant importedAt, Long importedById,
                           boolean channels, boolean categories) {

    public boolean demo() {
        return "DEMO".equals(source);
    }
}
