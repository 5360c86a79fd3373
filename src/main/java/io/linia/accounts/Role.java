package io.linia.accounts;

/** What a person does in the desk; a user may hold several roles. */
public enum Role {
    CUSTOMER, AGENT_L1, AGENT_L2, TEAM_LEAD, TRAINER, ADMIN;

    public boolean isStaff() {
        return this != CUSTOMER;
    }

    /** The Spring Security authority name ({@code ROLE_…}). */
    public String authority() {
        return "ROLE_" + name();
    }
}
