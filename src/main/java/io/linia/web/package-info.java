/**
 * Web: what the pages of all modules share — layout, language switching, error pages — and the
 * translation of domain refusals into RFC 9457 problem details for the API.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Web")
package io.linia.web;
