package io.linia.quality;

/** What the measures are grouped by: an agent (user id), a group (support group id), a line (FIRST/SECOND), a category. */
public enum MeasureScope {
    AGENT, GROUP, LINE, CATEGORY
}
