package io.linia.recovery.scoring;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Compares what a person answered with what the directory knows about the mailbox and scores the evidence of
 * ownership 0..100 with one explanation per kind of evidence. Pure: no storage, no clock, no logging;
 * candidate passwords go only to the directory's {@link PasswordCheck}.
 */
public final class EvidenceScoring {

    /** Folders every mailbox has: knowing them proves nothing, so they are left out on both sides. */
    private static final Set<String> STANDARD_FOLDERS = Set.of("входящие", "отправленные", "черновики", "спам", "удаленные",
            "корзина", "исходящие", "архив", "inbox", "sent", "sent items", "drafts", "spam", "junk", "trash", "deleted",
            "deleted items", "outbox", "archive");

    private final RecoveryScoringProperties settings;
    private final NameMatching names;

    public EvidenceScoring(RecoveryScoringProperties settings) {
        this.settings = settings;
        this.names = new NameMatching(settings.nameSimilarity());
    }

    public EvidenceScore score(OwnerAnswers answers, MailboxFacts facts) {
        List<EvidenceItem> items = new ArrayList<>();
        items.add(passwords(answers, facts));
        items.add(date(EvidenceKind.REGISTRATION_DATE, answers.registrationDate(), facts.registrationDate(),
                settings.registrationDateWeight(), settings.registrationToleranceDays(), settings.registrationZeroDays()));
        items.add(city(answers, facts));
        items.add(list(EvidenceKind.FOLDERS, withoutStandardFolders(answers.folders()),
                single(withoutStandardFolders(facts.folders())), settings.foldersWeight()));
        items.add(list(EvidenceKind.CONTACTS, answers.contacts(), aliases(facts.contacts()), settings.contactsWeight()));
        items.add(list(EvidenceKind.FILTERS, answers.filters(), aliases(facts.filters()), settings.filtersWeight()));
        items.add(list(EvidenceKind.DEVICES, answers.devices(), single(facts.clients()), settings.devicesWeight()));
        items.add(date(EvidenceKind.LAST_LOGIN, answers.lastLoginDate(), facts.lastLogin().orElse(null),
                settings.lastLoginWeight(), settings.lastLoginToleranceDays(), settings.lastLoginZeroDays()));
        double sum = items.stream().mapToDouble(EvidenceItem::points).sum();
        int score = (int) Math.min(100, Math.round(sum));
        return new EvidenceScore(score, settings.recommend(score), items);
    }

    private EvidenceItem passwords(OwnerAnswers answers, MailboxFacts facts) {
        EvidenceKind kind = EvidenceKind.PASSWORDS;
        int weight = settings.passwordWeight();
        List<String> candidates = answers.previousPasswords().stream().distinct().toList();
        if (candidates.isEmpty()) {
            return new EvidenceItem(kind, 0, weight, kind.code("unanswered"), List.of());
        }
        if (facts.passwordCheck() == PasswordCheck.UNAVAILABLE) {
            return new EvidenceItem(kind, 0, weight, kind.code("unknown"), List.of());
        }
        List<String> checked = candidates.subList(0, Math.min(candidates.size(), settings.maxPasswordCandidates()));
        int matches = 0;
        for (String candidate : checked) {
            if (facts.passwordCheck().matches(candidate)) {
                matches++;
            }
        }
        String outcome = matches > 0 ? "matched" : "none";
        return new EvidenceItem(kind, matches > 0 ? weight : 0, weight, kind.code(outcome), List.of(matches, checked.size()));
    }

    private static EvidenceItem date(EvidenceKind kind, LocalDate given, LocalDate known, int weight, int tolerance, int zero) {
        if (given == null) {
            return new EvidenceItem(kind, 0, weight, kind.code("unanswered"), List.of());
        }
        if (known == null) {
            return new EvidenceItem(kind, 0, weight, kind.code("unknown"), List.of());
        }
        long off = Math.abs(ChronoUnit.DAYS.between(known, given));
        double points;
        if (off <= tolerance) {
            points = weight;
        } else if (off >= zero) {
            points = 0;
        } else { // fades linearly from the tolerance to nothing
            points = weight * (double) (zero - off) / (zero - tolerance);
        }
        String outcome = off == 0 ? "exact" : off <= tolerance ? "close" : off < zero ? "far" : "wrong";
        return new EvidenceItem(kind, points, weight, kind.code(outcome), off == 0 ? List.of() : List.of(off));
    }

    private EvidenceItem city(OwnerAnswers answers, MailboxFacts facts) {
        EvidenceKind kind = EvidenceKind.REGISTRATION_CITY;
        int weight = settings.registrationCityWeight();
        if (answers.registrationCity() == null) {
            return new EvidenceItem(kind, 0, weight, kind.code("unanswered"), List.of());
        }
        if (facts.registrationCity() == null) {
            return new EvidenceItem(kind, 0, weight, kind.code("unknown"), List.of());
        }
        boolean match = NameMatching.similarity(answers.registrationCity(), facts.registrationCity()) >= settings.nameSimilarity();
        return new EvidenceItem(kind, match ? weight : 0, weight, kind.code(match ? "matched" : "none"), List.of());
    }

    /**
     * A list answer against the items the directory knows, each item under its aliases: counts are of items, not of
     * aliases, so one contact given by name and by address is one match, and a contact known by two names is one
     * contact towards those needed for full weight.
     */
    private EvidenceItem list(EvidenceKind kind, List<String> given, List<List<String>> known, int weight) {
        if (given.isEmpty()) {
            return new EvidenceItem(kind, 0, weight, kind.code("unanswered"), List.of());
        }
        if (known.isEmpty()) {
            return new EvidenceItem(kind, 0, weight, kind.code("unknown"), List.of(given.size()));
        }
        int matches = names.countItemMatches(given, known);
        // full weight needs as many matches as asked for, or all the directory knows if it knows fewer
        int needed = Math.min(settings.namesForFullWeight(), known.size());
        double points = weight * (double) matches / Math.max(given.size(), needed);
        return new EvidenceItem(kind, points, weight, kind.code(matches > 0 ? "matched" : "none"), List.of(matches, given.size()));
    }

    private static List<List<String>> single(List<String> names) {
        return names.stream().map(List::of).toList();
    }

    private static List<List<String>> aliases(List<MailboxFacts.KnownItem> items) {
        return items.stream().map(MailboxFacts.KnownItem::aliases).toList();
    }

    private static List<String> withoutStandardFolders(List<String> folders) {
        return folders.stream().filter(f -> !STANDARD_FOLDERS.contains(NameMatching.normalise(f))).toList();
    }
}
