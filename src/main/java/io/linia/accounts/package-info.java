/**
 * Accounts: users, roles, group membership, login, API tokens. Public API: {@link io.linia.accounts.Actor}
 * (who is acting, injected into controller methods), {@link io.linia.accounts.UserDirectory},
 * {@link io.linia.accounts.UserAdministration}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Accounts")
package io.linia.accounts;
