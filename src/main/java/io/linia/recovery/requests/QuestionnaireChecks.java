package io.linia.recovery.requests;

import io.linia.recovery.MailboxAddress;
import io.linia.shared.CleanTextValidator;
import io.linia.shared.DomainException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The size and sense limits of a questionnaire (or an "ask for more" round), every problem at its field,
 * so a page can show them all at once and the API names the first.
 */
final class QuestionnaireChecks {

    /** Nobody had a mailbox before this day (the first large Russian free mail services opened in 1997–98). */
    static final LocalDate EARLIEST = LocalDate.of(1995, 1, 1);
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final int PASSWORD_LENGTH = 128;

    private final RecoveryRequestProperties limits;
    private final Clock clock;
    private final ZoneId zone;

    QuestionnaireChecks(RecoveryRequestProperties limits, Clock clock, ZoneId zone) {
        this.limits = limits;
        this.clock = clock;
        this.zone = zone;
    }

    /** Problems of the whole questionnaire: the addresses, then the answers. */
    Map<String, DomainException> problems(Questionnaire q) {
        Map<String, DomainException> problems = new LinkedHashMap<>();
        String mailbox = null;
        try {
            mailbox = MailboxAddress.parse("mailbox", q.mailbox()).value();
        } catch (DomainException e) {
            problems.put("mailbox", e);
        }
        String contact = q.contactEmail() == null ? "" : q.contactEmail().strip();
        if (contact.isEmpty()) {
            problems.put("contactEmail", DomainException.invalid("contactEmail", "recovery.request.contact.required"));
        } else if (contact.length() > 254 || !EMAIL.matcher(contact).matches()) {
            problems.put("contactEmail", DomainException.invalid("contactEmail", "recovery.address.invalid", contact));
        } else if (mailbox != null && sameMailbox(mailbox, contact)) {
            problems.put("contactEmail", DomainException.invalid("contactEmail", "recovery.request.contact.same"));
        }
        text(problems, "contactName", q.contactName(), 120);
        problems.putAll(answerProblems(q.answers()));
        return problems;
    }

    /** Problems of the remembered facts alone. */
    Map<String, DomainException> answerProblems(Questionnaire.Answers a) {
        Map<String, DomainException> problems = new LinkedHashMap<>();
        if (a == null) {
            problems.put("answers", DomainException.invalid("answers", "recovery.request.answers.none"));
            return problems;
        }
        LocalDate today = LocalDate.now(clock.withZone(zone));
        date(problems, "registrationDate", a.registrationDate(), today);
        date(problems, "lastLoginDate", a.lastLoginDate(), today);
        if (a.registrationDate() != null && a.lastLoginDate() != null && a.lastLoginDate().isBefore(a.registrationDate())
                && !problems.containsKey("lastLoginDate")) {
            problems.put("lastLoginDate", DomainException.invalid("lastLoginDate", "recovery.request.lastLogin.beforeRegistration"));
        }
        text(problems, "registrationCity", a.registrationCity(), 100);
        if (a.passwords().size() > limits.maxPasswords()) {
            problems.put("passwords", DomainException.invalid("passwords", "recovery.request.passwords.tooMany", limits.maxPasswords()));
        } else if (a.passwords().stream().anyMatch(p -> p.length() > PASSWORD_LENGTH)) {
            problems.put("passwords", DomainException.invalid("passwords", "recovery.request.passwords.tooLong", PASSWORD_LENGTH));
        }
        list(problems, "folders", a.folders());
        list(problems, "contacts", a.contacts());
        list(problems, "filters", a.filters());
        list(problems, "devices", a.devices());
        text(problems, "freeText", a.freeText(), limits.maxFreeText());
        if (!a.anyEvidence()) {
            problems.putIfAbsent("answers", DomainException.invalid("answers", "recovery.request.answers.none"));
        }
        return problems;
    }

    private static boolean sameMailbox(String mailbox, String contact) {
        try {
            return MailboxAddress.parse("contactEmail", contact).value().equals(mailbox);
        } catch (DomainException e) {
            return false;
        }
    }

    private static void date(Map<String, DomainException> problems, String field, LocalDate date, LocalDate today) {
        if (date == null) {
            return;
        }
        if (date.isAfter(today)) {
            problems.put(field, DomainException.invalid(field, "recovery.request.date.future"));
        } else if (date.isBefore(EARLIEST)) {
            problems.put(field, DomainException.invalid(field, "recovery.request.date.tooEarly", EARLIEST.getYear()));
        }
    }

    private void list(Map<String, DomainException> problems, String field, List<String> items) {
        if (items.size() > limits.maxListItems()) {
            problems.put(field, DomainException.invalid(field, "recovery.request.list.tooMany", limits.maxListItems()));
            return;
        }
        for (String item : items) {
            if (item.length() > limits.maxItemLength()) {
                problems.put(field, DomainException.invalid(field, "recovery.request.list.tooLong", limits.maxItemLength()));
                return;
            }
            if (CleanTextValidator.problemOf(item, Integer.MAX_VALUE) != null) {
                problems.put(field, DomainException.invalid(field, "linia.validation.invalidCharacters"));
                return;
            }
        }
    }

    private static void text(Map<String, DomainException> problems, String field, String value, int maxChars) {
        if (value == null) {
            return;
        }
        if (value.length() > maxChars) {
            problems.put(field, DomainException.invalid(field, "recovery.request.text.tooLong", maxChars));
        } else if (CleanTextValidator.problemOf(value, Integer.MAX_VALUE) != null) {
            problems.put(field, DomainException.invalid(field, "linia.validation.invalidCharacters"));
        }
    }
}
