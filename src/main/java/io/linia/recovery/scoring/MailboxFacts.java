package io.linia.recovery.scoring;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the account directory knows about the mailbox; empty fields are facts it does not have.
 *
 * @param registrationDate day of registration
 * @param registrationCity city of registration (from the IP at the time)
 * @param folders          the owner's own folders
 * @param contacts         frequent correspondents, each one item under all it is known by (its address and its display name)
 * @param filters          the owner's filters, each one item under its name and its description
 * @param logins           successful logins, any order
 * @param passwordCheck    whether a candidate is the current or a previous password
 */
public record MailboxFacts(LocalDate registrationDate, String registrationCity, List<String> folders, List<KnownItem> contacts,
                           List<KnownItem> filters, List<Login> logins, PasswordCheck passwordCheck) {

    /**
     * One contact or filter the directory knows, under each of the names a person may remember it by: a contact's address
     * and display name, a filter's name and description. It counts as one thing remembered, whichever alias is given
     * and however many of them are.
     *
     * @param aliases the non-blank names of the same thing, at least one
     */
    public record KnownItem(List<String> aliases) {
        public KnownItem {
            aliases = OwnerAnswers.clean(aliases).stream().map(String::strip).toList();
            if (aliases.isEmpty()) {
                throw new IllegalArgumentException("a known item needs at least one non-blank alias");
            }
        }

        /** The item under these aliases; blank or missing ones (a contact without a display name) are left out. */
        public static KnownItem of(String... aliases) {
            return new KnownItem(Arrays.asList(aliases));
        }

        /** Whether any of the aliases is non-blank, i.e. whether {@link #of} would make an item of them. */
        public static boolean anyGiven(String... aliases) {
            return !OwnerAnswers.clean(Arrays.asList(aliases)).isEmpty();
        }
    }

    /**
     * One successful login.
     *
     * @param date   its day
     * @param client the device or mail client seen (may be empty)
     */
    public record Login(LocalDate date, String client) {
        public Login {
            Objects.requireNonNull(date, "date");
        }
    }

    public MailboxFacts {
        folders = OwnerAnswers.clean(folders);
        contacts = contacts == null ? List.of() : contacts.stream().filter(Objects::nonNull).toList();
        filters = filters == null ? List.of() : filters.stream().filter(Objects::nonNull).toList();
        logins = logins == null ? List.of() : List.copyOf(logins);
        registrationCity = registrationCity == null || registrationCity.isBlank() ? null : registrationCity.strip();
        passwordCheck = passwordCheck == null ? PasswordCheck.UNAVAILABLE : passwordCheck;
    }

    /** The most recent successful login's day. */
    public Optional<LocalDate> lastLogin() {
        return logins.stream().map(Login::date).max(Comparator.naturalOrder());
    }

    /** The distinct devices and clients seen at logins. */
    public List<String> clients() {
        return logins.stream().map(Login::client).filter(c -> c != null && !c.isBlank()).distinct().toList();
    }
}
