/**
 * Access recovery: restoring a mailbox to its proven owner. This first slice is the account directory
 * port ({@link io.linia.recovery.AccountDirectory}): facts about a mailbox that an agent may see (masked,
 * never a password hash), comparison of a remembered password with the password history on the
 * directory's side, and the actions taken after a decision (reset link to a new contact address,
 * unblock). The embedded implementation keeps the directory in Linia's own tables; the HTTP contract for
 * the real mail platform, which a desk implements the port against, is
 * described in docs/recovery-directory-api.md.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Access recovery")
package io.linia.recovery;
