package io.linia.knowledge.web;

import io.linia.routing.CategoryRef;
import io.linia.routing.RoutingDirectory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The two-level category tree as the pages show it: sections, each followed by its sub-sections. */
final class CategoryTree {

    /** A category with its depth (0 = section, 1 = sub-section), for indented choices. */
    record Node(CategoryRef category, int depth) {
    }

    private final List<CategoryRef> all;
    private final Map<Long, CategoryRef> byId;
    private final Comparator<CategoryRef> order;

    CategoryTree(RoutingDirectory routing, Locale locale) {
        this.all = routing.categories();
        this.byId = all.stream().collect(Collectors.toMap(CategoryRef::id, Function.identity()));
        this.order = Comparator.comparing((CategoryRef c) -> c.name(locale), String.CASE_INSENSITIVE_ORDER)
                .thenComparingLong(CategoryRef::id);
    }

    Map<Long, CategoryRef> byId() {
        return byId;
    }

    Optional<CategoryRef> get(Long id) {
        return id == null ? Optional.empty() : Optional.ofNullable(byId.get(id));
    }

    List<CategoryRef> sections() {
        return all.stream().filter(c -> c.parentId() == null || !byId.containsKey(c.parentId())).sorted(order).toList();
    }

    List<CategoryRef> children(long sectionId) {
        return all.stream().filter(c -> Objects.equals(c.parentId(), sectionId)).sorted(order).toList();
    }

    /** Sections and their sub-sections in reading order. */
    List<Node> nodes() {
        List<Node> out = new ArrayList<>();
        for (CategoryRef s : sections()) {
            out.add(new Node(s, 0));
            children(s.id()).forEach(c -> out.add(new Node(c, 1)));
        }
        return out;
    }

    /** The category and, for a section, its sub-sections: filtering by a section finds its sub-sections' articles. */
    List<Long> withChildren(Long id) {
        if (id == null) {
            return List.of();
        }
        List<Long> ids = new ArrayList<>();
        ids.add(id);
        children(id).forEach(c -> ids.add(c.id()));
        return ids;
    }
}
