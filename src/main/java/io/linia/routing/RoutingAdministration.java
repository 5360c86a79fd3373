package io.linia.routing;

/** Changes to groups and categories; callers are admin pages and the demo-data loader. */
public interface RoutingAdministration {

    GroupRef createGroup(GroupCommand command);

    GroupRef updateGroup(long id, GroupCommand command);

    CategoryRef createCategory(CategoryCommand command);

    CategoryRef updateCategory(long id, CategoryCommand command);
}
