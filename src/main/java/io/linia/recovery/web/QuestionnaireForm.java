package io.linia.recovery.web;

import io.linia.recovery.requests.Questionnaire;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The questionnaire as the page posts it: dates as text (a bad one is an error at its field, not a 400),
 * lists one item per line, passwords in separate fields, the proof of work's token and solution.
 */
public class QuestionnaireForm {

    static final int PASSWORD_FIELDS = 5;

    private String mailbox = "";
    private String contactEmail = "";
    private String contactName = "";
    private String registrationDate = "";
    private String registrationCity = "";
    private List<String> passwords = new ArrayList<>(java.util.Collections.nCopies(PASSWORD_FIELDS, ""));
    private String folders = "";
    private String contacts = "";
    private String filters = "";
    private String devices = "";
    private String lastLoginDate = "";
    private String freeText = "";
    private String powToken = "";
    private String powSolution = "";

    /** The answers; unreadable dates are put into {@code errors} under their field. */
    Questionnaire.Answers answers(Map<String, String> errors, String badDate) {
        return new Questionnaire.Answers(date("registrationDate", registrationDate, errors, badDate), registrationCity,
                passwords, lines(folders), lines(contacts), lines(filters), lines(devices),
                date("lastLoginDate", lastLoginDate, errors, badDate), freeText);
    }

    Questionnaire questionnaire(Map<String, String> errors, String badDate) {
        return new Questionnaire(mailbox, contactEmail, contactName, answers(errors, badDate));
    }

    /** The passwords are never sent back to the browser. */
    void forgetPasswords() {
        passwords = new ArrayList<>(java.util.Collections.nCopies(PASSWORD_FIELDS, ""));
    }

    private static LocalDate date(String field, String text, Map<String, String> errors, String badDate) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            errors.put(field, badDate);
            return null;
        }
    }

    private static List<String> lines(String text) {
        return text == null ? List.of() : Arrays.stream(text.split("\\R")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    public String getMailbox() { return mailbox; }
    public void setMailbox(String mailbox) { this.mailbox = mailbox; }
    public String getContactEmail() { return contactEmail; }
    public void setContactEmail(String contactEmail) { this.contactEmail = contactEmail; }
    public String getContactName() { return contactName; }
    public void setContactName(String contactName) { this.contactName = contactName; }
    public String getRegistrationDate() { return registrationDate; }
    public void setRegistrationDate(String registrationDate) { this.registrationDate = registrationDate; }
    public String getRegistrationCity() { return registrationCity; }
    public void setRegistrationCity(String registrationCity) { this.registrationCity = registrationCity; }
    public List<String> getPasswords() { return passwords; }
    public void setPasswords(List<String> passwords) { this.passwords = passwords == null ? new ArrayList<>() : new ArrayList<>(passwords); }
    public String getFolders() { return folders; }
    public void setFolders(String folders) { this.folders = folders; }
    public String getContacts() { return contacts; }
    public void setContacts(String contacts) { this.contacts = contacts; }
    public String getFilters() { return filters; }
    public void setFilters(String filters) { this.filters = filters; }
    public String getDevices() { return devices; }
    public void setDevices(String devices) { this.devices = devices; }
    public String getLastLoginDate() { return lastLoginDate; }
    public void setLastLoginDate(String lastLoginDate) { this.lastLoginDate = lastLoginDate; }
    public String getFreeText() { return freeText; }
    public void setFreeText(String freeText) { this.freeText = freeText; }
    public String getPowToken() { return powToken; }
    public void setPowToken(String powToken) { this.powToken = powToken; }
    public String getPowSolution() { return powSolution; }
    public void setPowSolution(String powSolution) { this.powSolution = powSolution; }
}
