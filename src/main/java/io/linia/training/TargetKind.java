package io.linia.training;

/** What a programme trains for: the first line, a second-line group (with its id), or a rotation course (no certification). */
public enum TargetKind {
    FIRST_LINE, GROUP, ROTATION
}
