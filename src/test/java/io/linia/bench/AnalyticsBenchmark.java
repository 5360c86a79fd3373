package io.linia.bench;

import io.linia.LiniaApplication;
import io.linia.accounts.UserAdministration;
import io.linia.accounts.UserDirectory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The analytics API over a year of a busy desk on PostgreSQL (default 1,000,000 tickets over 365 days, with the
 * desk's daily and weekly shape in Moscow time): the tickets and their histories are written straight into the
 * tables with INSERT … SELECT (not through Linia: the write path is not what is measured), the rollups are rebuilt
 * through {@code POST /api/v1/analytics/rollups/rebuild} (its time printed), then client threads call every series
 * over HTTP with a day, a week, a month or a quarter ending on a random day of the year, half of the calls with a
 * filter (channel, category, group or line). Prints p50/p95/p99 per series and per range.
 *
 * Each ticket's life: created; first answered after an exponential wait (mean 35 min) — 60 % answered and solved
 * by the first line, 40 % passed to one of the second-line groups and solved there after an exponential 6 h; 5 %
 * reopened a day after the solve and solved again 2 h later; closed 7 days after its last solve. Steps after the
 * bench's "now" are not written (the last days' tickets are still open).
 *
 * SLA outcomes: the first line's first response (1 h) of every answered ticket, the group's resolution (24 h) of every
 * escalated ticket solved there, written into {@code sla_target} as the sla module ends them; the rebuild rolls them up.
 *
 * Options: --pg JDBC-URL (required; the database is emptied first; user linia/linia), --tickets N, --days D,
 * --threads T (client threads, default 2), --seconds S (measured, default 60), --warmup S (default 15).
 */
public final class AnalyticsBenchmark {

    private static final ZoneId DESK = ZoneId.of("Europe/Moscow");
    private static final double[] HOUR_OF_DAY = {0.15, 0.1, 0.08, 0.08, 0.1, 0.2, 0.4, 0.8, 1.4, 2.0, 2.4, 2.5,
            2.3, 2.2, 2.4, 2.3, 2.1, 1.8, 1.5, 1.2, 1.0, 0.8, 0.5, 0.3};
    private static final double[] DAY_OF_WEEK = {1.15, 1.05, 1.0, 1.0, 0.95, 0.55, 0.5}; // Monday first

    public static void main(String[] args) throws Exception {
        Map<String, String> o = new HashMap<>(Map.of("tickets", "1000000", "days", "365", "threads", "2", "seconds", "60",
                "warmup", "15"));
        for (int i = 0; i + 1 < args.length; i += 2) {
            o.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        String url = o.get("pg");
        if (url == null) {
            throw new IllegalArgumentException("--pg jdbc:postgresql://… is required");
        }
        int n = Integer.parseInt(o.get("tickets"));
        int days = Integer.parseInt(o.get("days"));
        System.out.printf(Locale.ROOT, "machine: %d cores, %s %s%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name"), System.getProperty("java.version"));
        org.flywaydb.core.Flyway.configure().dataSource(url, "linia", "linia").cleanDisabled(false).load().clean();
        ConfigurableApplicationContext context = new SpringApplicationBuilder(LiniaApplication.class)
                .web(WebApplicationType.SERVLET).bannerMode(Banner.Mode.OFF).logStartupInfo(false)
                .run("--spring.datasource.url=" + url, "--spring.datasource.username=linia", "--spring.datasource.password=linia",
                        "--server.port=0", "--linia.demo.tickets=false", "--linia.sla.evaluate=false", "--linia.automation.idle-rules=false",
                        "--linia.mail.inbound-enabled=false", "--spring.jmx.enabled=false", "--logging.level.root=WARN",
                        "--linia.categorisation.retrain-cron=-", "--linia.knowledge.index-dir=bench/target/analytics-bench-index");
        try {
            int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            long adminId = context.getBean(UserDirectory.class).userByLogin("admin").orElseThrow().id();
            long customer = context.getBean(UserDirectory.class).userByLogin("customer").orElseThrow().id();
            String token = context.getBean(UserAdministration.class).issueToken(adminId, "analytics-bench").secret();
            List<Long> categories = jdbc.queryForList("select id from category where active order by id", Long.class);
            List<Long> groups = jdbc.queryForList("select id from support_group where active order by id", Long.class);

            LocalDate lastDay = LocalDate.now(DESK).minusDays(1);
            LocalDate firstDay = lastDay.minusDays(days - 1);
            Instant now = lastDay.plusDays(1).atStartOfDay(DESK).toInstant();
            long t0 = System.nanoTime();
            write(jdbc, n, firstDay, lastDay, now, customer, categories, groups);
            long written = System.nanoTime();
            long steps = jdbc.queryForObject("select count(*) from ticket_history", Long.class);
            System.out.printf(Locale.ROOT, "desk: %,d tickets (%s … %s, %,.0f a day on average), %,d history steps,"
                    + " %d categories, %d groups; written in %.1f s%n", n, firstDay, lastDay, n / (double) days, steps,
                    categories.size(), groups.size(), (written - t0) / 1e9);

            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            String base = "http://localhost:" + port;
            long r0 = System.nanoTime();
            HttpResponse<String> start = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/analytics/rollups/rebuild"))
                    .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (start.statusCode() != 202) {
                throw new IllegalStateException("rebuild refused: " + start.statusCode() + " " + start.body());
            }
            String status = "";
            int lastPercent = -1;
            while (!status.contains("\"DONE\"") && !status.contains("\"FAILED\"")) {
                Thread.sleep(1000);
                status = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/analytics/rollups/rebuild"))
                        .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString()).body();
                int percent = Integer.parseInt(status.replaceAll(".*\"percent\":(\\d+).*", "$1"));
                if (percent / 10 != lastPercent / 10) {
                    System.out.printf(Locale.ROOT, "  rebuild %3d %% after %.0f s%n", percent, (System.nanoTime() - r0) / 1e9);
                    lastPercent = percent;
                }
            }
            if (status.contains("FAILED")) {
                throw new IllegalStateException("rebuild failed: " + status);
            }
            long cells = jdbc.queryForObject("select count(*) from analytics_hour", Long.class);
            System.out.printf(Locale.ROOT, "rollups rebuilt in %.1f s (%,.0f tickets/s): %,d hour cells%n",
                    (System.nanoTime() - r0) / 1e9, n / ((System.nanoTime() - r0) / 1e9), cells);
            jdbc.execute("analyze analytics_hour");
            jdbc.execute("analyze analytics_backlog_day");

            drive(http, base, token, firstDay, lastDay, categories, groups, Integer.parseInt(o.get("threads")),
                    Integer.parseInt(o.get("warmup")), Integer.parseInt(o.get("seconds")));
        } finally {
            context.close();
        }
        System.exit(0);
    }

    /** Tickets per hour with the desk's shape, then the tickets and their histories with INSERT … SELECT. */
    private static void write(JdbcTemplate jdbc, int n, LocalDate firstDay, LocalDate lastDay, Instant now, long customer,
                              List<Long> categories, List<Long> groups) {
        List<long[]> hours = new ArrayList<>();
        double total = 0;
        List<Double> weights = new ArrayList<>();
        for (ZonedDateTime h = firstDay.atStartOfDay(DESK); h.toLocalDate().isBefore(lastDay.plusDays(1)); h = h.plusHours(1)) {
            double w = HOUR_OF_DAY[h.getHour()] * DAY_OF_WEEK[h.getDayOfWeek().getValue() - 1];
            hours.add(new long[] {h.toEpochSecond() / 3600, 0});
            weights.add(w);
            total += w;
        }
        long assigned = 0;
        double carry = 0;
        for (int i = 0; i < hours.size(); i++) {
            double exact = n * weights.get(i) / total + carry;
            long count = Math.round(exact);
            carry = exact - count;
            hours.get(i)[1] = count;
            assigned += count;
        }
        hours.get(hours.size() - 1)[1] += n - assigned;
        jdbc.execute("drop table if exists bench_hour");
        jdbc.execute("create unlogged table bench_hour (h bigint, n int, cum bigint)");
        long cum = 0;
        List<Object[]> rows = new ArrayList<>();
        for (long[] h : hours) {
            rows.add(new Object[] {h[0], (int) h[1], cum});
            cum += h[1];
        }
        jdbc.batchUpdate("insert into bench_hour values (?, ?, ?)", rows);
        String cats = categories.stream().map(String::valueOf).collect(Collectors.joining(","));
        String grps = groups.stream().map(String::valueOf).collect(Collectors.joining(","));
        jdbc.execute("drop table if exists bench_t");
        // uniform numbers from the id (multiplicative hashes), so that every statement sees the same ticket
        jdbc.execute("create unlogged table bench_t as select id, c,"
                + " case when u7 < 0.55 then 'EMAIL' when u7 < 0.85 then 'WEB' else 'API' end as channel,"
                + " (array[" + cats + "])[1 + least(" + (categories.size() - 1) + ", floor(" + categories.size() + " * power(u5, 1.8))::int)] as cat,"
                + " (array[" + grps + "])[1 + least(" + (groups.size() - 1) + ", floor(" + groups.size() + " * u6)::int)] as grp,"
                + " c + (-ln(1 - u1 * 0.999) * 35) * interval '1 minute' as responded,"
                + " u2 < 0.4 as esc, u4 < 0.05 as reopen, u3"
                + " from (select id, c, mod(id * 7919 + 11, 1000003) / 1000003.0 as u1, mod(id * 104729 + 17, 999983) / 999983.0 as u2,"
                + "   mod(id * 1299709 + 29, 999979) / 999979.0 as u3, mod(id * 15485863 + 31, 999961) / 999961.0 as u4,"
                + "   mod(id * 32452843 + 37, 999959) / 999959.0 as u5, mod(id * 49979687 + 41, 999953) / 999953.0 as u6,"
                + "   mod(id * 67867967 + 43, 999931) / 999931.0 as u7"
                + "   from (select bh.cum + k as id, to_timestamp(bh.h * 3600 + (k - 1) * 3600.0 / bh.n) as c"
                + "         from bench_hour bh, generate_series(1, bh.n) k) s) s2");
        jdbc.execute("drop table if exists bench_life");
        jdbc.execute("create unlogged table bench_life as select *, case when esc then responded + (-ln(1 - u3 * 0.999) * 6)"
                + " * interval '1 hour' else responded end as solved1 from bench_t");
        jdbc.execute("alter table bench_life add column reopened_at timestamptz, add column solved2 timestamptz, add column closed timestamptz");
        jdbc.execute("update bench_life set reopened_at = case when reopen then solved1 + interval '1 day' end,"
                + " solved2 = case when reopen then solved1 + interval '26 hours' end");
        jdbc.execute("update bench_life set closed = coalesce(solved2, solved1) + interval '7 days'");
        Object[] at = {java.sql.Timestamp.from(now)};
        jdbc.update("insert into ticket (id, subject, customer_id, customer_email, customer_name, channel, category_id, group_id,"
                + " line, state, priority, reopen_count, created_at, updated_at, queued_at, version, suggestion_confident,"
                + " category_by_person, category_corrected, sla_state)"
                + " select id, 'Заявка ' || id, " + customer + ", 'ivan.petrov@example.ru', 'Иван Петров', channel, cat,"
                + " case when esc then grp end, case when esc then 'SECOND' else 'FIRST' end,"
                + " case when closed <= ? then 'CLOSED' else 'OPEN' end, 'NORMAL', 0, c, c, c, 0, false, true, false, 'NONE'"
                + " from bench_life", at);
        String cols = "insert into ticket_history (id, ticket_id, at, actor_id, actor_name, action, from_state, to_state,"
                + " from_line, to_line, from_group_id, to_group_id) ";
        jdbc.update(cols + "select id * 8, id, c, " + customer + ", 'Иван Петров', 'CREATED', null, 'NEW', null, 'FIRST', null, null"
                + " from bench_life where c <= ?", at);
        jdbc.update(cols + "select id * 8 + 1, id, responded, null, 'Агент', case when esc then 'ESCALATE' else 'ANSWER' end,"
                + " 'NEW', case when esc then 'OPEN' else 'SOLVED' end, 'FIRST', case when esc then 'SECOND' else 'FIRST' end,"
                + " null, case when esc then grp end from bench_life where responded <= ?", at);
        jdbc.update(cols + "select id * 8 + 2, id, solved1, null, 'Агент', 'SOLVE', 'OPEN', 'SOLVED', 'SECOND', 'SECOND', grp, grp"
                + " from bench_life where esc and solved1 <= ?", at);
        String line = "case when esc then 'SECOND' else 'FIRST' end";
        String group = "case when esc then grp end";
        jdbc.update(cols + "select id * 8 + 3, id, reopened_at, " + customer + ", 'Иван Петров', 'REOPENED', 'SOLVED', 'OPEN', "
                + line + ", " + line + ", " + group + ", " + group + " from bench_life where reopen and reopened_at <= ?", at);
        jdbc.update(cols + "select id * 8 + 4, id, solved2, null, 'Агент', 'SOLVE', 'OPEN', 'SOLVED', " + line + ", " + line + ", "
                + group + ", " + group + " from bench_life where reopen and solved2 <= ?", at);
        jdbc.update(cols + "select id * 8 + 5, id, closed, null, 'Linia', 'AUTO_CLOSED', 'SOLVED', 'CLOSED', " + line + ", "
                + line + ", " + group + ", " + group + " from bench_life where closed <= ?", at);
        // SLA outcomes as the sla module records them: the first line's first response (1 h) for every answered ticket,
        // the group's resolution (24 h) for every escalated ticket solved there
        String targets = "insert into sla_target (id, ticket_id, target, policy_id, line, group_id, business_time, target_seconds,"
                + " started_at, consumed_secs, due_at, finished_at, met, active) ";
        jdbc.update(targets + "select id * 4, id, 'FIRST_RESPONSE', (select min(id) from sla_policy), 'FIRST', null, false, 3600,"
                + " c, extract(epoch from responded - c)::bigint, c + interval '1 hour', responded, responded <= c + interval '1 hour',"
                + " false from bench_life where responded <= ?", at);
        jdbc.update(targets + "select id * 4 + 1, id, 'RESOLUTION', (select min(id) from sla_policy), 'SECOND', grp, false, 86400,"
                + " responded, extract(epoch from solved1 - responded)::bigint, responded + interval '1 day', solved1,"
                + " solved1 <= responded + interval '1 day', false from bench_life where esc and solved1 <= ?", at);
        jdbc.execute("select setval('sla_target_seq', (select coalesce(max(id), 0) + 100 from sla_target))");
        jdbc.execute("select setval('ticket_seq', (select max(id) + 100 from ticket))");
        jdbc.execute("select setval('ticket_history_seq', (select max(id) + 100 from ticket_history))");
        jdbc.execute("drop table bench_hour");
        jdbc.execute("drop table bench_t");
        jdbc.execute("drop table bench_life");
        jdbc.execute("analyze ticket");
        jdbc.execute("analyze ticket_history");
        jdbc.execute("analyze sla_target");
    }

    private record Call(String series, String range, String path) {
    }

    private static void drive(HttpClient http, String base, String token, LocalDate firstDay, LocalDate lastDay,
                              List<Long> categories, List<Long> groups, int threads, int warmup, int seconds) throws Exception {
        Map<String, List<Long>> bySeries = new ConcurrentHashMap<>();
        Map<String, List<Long>> byRange = new ConcurrentHashMap<>();
        AtomicLong errors = new AtomicLong();
        long warmEnd = System.nanoTime() + warmup * 1_000_000_000L;
        long end = warmEnd + seconds * 1_000_000_000L;
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Random random = new Random(1000 + t);
            Thread worker = new Thread(() -> {
                while (System.nanoTime() < end) {
                    Call call = call(random, firstDay, lastDay, categories, groups);
                    long s = System.nanoTime();
                    int code;
                    try {
                        code = http.send(HttpRequest.newBuilder(URI.create(base + call.path()))
                                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString()).statusCode();
                    } catch (Exception e) {
                        code = -1;
                    }
                    long micros = (System.nanoTime() - s) / 1000;
                    if (code != 200) {
                        errors.incrementAndGet();
                        System.out.println("  " + code + " " + call.path());
                    }
                    if (s > warmEnd) {
                        bySeries.computeIfAbsent(call.series(), k -> Collections.synchronizedList(new ArrayList<>())).add(micros);
                        byRange.computeIfAbsent(call.range(), k -> Collections.synchronizedList(new ArrayList<>())).add(micros);
                    }
                }
            });
            worker.start();
            workers.add(worker);
        }
        for (Thread w : workers) {
            w.join();
        }
        long calls = bySeries.values().stream().mapToLong(List::size).sum();
        System.out.printf(Locale.ROOT, "load: %d client threads, %d s warm-up, %d s measured: %,d calls (%.0f/s), %d not 200%n",
                threads, warmup, seconds, calls, calls / (double) seconds, errors.get());
        System.out.println("| series | calls | p50 ms | p95 ms | p99 ms | max ms |");
        System.out.println("|---|---|---|---|---|---|");
        new TreeMap<>(bySeries).forEach((k, v) -> row(k, v));
        System.out.println("| **by range** | | | | | |");
        for (String r : List.of("day", "week", "month", "quarter")) {
            if (byRange.containsKey(r)) {
                row(r, byRange.get(r));
            }
        }
        List<Long> all = new ArrayList<>();
        bySeries.values().forEach(all::addAll);
        row("**all**", all);
    }

    private static Call call(Random random, LocalDate firstDay, LocalDate lastDay, List<Long> categories, List<Long> groups) {
        String[] ranges = {"day", "week", "month", "quarter"};
        String range = ranges[random.nextInt(ranges.length)];
        int length = switch (range) {
            case "day" -> 1;
            case "week" -> 7;
            case "month" -> 30;
            default -> 91;
        };
        long span = ChronoUnit.DAYS.between(firstDay, lastDay) + 1 - length;
        LocalDate from = firstDay.plusDays((long) (random.nextDouble() * (span + 1)));
        LocalDate to = from.plusDays(length - 1);
        String hourOrDay = length <= 7 ? "HOUR" : "DAY";
        String[] series = {"inflow by channel", "inflow by category", "backlog by line", "backlog by group", "first-line wait",
                "escalation share", "solved", "top categories", "sla met", "alerts"};
        String s = series[random.nextInt(series.length)];
        String path = switch (s) {
            case "inflow by channel" -> "/api/v1/analytics/inflow?by=channel&interval=" + hourOrDay;
            case "inflow by category" -> "/api/v1/analytics/inflow?by=category&interval=" + (length > 30 ? "WEEK" : "DAY");
            case "backlog by line" -> "/api/v1/analytics/backlog?by=line&interval=" + hourOrDay;
            case "backlog by group" -> "/api/v1/analytics/backlog?by=group&interval=" + hourOrDay;
            case "first-line wait" -> "/api/v1/analytics/first-line-wait?x=1";
            case "escalation share" -> "/api/v1/analytics/escalation-share?x=1";
            case "solved" -> "/api/v1/analytics/solved?x=1";
            case "sla met" -> "/api/v1/analytics/sla-met?interval=" + hourOrDay;
            case "alerts" -> "/api/v1/analytics/alerts?days=" + Math.min(90, length);
            default -> "/api/v1/analytics/top-categories?limit=10";
        };
        path += "&from=" + from + "&to=" + to;
        double f = random.nextDouble();
        if (f < 0.15) {
            path += "&channel=" + List.of("EMAIL", "WEB", "API").get(random.nextInt(3));
        } else if (f < 0.30) {
            path += "&categoryId=" + categories.get(random.nextInt(categories.size()));
        } else if (f < 0.40) {
            path += "&groupId=" + groups.get(random.nextInt(groups.size()));
        } else if (f < 0.50) {
            path += "&line=" + (random.nextBoolean() ? "FIRST" : "SECOND");
        }
        return new Call(s, range, path);
    }

    private static void row(String name, List<Long> micros) {
        List<Long> sorted = new ArrayList<>(micros);
        Collections.sort(sorted);
        if (sorted.isEmpty()) {
            return;
        }
        System.out.printf(Locale.ROOT, "| %s | %,d | %.1f | %.1f | %.1f | %.1f |%n", name, sorted.size(), pct(sorted, 0.50),
                pct(sorted, 0.95), pct(sorted, 0.99), sorted.get(sorted.size() - 1) / 1000.0);
    }

    private static double pct(List<Long> sorted, double q) {
        int i = (int) Math.min(sorted.size() - 1, Math.max(0, Math.ceil(q * sorted.size()) - 1));
        return sorted.get(i) / 1000.0;
    }

}
