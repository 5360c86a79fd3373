package io.linia.recovery.scoring;

import java.time.LocalDate;
import java.util.List;

/**
 * What the person asking for access answered in the questionnaire; every field may be empty.
 *
 * @param registrationDate  when they think the mailbox was registered (approximate)
 * @param registrationCity  where they think they registered it
 * @param previousPasswords passwords they remember having used (checked, never kept)
 * @param folders           names of folders they created
 * @param contacts          addresses or names they write to often
 * @param filters           names or descriptions of their filters
 * @param devices           devices and mail clients they used
 * @param lastLoginDate     the last day they got in
 * @param freeText          their own words (read by the policy, not scored)
 */
public record OwnerAnswers(LocalDate registrationDate, String registrationCity, List<String> previousPasswords,
                           List<String> folders, List<String> contacts, List<String> filters, List<String> devices,
                           LocalDate lastLoginDate, String freeText) {

    public OwnerAnswers {
        previousPasswords = clean(previousPasswords);
        folders = clean(folders);
        contacts = clean(contacts);
        filters = clean(filters);
        devices = clean(devices);
        registrationCity = registrationCity == null || registrationCity.isBlank() ? null : registrationCity.strip();
        freeText = freeText == null ? "" : freeText;
    }

    /** Nothing answered. */
    public static OwnerAnswers none() {
        return new OwnerAnswers(null, null, List.of(), List.of(), List.of(), List.of(), List.of(), null, null);
    }

    static List<String> clean(List<String> values) {
        return values == null ? List.of() : values.stream().filter(v -> v != null && !v.isBlank()).toList();
    }

    @Override
    public String toString() { // never print the candidate passwords
        return "OwnerAnswers[registrationDate=" + registrationDate + ", registrationCity=" + registrationCity + ", passwords="
                + previousPasswords.size() + ", folders=" + folders + ", contacts=" + contacts + ", filters=" + filters
                + ", devices=" + devices + ", lastLoginDate=" + lastLoginDate + "]";
    }
}
