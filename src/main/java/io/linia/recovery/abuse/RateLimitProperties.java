package io.linia.recovery.abuse;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code linia.recovery.rate-limits.*}: how many access-recovery questionnaires are accepted within a sliding window,
 * counted separately per mailbox, per contact address and per IP address (IPv6: per /64 network, what one
 * subscriber usually gets). Each limit is {@code max} (1 to 10,000) within {@code window} (1 minute to 366 days);
 * a limit left out keeps its default, and so does a half given one.
 *
 * @param perMailbox the mailbox asked for (3 per P1D): a real owner rarely needs more than a retry or two a day,
 *                   while someone guessing at a stranger's mailbox tries again and again
 * @param perContact the address the answer goes to (3 per P1D): the same person asking for many mailboxes
 * @param perIp      the sender's IP address (10 per PT1H): a family or an office behind one address may have a few
 *                   locked-out mailboxes, a script has hundreds
 */
@Validated
@ConfigurationProperties("linia.recovery.rate-limits")
public record RateLimitProperties(@Valid Limit perMailbox, @Valid Limit perContact, @Valid Limit perIp) {

    /** At most {@code max} within {@code window}; null parts take the default of the limit they belong to. */
    public record Limit(@Min(1) @Max(10_000) Integer max, Duration window) {

        Limit withDefaults(String name, Limit defaults) {
            Limit limit = new Limit(max == null ? defaults.max : max, window == null ? defaults.window : window);
            if (limit.max < 1 || limit.max > 10_000) {
                throw new IllegalArgumentException("linia.recovery.rate-limits." + name + ".max: from 1 to 10000, not " + limit.max);
            }
            if (limit.window.compareTo(Duration.ofMinutes(1)) < 0 || limit.window.compareTo(Duration.ofDays(366)) > 0) {
                throw new IllegalArgumentException("linia.recovery.rate-limits." + name + ".window: from 1 minute (PT1M) to 366 days (P366D), not "
                        + limit.window);
            }
            return limit;
        }
    }

    public static final Limit DEFAULT_PER_MAILBOX = new Limit(3, Duration.ofDays(1));
    public static final Limit DEFAULT_PER_CONTACT = new Limit(3, Duration.ofDays(1));
    public static final Limit DEFAULT_PER_IP = new Limit(10, Duration.ofHours(1));

    public RateLimitProperties {
        perMailbox = (perMailbox == null ? DEFAULT_PER_MAILBOX : perMailbox).withDefaults("per-mailbox", DEFAULT_PER_MAILBOX);
        perContact = (perContact == null ? DEFAULT_PER_CONTACT : perContact).withDefaults("per-contact", DEFAULT_PER_CONTACT);
        perIp = (perIp == null ? DEFAULT_PER_IP : perIp).withDefaults("per-ip", DEFAULT_PER_IP);
    }

    /** The longest window: attempts older than this count for no limit. */
    Duration longestWindow() {
        Duration longest = perMailbox.window();
        if (perContact.window().compareTo(longest) > 0) {
            longest = perContact.window();
        }
        return perIp.window().compareTo(longest) > 0 ? perIp.window() : longest;
    }
}
