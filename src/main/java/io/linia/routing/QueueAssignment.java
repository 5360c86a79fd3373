package io.linia.routing;

/**
 * How one queue assigns its tickets: the first line ({@code groupId} null) or a second-line group,
 * and whether only agents certified for the group may get its tickets.
 */
public record QueueAssignment(Long groupId, AssignmentMode mode, boolean certificationRequired) {

    public boolean firstLine() {
        return groupId == null;
    }
}
