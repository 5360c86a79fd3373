package io.linia.recovery.scoring;

/** The kinds of evidence compared, in the order the explanation lists them. */
public enum EvidenceKind {
    PASSWORDS("password"),
    REGISTRATION_DATE("regdate"),
    REGISTRATION_CITY("regcity"),
    FOLDERS("folders"),
    CONTACTS("contacts"),
    FILTERS("filters"),
    DEVICES("devices"),
    LAST_LOGIN("lastlogin");

    private final String key;

    EvidenceKind(String key) {
        this.key = key;
    }

    /** The message code of an outcome of this kind, e.g. {@code recovery.scoring.folders.matched}. */
    public String code(String outcome) {
        return "recovery.scoring." + key + "." + outcome;
    }
}
