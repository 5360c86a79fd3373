package io.linia.recovery.scoring;

import java.time.LocalDate;
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
 * @param contacts         frequent correspondents (addresses or names)
 * @param filters          the owner's filters (names or descriptions)
 * @param logins           successful logins, any order
 * @param passwordCheck    whether a candidate is the current or a previous password
 */
public record MailboxFacts(LocalDate registrationDate, String registrationCity, List<String> folders, List<String> contacts,
                           List<String> filters, List<Login> logins, PasswordCheck passwordCheck) {

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
        contacts = OwnerAnswers.clean(contacts);
        filters = OwnerAnswers.clean(filters);
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
