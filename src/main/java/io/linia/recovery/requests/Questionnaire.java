package io.linia.recovery.requests;

import io.linia.recovery.scoring.OwnerAnswers;
import java.time.LocalDate;
import java.util.List;

/**
 * What a locked-out person fills in: the mailbox, where to answer them, and what they remember about the
 * mailbox. Every remembered fact is optional; {@code passwords} are checked against the directory when the
 * questionnaire arrives and are never stored or logged.
 *
 * @param mailbox      the mailbox they cannot get into
 * @param contactEmail another address of theirs: the answer, and a reset link, go there
 * @param contactName  how to address them (optional)
 */
public record Questionnaire(String mailbox, String contactEmail, String contactName, Answers answers) {

    /**
     * The remembered facts (the same in the questionnaire and in each "ask for more" round).
     *
     * @param passwords previous passwords, checked at once and never kept
     */
    public record Answers(LocalDate registrationDate, String registrationCity, List<String> passwords, List<String> folders,
                          List<String> contacts, List<String> filters, List<String> devices, LocalDate lastLoginDate,
                          String freeText) {

        public Answers {
            passwords = clean(passwords);
            folders = clean(folders);
            contacts = clean(contacts);
            filters = clean(filters);
            devices = clean(devices);
            registrationCity = registrationCity == null || registrationCity.isBlank() ? null : registrationCity.strip();
            freeText = freeText == null || freeText.isBlank() ? null : freeText.strip();
        }

        /** Whether any fact about the mailbox was given (the free text alone proves nothing). */
        public boolean anyEvidence() {
            return registrationDate != null || registrationCity != null || !passwords.isEmpty() || !folders.isEmpty()
                    || !contacts.isEmpty() || !filters.isEmpty() || !devices.isEmpty() || lastLoginDate != null;
        }

        OwnerAnswers toOwnerAnswers(List<String> passwordTokens) {
            return new OwnerAnswers(registrationDate, registrationCity, passwordTokens, folders, contacts, filters, devices,
                    lastLoginDate, freeText);
        }

        private static List<String> clean(List<String> values) {
            return values == null ? List.of()
                    : values.stream().filter(v -> v != null && !v.isBlank()).map(String::strip).toList();
        }

        @Override
        public String toString() { // never print the passwords
            return "Answers[registrationDate=" + registrationDate + ", registrationCity=" + registrationCity + ", passwords="
                    + passwords.size() + ", folders=" + folders + ", contacts=" + contacts + ", filters=" + filters
                    + ", devices=" + devices + ", lastLoginDate=" + lastLoginDate + "]";
        }
    }
}
