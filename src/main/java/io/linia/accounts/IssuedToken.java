package io.linia.accounts;

/** A freshly issued API token: {@code secret} goes in {@code Authorization: Bearer …} and is not stored. */
public record IssuedToken(ApiTokenRef token, String secret) {
}
