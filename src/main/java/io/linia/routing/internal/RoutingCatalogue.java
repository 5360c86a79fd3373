package io.linia.routing.internal;

import io.linia.routing.CategoryCommand;
import io.linia.routing.CategoryRef;
import io.linia.routing.GroupCommand;
import io.linia.routing.GroupRef;
import io.linia.routing.RoutingAdministration;
import io.linia.routing.RoutingDirectory;
import io.linia.shared.DomainException;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Groups and categories: a few dozen rows, read straight from the database (no cache to go stale across nodes). */
@Service
@Transactional(readOnly = true)
class RoutingCatalogue implements RoutingDirectory, RoutingAdministration {

    private final SupportGroupRepository groups;
    private final CategoryRepository categories;

    RoutingCatalogue(SupportGroupRepository groups, CategoryRepository categories) {
        this.groups = groups;
        this.categories = categories;
    }

    @Override
    public List<GroupRef> groups() {
        return groups.findAllByOrderByNameRu().stream().map(SupportGroup::toRef).toList();
    }

    @Override
    public List<GroupRef> activeGroups() {
        return groups().stream().filter(GroupRef::active).toList();
    }

    @Override
    public Optional<GroupRef> group(long id) {
        return groups.findById(id).map(SupportGroup::toRef);
    }

    @Override
    public Optional<GroupRef> groupByCode(String code) {
        return groups.findByCode(code).map(SupportGroup::toRef);
    }

    @Override
    public List<CategoryRef> categories() {
        return categories.findAllByOrderByNameRu().stream().map(Category::toRef).toList();
    }

    @Override
    public List<CategoryRef> activeCategories() {
        return categories().stream().filter(CategoryRef::active).toList();
    }

    @Override
    public Optional<CategoryRef> category(long id) {
        return categories.findById(id).map(Category::toRef);
    }

    @Override
    public Optional<CategoryRef> categoryByCode(String code) {
        return categories.findByCode(code).map(Category::toRef);
    }

    @Override
    @Transactional
    public GroupRef createGroup(GroupCommand command) {
        requireFreeGroupCode(command.code(), null);
        return groups.save(new SupportGroup(command)).toRef();
    }

    @Override
    @Transactional
    public GroupRef updateGroup(long id, GroupCommand command) {
        SupportGroup group = groups.findById(id).orElseThrow(() -> DomainException.notFound("linia.error.groupNotFound", id));
        requireFreeGroupCode(command.code(), id);
        group.apply(command);
        return groups.saveAndFlush(group).toRef();
    }

    @Override
    @Transactional
    public CategoryRef createCategory(CategoryCommand command) {
        requireFreeCategoryCode(command.code(), null);
        requireGroup(command.defaultGroupId());
        requireParent(command.parentId(), null);
        return categories.save(new Category(command)).toRef();
    }

    @Override
    @Transactional
    public CategoryRef updateCategory(long id, CategoryCommand command) {
        Category category = categories.findById(id).orElseThrow(() -> DomainException.notFound("linia.error.categoryNotFound", id));
        requireFreeCategoryCode(command.code(), id);
        requireGroup(command.defaultGroupId());
        requireParent(command.parentId(), id);
        category.apply(command);
        return categories.saveAndFlush(category).toRef();
    }

    private void requireFreeGroupCode(String code, Long ownId) {
        groups.findByCode(code).filter(g -> !g.id().equals(ownId))
                .ifPresent(g -> { throw DomainException.invalid("code", "linia.validation.codeTaken", code); });
    }

    private void requireFreeCategoryCode(String code, Long ownId) {
        categories.findByCode(code).filter(c -> !c.id().equals(ownId))
                .ifPresent(c -> { throw DomainException.invalid("code", "linia.validation.codeTaken", code); });
    }

    /** Two levels only: a parent must exist, be top-level, and not be the category itself. */
    private void requireParent(Long parentId, Long ownId) {
        if (parentId == null) {
            return;
        }
        Category parent = categories.findById(parentId)
                .orElseThrow(() -> DomainException.invalid("parentId", "linia.error.categoryNotFound", parentId));
        if (parentId.equals(ownId) || parent.toRef().parentId() != null
                || (ownId != null && categories.existsByParentId(ownId))) {
            throw DomainException.invalid("parentId", "linia.validation.categoryTwoLevels");
        }
    }

    private void requireGroup(Long groupId) {
        if (groupId != null && groups.findById(groupId).isEmpty()) {
            throw DomainException.invalid("defaultGroupId", "linia.error.groupNotFound", groupId);
        }
    }
}
