package io.linia.knowledge;

import java.util.List;

/** What changed between two versions of an article, line by line. */
public record ArticleDiff(long articleId, int fromRevision, int toRevision, String fromTitle, String toTitle,
                          List<Line> lines) {

    public enum Kind { SAME, ADDED, REMOVED }

    public record Line(Kind kind, Integer oldNumber, Integer newNumber, String text) {
    }

    public boolean titleChanged() {
        return !fromTitle.equals(toTitle);
    }
}
