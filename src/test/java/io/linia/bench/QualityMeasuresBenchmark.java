package io.linia.bench;

import io.linia.LiniaApplication;
import io.linia.accounts.UserAdministration;
import io.linia.accounts.UserDirectory;
import io.linia.quality.internal.MeasureUpkeep;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
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
 * The quality measures API over a year of a busy desk on PostgreSQL (default 1,000,000 tickets over 365 days, the
 * desk's daily and weekly shape in Moscow time). Written straight into the tables with INSERT … SELECT (the write
 * path is not what is measured): 60 first-line agents in 3 first-line teams, 5 second-line agents per second-line
 * group, the tickets and their histories with the agents as actors, a rating request per solve (30 % rated), an SLA
 * outcome per stint (first line: met when answered within 15 min), reviews of 2 % of the tickets. Then the measures'
 * facts and day cells are rebuilt from scratch ({@link MeasureUpkeep#rebuild}, time printed), and client threads call
 * {@code GET /api/v1/quality/measures?by=agent|group&id=…} over HTTP for a month or a quarter ending on a random day
 * (half of the periods start and end at midnight, half at a random hour: partial days read from the facts). Prints
 * p50/p95/p99 per query (target: p95 ≤ 300 ms).
 *
 * Each ticket's life (as the analytics benchmark): answered after an exponential wait (mean 35 min) — 60 % by the
 * first line, 40 % escalated and solved by the second line after an exponential 6 h; 5 % reopened a day after the
 * solve and solved again 2 h later; closed 7 days after its last solve. Steps after the bench's "now" are not written.
 *
 * <p>The team leads' pages too ({@code --calls api,pages}, the default; or one of them): a signed-in session (form
 * login at /login with its CSRF token) of the demo lead GETs an agent's page ({@code /agent/quality/measures/agent/{id}},
 * the agent next to their group, both week by week) and a group's page ({@code /agent/quality/measures/group/{id}},
 * its agents compared and its weekly trend) for a month or a quarter of whole days, and a bench L1 agent (given the
 * demo password) GETs their "my quality" ({@code /agent/quality/me}); p50/p95/p99 per page as for the API.
 *
 * Options: --pg JDBC-URL (required; the schema is emptied first; user linia/linia), --schema S (default public),
 * --tickets N, --days D, --reuse true (keep a schema that already holds a loaded desk: no emptying, loading or rebuild;
 * Linia starts on it and Flyway applies newer migrations; the period is the tickets' days),
 * --calls api,pages, --threads T (default 2), --seconds S (measured, default 60), --warmup S (default 15).
 */
public final class QualityMeasuresBenchmark {

    private static final ZoneId DESK = ZoneId.of("Europe/Moscow");
    private static final double[] HOUR_OF_DAY = {0.15, 0.1, 0.08, 0.08, 0.1, 0.2, 0.4, 0.8, 1.4, 2.0, 2.4, 2.5,
            2.3, 2.2, 2.4, 2.3, 2.1, 1.8, 1.5, 1.2, 1.0, 0.8, 0.5, 0.3};
    private static final double[] DAY_OF_WEEK = {1.15, 1.05, 1.0, 1.0, 0.95, 0.55, 0.5};
    private static final int L1_AGENTS = 60;
    private static final int L1_TEAMS = 3;
    private static final int L2_PER_GROUP = 5;

    public static void main(String[] args) throws Exception {
        Map<String, String> o = new HashMap<>(Map.of("tickets", "1000000", "days", "365", "threads", "2", "seconds", "60",
                "warmup", "15", "reuse", "false", "calls", "api,pages"));
        for (int i = 0; i + 1 < args.length; i += 2) {
            o.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        String url = o.get("pg");
        if (url == null) {
            throw new IllegalArgumentException("--pg jdbc:postgresql://… is required");
        }
        int n = Integer.parseInt(o.get("tickets"));
        int days = Integer.parseInt(o.get("days"));
        System.out.printf(Locale.ROOT, "machine: %d cores, %s %s, load average %s%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name"), System.getProperty("java.version"), load());
        String schema = o.getOrDefault("schema", "public");
        url += (url.contains("?") ? "&" : "?") + "currentSchema=" + schema + "&reWriteBatchedInserts=true";
        boolean reuse = Boolean.parseBoolean(o.get("reuse"));
        if (reuse && !loaded(url)) {
            System.out.println("--reuse true: the schema holds no loaded desk (no tickets or no facts); loading it");
            reuse = false;
        }
        if (!reuse) {
            org.flywaydb.core.Flyway.configure().dataSource(url, "linia", "linia").schemas(schema).cleanDisabled(false).load().clean();
        }
        // a reused schema may come from an earlier build: migrations merged since with lower numbers are applied out of
        // order, and an edited migration's checksum (comments) is not held against it
        List<String> reuseArgs = reuse ? List.of("--spring.flyway.out-of-order=true", "--spring.flyway.validate-on-migrate=false")
                : List.of();
        List<String> appArgs = new ArrayList<>(reuseArgs);
        appArgs.addAll(List.of("--spring.datasource.url=" + url, "--spring.datasource.username=linia", "--spring.datasource.password=linia",
                        "--spring.flyway.schemas=" + schema, "--server.port=0", "--linia.demo.tickets=false", "--linia.sla.evaluate=false", "--linia.automation.idle-rules=false",
                        "--linia.mail.inbound-enabled=false", "--spring.jmx.enabled=false", "--logging.level.root=WARN",
                        "--linia.categorisation.retrain-cron=-", "--linia.knowledge.index-dir=bench/target/quality-bench-index"));
        ConfigurableApplicationContext context = new SpringApplicationBuilder(LiniaApplication.class)
                .web(WebApplicationType.SERVLET).bannerMode(Banner.Mode.OFF).logStartupInfo(false)
                .run(appArgs.toArray(String[]::new));
        try {
            int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            UserDirectory users = context.getBean(UserDirectory.class);
            long leadId = users.userByLogin("lead").orElseThrow().id();
            long customer = users.userByLogin("customer").orElseThrow().id();
            String token = context.getBean(UserAdministration.class).issueToken(leadId, "quality-bench").secret();
            List<Long> categories = jdbc.queryForList("select id from category where active order by id", Long.class);
            List<Long> groups = jdbc.queryForList("select id from support_group where active order by id", Long.class);

            LocalDate lastDay;
            LocalDate firstDay;
            Agents agents;
            if (reuse) {
                agents = loadedAgents(jdbc);
                firstDay = jdbc.queryForObject("select min(created_at) from ticket", java.sql.Timestamp.class).toInstant()
                        .atZone(DESK).toLocalDate();
                lastDay = jdbc.queryForObject("select max(created_at) from ticket", java.sql.Timestamp.class).toInstant()
                        .atZone(DESK).toLocalDate();
                System.out.printf(Locale.ROOT, "desk reused: %,d tickets (%s … %s), %,d facts, %,d day cells; %d L1 agents in %d"
                                + " teams, %d L2 agents in %d groups; load average %s%n", count(jdbc, "ticket"), firstDay, lastDay,
                        count(jdbc, "quality_fact"), count(jdbc, "quality_measure_day"), agents.l1().size(),
                        agents.l1Teams().size(), agents.l2().size(), agents.l2Groups().size(), load());
            } else {
                lastDay = LocalDate.now(DESK).minusDays(1);
                firstDay = lastDay.minusDays(days - 1);
                Instant now = lastDay.plusDays(1).atStartOfDay(DESK).toInstant();
                long t0 = System.nanoTime();
                agents = agents(jdbc, groups);
                write(jdbc, n, firstDay, lastDay, now, customer, leadId, categories, groups);
                long written = System.nanoTime();
                long steps = jdbc.queryForObject("select count(*) from ticket_history", Long.class);
                System.out.printf(Locale.ROOT, "desk: %,d tickets (%s … %s), %,d history steps, %,d rating requests, %,d ratings,"
                                + " %,d SLA outcomes, %,d reviews; %d L1 agents in %d teams, %d L2 agents in %d groups; written in %.1f s%n",
                        n, firstDay, lastDay, steps, count(jdbc, "quality_rating_request"), count(jdbc, "quality_rating"),
                        count(jdbc, "quality_sla_outcome"), count(jdbc, "quality_review"), L1_AGENTS, L1_TEAMS,
                        groups.size() * L2_PER_GROUP, groups.size(), (written - t0) / 1e9);

                long r0 = System.nanoTime();
                long derived = context.getBean(MeasureUpkeep.class).rebuild(2000, Duration.ofHours(2));
                double rebuild = (System.nanoTime() - r0) / 1e9;
                // what autovacuum does in production: statistics, and the visibility map for index-only scans
                jdbc.execute("vacuum analyze quality_fact");
                jdbc.execute("vacuum analyze quality_measure_day");
                System.out.printf(Locale.ROOT, "measures rebuilt from scratch in %.1f s (%,.0f tickets/s): %,d facts, %,d day cells;"
                                + " load average %s%n", rebuild, derived / rebuild, count(jdbc, "quality_fact"),
                        count(jdbc, "quality_measure_day"), load());
            }
            // the agent whose "my quality" is read signs in with the demo password
            jdbc.update("update app_user set password_hash = ? where id = ?",
                    context.getBean(org.springframework.security.crypto.password.PasswordEncoder.class).encode(PASSWORD),
                    agents.l1().get(0));
            String login = jdbc.queryForObject("select login from app_user where id = ?", String.class, agents.l1().get(0));

            String base = "http://localhost:" + port;
            Sessions sessions = new Sessions(o.get("calls").contains("pages") ? signIn(base, "lead") : null,
                    o.get("calls").contains("pages") ? signIn(base, login) : null, o.get("calls").contains("api"));
            drive(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(), base, token, sessions,
                    firstDay, lastDay, agents, Integer.parseInt(o.get("threads")), Integer.parseInt(o.get("warmup")),
                    Integer.parseInt(o.get("seconds")));
            System.out.printf(Locale.ROOT, "load average at the end %s%n", load());
        } finally {
            context.close();
        }
        System.exit(0);
    }

    private record Agents(List<Long> l1, List<Long> l2, List<Long> l1Teams, List<Long> l2Groups) {
    }

    private static final String PASSWORD = "linia2026";

    /** Who calls: the lead's and the agent's signed-in sessions for the pages (null: no pages), and whether the API. */
    private record Sessions(HttpClient lead, HttpClient agent, boolean api) {
    }

    /** Whether the schema already holds a loaded desk: tickets and the measures' facts. */
    private static boolean loaded(String url) {
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(url, "linia", "linia");
             java.sql.Statement st = c.createStatement();
             java.sql.ResultSet rs = st.executeQuery("select (select count(*) from (select 1 from ticket limit 1) t),"
                     + " (select count(*) from (select 1 from quality_fact limit 1) f)")) {
            return rs.next() && rs.getLong(1) > 0 && rs.getLong(2) > 0;
        } catch (java.sql.SQLException e) {
            return false;
        }
    }

    /** The bench's agents, teams and groups as a earlier run wrote them. */
    private static Agents loadedAgents(JdbcTemplate jdbc) {
        return new Agents(jdbc.queryForList("select id from app_user where login like 'bench-l1-%' order by id", Long.class),
                jdbc.queryForList("select id from app_user where login like 'bench-l2-%' order by id", Long.class),
                jdbc.queryForList("select id from support_group where id >= 900000 and id < 900000 + " + L1_TEAMS
                        + " order by id", Long.class),
                jdbc.queryForList("select distinct g.group_id from app_user_group g join app_user u on u.id = g.user_id"
                        + " where u.login like 'bench-l2-%' order by g.group_id", Long.class));
    }

    /** A client signed in by the login form (its CSRF token first), keeping the session's cookie. */
    private static HttpClient signIn(String base, String login) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .cookieHandler(new java.net.CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
        String form = http.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(), HttpResponse.BodyHandlers.ofString()).body();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"").matcher(form);
        if (!m.find()) {
            throw new IllegalStateException("no CSRF token on /login");
        }
        String body = "username=" + java.net.URLEncoder.encode(login, java.nio.charset.StandardCharsets.UTF_8) + "&password="
                + PASSWORD + "&_csrf=" + java.net.URLEncoder.encode(m.group(1), java.nio.charset.StandardCharsets.UTF_8);
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        String where = r.headers().firstValue("Location").orElse("");
        if (r.statusCode() != 302 || where.contains("error")) {
            throw new IllegalStateException("sign-in of " + login + " refused: " + r.statusCode() + " " + where);
        }
        return http;
    }

    private static long count(JdbcTemplate jdbc, String table) {
        return jdbc.queryForObject("select count(*) from " + table, Long.class);
    }

    private static String load() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).strip();
        } catch (Exception e) {
            return "?";
        }
    }

    /** The desk's agents, straight into the tables: first-line teams (groups) of 20, 5 agents per second-line group. */
    private static Agents agents(JdbcTemplate jdbc, List<Long> groups) {
        List<Long> teams = new ArrayList<>();
        for (int t = 0; t < L1_TEAMS; t++) {
            long id = 900_000 + t;
            jdbc.update("insert into support_group (id, code, name_ru, name_en, description, active, version) values (?, ?, ?, ?, null, true, 0)",
                    id, "l1-team-" + t, "Первая линия " + t, "First line " + t);
            teams.add(id);
        }
        jdbc.execute("create unlogged table bench_agent (id bigint, line varchar(10), grp bigint, k int)");
        List<Long> l1 = new ArrayList<>();
        List<Long> l2 = new ArrayList<>();
        for (int a = 0; a < L1_AGENTS; a++) {
            long id = 1_000_000 + a;
            user(jdbc, id, "bench-l1-" + a, "AGENT_L1", teams.get(a % L1_TEAMS));
            jdbc.update("insert into bench_agent values (?, 'FIRST', null, ?)", id, a);
            l1.add(id);
        }
        for (int g = 0; g < groups.size(); g++) {
            for (int k = 0; k < L2_PER_GROUP; k++) {
                long id = 1_100_000 + g * 100L + k;
                user(jdbc, id, "bench-l2-" + g + "-" + k, "AGENT_L2", groups.get(g));
                jdbc.update("insert into bench_agent values (?, 'SECOND', ?, ?)", id, groups.get(g), k);
                l2.add(id);
            }
        }
        return new Agents(l1, l2, teams, groups);
    }

    private static void user(JdbcTemplate jdbc, long id, String login, String role, long group) {
        jdbc.update("insert into app_user (id, login, email, display_name, password_hash, locale, enabled, created_at, version)"
                + " values (?, ?, ?, ?, null, 'ru', true, now(), 0)", id, login, login + "@linia.local", login);
        jdbc.update("insert into app_user_role (user_id, role) values (?, ?)", id, role);
        jdbc.update("insert into app_user_group (user_id, group_id) values (?, ?)", id, group);
    }

    private static void write(JdbcTemplate jdbc, int n, LocalDate firstDay, LocalDate lastDay, Instant now, long customer,
                              long leadId, List<Long> categories, List<Long> groups) {
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
            long c = Math.round(exact);
            carry = exact - c;
            hours.get(i)[1] = c;
            assigned += c;
        }
        hours.get(hours.size() - 1)[1] += n - assigned;
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
        jdbc.execute("create unlogged table bench_t as select id, c,"
                + " case when u7 < 0.55 then 'EMAIL' when u7 < 0.85 then 'WEB' else 'API' end as channel,"
                + " (array[" + cats + "])[1 + least(" + (categories.size() - 1) + ", floor(" + categories.size() + " * power(u5, 1.8))::int)] as cat,"
                + " (array[" + grps + "])[1 + least(" + (groups.size() - 1) + ", floor(" + groups.size() + " * u6)::int)] as grp,"
                + " c + (-ln(1 - u1 * 0.999) * 35) * interval '1 minute' as responded,"
                + " u2 < 0.4 as esc, u4 < 0.05 as reopen, u3, u5,"
                + " 1000000 + mod(id * 31, " + L1_AGENTS + ") as a1, mod(id * 17, " + L2_PER_GROUP + ") as k2"
                + " from (select id, c, mod(id * 7919 + 11, 1000003) / 1000003.0 as u1, mod(id * 104729 + 17, 999983) / 999983.0 as u2,"
                + "   mod(id * 1299709 + 29, 999979) / 999979.0 as u3, mod(id * 15485863 + 31, 999961) / 999961.0 as u4,"
                + "   mod(id * 32452843 + 37, 999959) / 999959.0 as u5, mod(id * 49979687 + 41, 999953) / 999953.0 as u6,"
                + "   mod(id * 67867967 + 43, 999931) / 999931.0 as u7"
                + "   from (select bh.cum + k as id, to_timestamp(bh.h * 3600 + (k - 1) * 3600.0 / bh.n) as c"
                + "         from bench_hour bh, generate_series(1, bh.n) k) s) s2");
        jdbc.execute("create unlogged table bench_life as select t.*, a.id as a2,"
                + " case when esc then responded + (-ln(1 - u3 * 0.999) * 6) * interval '1 hour' else responded end as solved1"
                + " from bench_t t left join bench_agent a on a.line = 'SECOND' and a.grp = t.grp and a.k = t.k2");
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
        String solver = "case when esc then a2 else a1 end";
        String line = "case when esc then 'SECOND' else 'FIRST' end";
        String group = "case when esc then grp end";
        jdbc.update(cols + "select id * 8, id, c, " + customer + ", 'Иван Петров', 'CREATED', null, 'NEW', null, 'FIRST', null, null"
                + " from bench_life where c <= ?", at);
        jdbc.update(cols + "select id * 8 + 1, id, responded, a1, 'Агент', case when esc then 'ESCALATE' else 'ANSWER' end,"
                + " 'NEW', case when esc then 'OPEN' else 'SOLVED' end, 'FIRST', case when esc then 'SECOND' else 'FIRST' end,"
                + " null, case when esc then grp end from bench_life where responded <= ?", at);
        jdbc.update(cols + "select id * 8 + 2, id, solved1, a2, 'Агент', 'SOLVE', 'OPEN', 'SOLVED', 'SECOND', 'SECOND', grp, grp"
                + " from bench_life where esc and solved1 <= ?", at);
        jdbc.update(cols + "select id * 8 + 3, id, reopened_at, " + customer + ", 'Иван Петров', 'REOPENED', 'SOLVED', 'OPEN', "
                + line + ", " + line + ", " + group + ", " + group + " from bench_life where reopen and reopened_at <= ?", at);
        jdbc.update(cols + "select id * 8 + 4, id, solved2, " + solver + ", 'Агент', 'SOLVE', 'OPEN', 'SOLVED', " + line + ", "
                + line + ", " + group + ", " + group + " from bench_life where reopen and solved2 <= ?", at);
        jdbc.update(cols + "select id * 8 + 5, id, closed, null, 'Linia', 'AUTO_CLOSED', 'SOLVED', 'CLOSED', " + line + ", "
                + line + ", " + group + ", " + group + " from bench_life where closed <= ?", at);
        // quality's own rows: a rating request per solve (30 % rated), an SLA outcome per stint, 2 % reviewed
        jdbc.update("insert into quality_rating_request (id, ticket_id, agent_id, customer_id, issued_at, expires_at, used_at)"
                + " select id * 2, id, " + solver + ", " + customer + ", solved1, solved1 + interval '30 days',"
                + " case when u3 < 0.3 then solved1 + interval '1 hour' end from bench_life where solved1 <= ?", at);
        jdbc.update("insert into quality_rating_request (id, ticket_id, agent_id, customer_id, issued_at, expires_at)"
                + " select id * 2 + 1, id, " + solver + ", " + customer + ", solved2, solved2 + interval '30 days'"
                + " from bench_life where reopen and solved2 <= ?", at);
        jdbc.update("insert into quality_rating (request_id, ticket_id, agent_id, customer_id, scale, score, created_at, updated_at, changes)"
                + " select id * 2, id, " + solver + ", " + customer + ", 'FIVE', 1 + least(4, floor(u5 * 5)::int),"
                + " solved1 + interval '1 hour', solved1 + interval '1 hour', 0 from bench_life where u3 < 0.3 and solved1 <= ?", at);
        jdbc.update("insert into quality_sla_outcome (ticket_id, target, line, group_id, met, started_at, finished_at, recorded_at)"
                + " select id, 'FIRST_RESPONSE', 'FIRST', null, responded - c <= interval '15 minutes', c, responded, responded"
                + " from bench_life where responded <= ?", at);
        jdbc.update("insert into quality_sla_outcome (ticket_id, target, line, group_id, met, started_at, finished_at, recorded_at)"
                + " select id, 'RESOLUTION', 'SECOND', grp, solved1 - responded <= interval '3 days', responded, solved1, solved1"
                + " from bench_life where esc and solved1 <= ?", at);
        long rubric = jdbc.queryForObject("select id from quality_rubric where current_version", Long.class);
        jdbc.update("insert into quality_review (ticket_id, agent_id, reviewer_id, rubric_id, total_percent, created_at)"
                + " select id, " + solver + ", " + leadId + ", " + rubric + ", round((50 + u5 * 50)::numeric, 2), closed"
                + " from bench_life where mod(id, 50) = 0 and closed <= ?", at);
        jdbc.execute("select setval('ticket_seq', (select max(id) + 100 from ticket))");
        jdbc.execute("select setval('ticket_history_seq', (select max(id) + 100 from ticket_history))");
        jdbc.execute("select setval(pg_get_serial_sequence('quality_rating_request', 'id'), (select max(id) + 100 from quality_rating_request))");
        for (String t : List.of("bench_hour", "bench_t", "bench_life", "bench_agent")) {
            jdbc.execute("drop table " + t);
        }
        for (String t : List.of("ticket", "ticket_history", "quality_rating_request", "quality_rating", "quality_sla_outcome",
                "quality_review")) {
            jdbc.execute("analyze " + t);
        }
    }

    /** One call: its row in the table, its path, and the signed-in session it needs (null: the API with the token). */
    private record Call(String query, String path, HttpClient session) {
    }

    private static void drive(HttpClient http, String base, String token, Sessions sessions, LocalDate firstDay, LocalDate lastDay, Agents agents,
                              int threads, int warmup, int seconds) throws Exception {
        Map<String, List<Long>> byQuery = new ConcurrentHashMap<>();
        AtomicLong errors = new AtomicLong();
        long warmEnd = System.nanoTime() + warmup * 1_000_000_000L;
        long end = warmEnd + seconds * 1_000_000_000L;
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Random random = new Random(2000 + t);
            Thread worker = new Thread(() -> {
                while (System.nanoTime() < end) {
                    boolean page = sessions.lead() != null && (!sessions.api() || random.nextBoolean());
                    Call call = page ? page(random, firstDay, lastDay, agents, sessions) : call(random, firstDay, lastDay, agents);
                    long s = System.nanoTime();
                    int code;
                    try {
                        code = call.session() != null
                                ? call.session().send(HttpRequest.newBuilder(URI.create(base + call.path())).build(),
                                        HttpResponse.BodyHandlers.ofString()).statusCode()
                                : http.send(HttpRequest.newBuilder(URI.create(base + call.path()))
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
                        byQuery.computeIfAbsent(call.query(), k -> Collections.synchronizedList(new ArrayList<>())).add(micros);
                    }
                }
            });
            worker.start();
            workers.add(worker);
        }
        for (Thread w : workers) {
            w.join();
        }
        long calls = byQuery.values().stream().mapToLong(List::size).sum();
        System.out.printf(Locale.ROOT, "load: %d client threads, %d s warm-up, %d s measured: %,d calls (%.0f/s), %d not 200%n",
                threads, warmup, seconds, calls, calls / (double) seconds, errors.get());
        System.out.println("| query | calls | p50 ms | p95 ms | p99 ms | max ms |");
        System.out.println("|---|---|---|---|---|---|");
        new TreeMap<>(byQuery).forEach(QualityMeasuresBenchmark::row);
        List<Long> all = new ArrayList<>();
        byQuery.values().forEach(all::addAll);
        row("**all**", all);
    }

    /** An agent (first or second line) or a group (first-line team or second-line group), a month or a quarter. */
    private static Call call(Random random, LocalDate firstDay, LocalDate lastDay, Agents agents) {
        boolean quarter = random.nextBoolean();
        int length = quarter ? 91 : 30;
        long span = java.time.temporal.ChronoUnit.DAYS.between(firstDay, lastDay) + 1 - length;
        LocalDate fromDay = firstDay.plusDays((long) (random.nextDouble() * (span + 1)));
        Instant from = fromDay.atStartOfDay(DESK).toInstant();
        Instant to = fromDay.plusDays(length).atStartOfDay(DESK).toInstant();
        boolean partial = random.nextBoolean();
        if (partial) {
            from = from.plus(Duration.ofMinutes(random.nextInt(24 * 60)));
            to = to.plus(Duration.ofMinutes(random.nextInt(24 * 60)));
        }
        boolean agent = random.nextBoolean();
        String by;
        long id;
        String who;
        if (agent) {
            boolean l1 = random.nextInt(10) < 6;
            List<Long> pool = l1 ? agents.l1() : agents.l2();
            id = pool.get(random.nextInt(pool.size()));
            by = "agent";
            who = l1 ? "L1 agent" : "L2 agent";
        } else {
            boolean team = random.nextInt(10) < 4;
            List<Long> pool = team ? agents.l1Teams() : agents.l2Groups();
            id = pool.get(random.nextInt(pool.size()));
            by = "group";
            who = team ? "L1 team" : "L2 group";
        }
        String name = who + ", " + (quarter ? "quarter" : "month") + (partial ? " (partial days)" : "");
        return new Call(name, "/api/v1/quality/measures?by=" + by + "&id=" + id + "&from=" + from + "&to=" + to, null);
    }

    /**
     * A page for a month or a quarter of whole days: an agent's (first or second line) or a group's (first-line team or
     * second-line group) for the lead, or "my quality" of the signed-in L1 agent.
     */
    private static Call page(Random random, LocalDate firstDay, LocalDate lastDay, Agents agents, Sessions sessions) {
        boolean quarter = random.nextBoolean();
        int length = quarter ? 91 : 30;
        long span = java.time.temporal.ChronoUnit.DAYS.between(firstDay, lastDay) + 1 - length;
        LocalDate fromDay = firstDay.plusDays((long) (random.nextDouble() * (span + 1)));
        String period = "from=" + fromDay + "&to=" + fromDay.plusDays(length - 1);
        String len = quarter ? "quarter" : "month";
        int kind = random.nextInt(5);
        if (kind == 0) {
            return new Call("page: my quality (L1 agent), " + len, "/agent/quality/me?" + period, sessions.agent());
        }
        if (kind <= 2) {
            boolean l1 = kind == 1;
            List<Long> pool = l1 ? agents.l1() : agents.l2();
            return new Call("page: agent, " + (l1 ? "L1 agent" : "L2 agent") + ", " + len,
                    "/agent/quality/measures/agent/" + pool.get(random.nextInt(pool.size())) + "?" + period, sessions.lead());
        }
        boolean team = kind == 3;
        List<Long> pool = team ? agents.l1Teams() : agents.l2Groups();
        return new Call("page: group, " + (team ? "L1 team" : "L2 group") + ", " + len,
                "/agent/quality/measures/group/" + pool.get(random.nextInt(pool.size())) + "?" + period, sessions.lead());
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
