/**
 * Demo data: on an empty database, the groups and categories of the reference desk, a user for
 * every role and tickets in every state, created through the other modules' public APIs (so the
 * demo goes through the same rules as real work).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo data")
package io.linia.demo;
