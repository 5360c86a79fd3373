/**
 * Shared kernel: the few types every module speaks in — domain errors that carry a message key
 * (rendered as RFC 9457 problem details by the web module) and text constraints for user input.
 * Deliberately small: nothing here knows about tickets, users or groups.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package io.linia.shared;
