package io.linia.quality;

import io.linia.accounts.Actor;
import io.linia.accounts.UserDirectory;
import io.linia.routing.RoutingDirectory;
import io.linia.support.MovingClock;
import io.linia.tickets.Channel;
import io.linia.tickets.Priority;
import io.linia.tickets.TicketCommands;
import io.linia.tickets.TicketService;
import io.linia.tickets.TicketView;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The quality tests' shared context: a clock the tests move (each test works in its own weeks, far from the demo
 * data's), a known rating secret, and helpers that make and solve tickets through the tickets module.
 */
@TestConfiguration(proxyBeanMethods = false)
public class QualityContext {

    public static final String PROPERTIES_CONTEXT = "linia.test.context=quality";
    public static final String PROPERTIES_SCHEMA = "linia.test.pg.schema=ctx_quality";
    public static final String PROPERTIES_SECRET = "linia.quality.rating-secret=quality-test-secret-0123456789abcdef";

    private static final AtomicInteger CUSTOMERS = new AtomicInteger();

    @Bean
    @Primary
    Clock qualityClock() {
        return new Clock();
    }

    /** Linia's clock in these tests. */
    public static final class Clock extends MovingClock {
    }

    /** Makes and handles tickets as people would. */
    public record Desk(TicketService tickets, UserDirectory users, RoutingDirectory routing) {

        public Actor actor(String login) {
            return users.userByLogin(login).orElseThrow().toActor();
        }

        public Actor newCustomer() {
            int n = CUSTOMERS.incrementAndGet();
            return users.findOrCreateCustomer("quality." + n + "." + System.nanoTime() + "@example.ru", "Клиент " + n).toActor();
        }

        public long category(String code) {
            return routing.categoryByCode(code).orElseThrow().id();
        }

        public TicketView open(Actor customer, Long categoryId) {
            return tickets.create(customer, new TicketCommands.NewTicket("Вопрос zzqx " + System.nanoTime(),
                    "Текст zzqx обращения", null, null, categoryId, Priority.NORMAL), Channel.WEB);
        }

        /** A first-line agent answers, which solves the ticket. */
        public TicketView answered(TicketView t, String agent) {
            return tickets.answer(actor(agent), t.number(), new TicketCommands.Answer("Ответ на обращение", null, null, null));
        }
    }

    public static Instant at(String iso) {
        return Instant.parse(iso);
    }
}
