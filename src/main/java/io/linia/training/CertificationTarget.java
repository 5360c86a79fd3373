package io.linia.training;

import java.util.Optional;

/** What a certification entitles to: work on the first line, or in one second-line group. */
public record CertificationTarget(TargetKind kind, Long groupId) {

    public CertificationTarget {
        if (kind == TargetKind.ROTATION) {
            throw new IllegalArgumentException("rotation courses grant no certification");
        }
        if ((kind == TargetKind.GROUP) != (groupId != null)) {
            throw new IllegalArgumentException("a group certification names its group, the first line none");
        }
    }

    public static CertificationTarget firstLine() {
        return new CertificationTarget(TargetKind.FIRST_LINE, null);
    }

    public static CertificationTarget group(long groupId) {
        return new CertificationTarget(TargetKind.GROUP, groupId);
    }

    /** The certification a programme with this target grants; none for a rotation course. */
    public static Optional<CertificationTarget> of(TargetKind kind, Long groupId) {
        return kind == TargetKind.ROTATION ? Optional.empty() : Optional.of(new CertificationTarget(kind, groupId));
    }

    /** "FIRST_LINE" or "GROUP:12", as the history export writes it. */
    public String code() {
        return kind == TargetKind.GROUP ? "GROUP:" + groupId : kind.name();
    }
}
