package io.linia.routing;

import java.util.List;
import java.util.Optional;

/** Read access to groups and categories for the other modules. */
public interface RoutingDirectory {

    List<GroupRef> groups();

    List<GroupRef> activeGroups();

    Optional<GroupRef> group(long id);

    Optional<GroupRef> groupByCode(String code);

    List<CategoryRef> categories();

    List<CategoryRef> activeCategories();

    Optional<CategoryRef> category(long id);

    Optional<CategoryRef> categoryByCode(String code);
}
