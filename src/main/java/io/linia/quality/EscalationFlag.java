package io.linia.quality;

/**
 * How an escalation rate of first-line handlings compares with its usual level (see {@link Measures}): more than
 * {@code linia.quality.measures.escalation-band} percentage points above (TOO_MANY: the agent passes on what the first
 * line should answer) or below (TOO_FEW: the agent may answer what they should escalate), WITHIN the band, or
 * NOT_ENOUGH_DATA (fewer than {@code escalation-min-handled} first-line handlings, or no usual level to compare with).
 */
public enum EscalationFlag {
    TOO_FEW, WITHIN, TOO_MANY, NOT_ENOUGH_DATA
}
