package io.linia.bench;

import io.linia.LiniaApplication;
import io.linia.accounts.Actor;
import io.linia.accounts.UserDirectory;
import io.linia.sla.ServiceLevels;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The SLA pass over a desk with N open tickets (default 1,000,000) on PostgreSQL: each ticket runs a
 * first-response and a resolution target, their due times spread over the next hours; a share of them
 * (--due-percent, default 1 %) has crossed its warning point and half of that its due time since the
 * last pass. Prints the time of that pass (warnings, breaches, notices to the team lead, the tickets'
 * queue state) and of the next, steady-state pass. The tickets are written with one INSERT … SELECT from
 * generate_series, not through Linia (that is not what is measured here).
 *
 * Options: --pg JDBC-URL (required; the database is emptied first; user linia/linia), --tickets N, --due-percent P.
 */
public final class SlaBenchmark {

    public static void main(String[] args) {
        Map<String, String> o = new HashMap<>(Map.of("tickets", "1000000", "due-percent", "1"));
        for (int i = 0; i + 1 < args.length; i += 2) {
            o.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        String url = o.get("pg");
        if (url == null) {
            throw new IllegalArgumentException("--pg jdbc:postgresql://… is required");
        }
        int n = Integer.parseInt(o.get("tickets"));
        double duePercent = Double.parseDouble(o.get("due-percent"));
        System.out.printf(Locale.ROOT, "machine: %d cores, %s %s%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name"), System.getProperty("java.version"));
        org.flywaydb.core.Flyway.configure().dataSource(url, "linia", "linia").cleanDisabled(false).load().clean();
        ConfigurableApplicationContext context = new SpringApplicationBuilder(LiniaApplication.class)
                .web(WebApplicationType.NONE).bannerMode(Banner.Mode.OFF).logStartupInfo(false)
                .run("--spring.datasource.url=" + url, "--spring.datasource.username=linia", "--spring.datasource.password=linia",
                        "--linia.demo.tickets=false", "--linia.sla.evaluate=false", "--linia.mail.inbound-enabled=false",
                        "--spring.jmx.enabled=false", "--logging.level.root=WARN", "--linia.categorisation.retrain-cron=-",
                        "--linia.knowledge.index-dir=bench/target/sla-bench-index");
        try {
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            Actor admin = context.getBean(UserDirectory.class).userByLogin("admin").orElseThrow().toActor();
            long customer = context.getBean(UserDirectory.class).userByLogin("customer").orElseThrow().id();
            long policy = jdbc.queryForObject("select min(id) from sla_policy where line = 'FIRST'", Long.class);
            Instant now = Instant.now();
            long t0 = System.nanoTime();
            // due times: (100 - duePercent) % of tickets in the next 1..600 minutes, duePercent % already past the
            // warning point, half of those past the due time
            int dueEvery = (int) Math.max(1, Math.round(100 / duePercent));
            jdbc.update("insert into ticket (id, subject, customer_id, customer_email, customer_name, channel, line, state,"
                    + " priority, reopen_count, created_at, updated_at, queued_at, version, suggestion_confident,"
                    + " category_by_person, category_corrected, sla_state, sla_due_at)"
                    + " select 100000000 + g, 'Тикет ' || g, ?, 'ivan.petrov@example.ru', 'Иван Петров', 'EMAIL', 'FIRST', 'NEW',"
                    + " 'NORMAL', 0, now() - interval '1 hour', now(), now() - interval '1 hour', 0, false, false, false, 'OK',"
                    + " now() + (g % 600 + 1) * interval '1 minute' from generate_series(1, ?) g", customer, n);
            long ticketsWritten = System.nanoTime();
            jdbc.update("insert into sla_target (id, ticket_id, target, policy_id, line, business_time, target_seconds,"
                    + " started_at, consumed_secs, running_since, due_at, warn_at, active)"
                    + " select 100000000 + g * 2 + k, 100000000 + g, case when k = 0 then 'FIRST_RESPONSE' else 'RESOLUTION' end,"
                    + " ?, 'FIRST', false, 3600, now() - interval '1 hour', 0, now() - interval '1 hour',"
                    + " case when k = 0 and g % ? = 0 then now() + case when (g / ?) % 2 = 1 then interval '-1 minute' else interval '10 minute' end"
                    + "      else now() + (g % 600 + 1 + k * 600) * interval '1 minute' end,"
                    + " case when k = 0 and g % ? = 0 then now() - interval '2 minute'"
                    + "      else now() + (g % 600 + 1 + k * 600) * interval '1 minute' - interval '12 minute' end,"
                    + " true from generate_series(1, ?) g, generate_series(0, 1) k", policy, dueEvery, dueEvery, dueEvery, n);
            jdbc.execute("analyze ticket");
            jdbc.execute("analyze sla_target");
            System.out.printf(Locale.ROOT, "desk: %,d open tickets, %,d running targets, written in %.1f s (tickets %.1f s)%n",
                    n, 2L * n, (System.nanoTime() - t0) / 1e9, (ticketsWritten - t0) / 1e9);
            ServiceLevels levels = context.getBean(ServiceLevels.class);
            ServiceLevels.EvaluationResult first = levels.evaluate(admin);
            System.out.printf(Locale.ROOT, "pass 1: %,d warnings, %,d breaches in %,d ms (%,.0f targets/s)%n",
                    first.warned(), first.breached(), first.millis(),
                    (first.warned() + first.breached()) * 1000.0 / Math.max(1, first.millis()));
            ServiceLevels.EvaluationResult second = levels.evaluate(admin);
            System.out.printf(Locale.ROOT, "pass 2 (steady state, nothing new): %,d warnings, %,d breaches in %,d ms%n",
                    second.warned(), second.breached(), second.millis());
            long notices = jdbc.queryForObject("select count(*) from sla_notice", Long.class);
            long breachedTickets = jdbc.queryForObject("select count(*) from ticket where sla_state = 'BREACHED'", Long.class);
            System.out.printf(Locale.ROOT, "  notices to team leads: %,d; tickets marked breached for the queues: %,d%n",
                    notices, breachedTickets);
        } finally {
            context.close();
        }
        System.exit(0);
    }
}
