package io.linia.accounts.internal;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface UserRepository extends JpaRepository<User, Long> {

    Optional<User> findByLogin(String login);

    Optional<User> findByEmail(String email);

    /** One statement instead of three (the user, then each eager collection): on the path of every new ticket. */
    @org.springframework.data.jpa.repository.Query("select distinct u from User u left join fetch u.roles"
            + " left join fetch u.groupIds where u.email = :email")
    Optional<User> findWithCollectionsByEmail(String email);

    /** The same by id (a signed-in customer creating a ticket). */
    @org.springframework.data.jpa.repository.Query("select distinct u from User u left join fetch u.roles"
            + " left join fetch u.groupIds where u.id = :id")
    Optional<User> findWithCollectionsById(long id);

    List<User> findAllByOrderByDisplayName();

    /** Which of these users are on shift. */
    @org.springframework.data.jpa.repository.Query("select u.id from User u where u.onShift = true and u.id in :ids")
    List<Long> findIdsOnShiftAmong(@org.springframework.data.repository.query.Param("ids") java.util.Collection<Long> ids);

    /** Agents on shift with this role (enabled), by id: who automatic assignment may choose from. */
    @org.springframework.data.jpa.repository.Query("select u.id from User u join u.roles r"
            + " where u.enabled = true and u.onShift = true and r = :role order by u.id")
    List<Long> findIdsOnShift(io.linia.accounts.Role role);

    /** The same, members of the group (and certified for it when {@code certified}). */
    @org.springframework.data.jpa.repository.Query("select u.id from User u join u.roles r join u.groupIds g"
            + " where u.enabled = true and u.onShift = true and r = :role and g = :groupId"
            + " and (:certified = false or :groupId member of u.certifiedGroupIds) order by u.id")
    List<Long> findIdsOnShiftInGroup(io.linia.accounts.Role role, long groupId, boolean certified);

    @org.springframework.data.jpa.repository.Query(value = "select group_id from app_user_certification where user_id = :userId",
            nativeQuery = true)
    List<Long> findCertifiedGroupIds(long userId);

    /** Pairs (user id, group id) of the certifications of these users. */
    @org.springframework.data.jpa.repository.Query(value = "select user_id, group_id from app_user_certification where user_id in (:userIds)",
            nativeQuery = true)
    List<Object[]> findCertifications(java.util.Collection<Long> userIds);

    /** Users with any of these roles, their roles and groups fetched in the same statement, by name. */
    @org.springframework.data.jpa.repository.Query("select distinct u from User u left join fetch u.roles left join fetch u.groupIds"
            + " where u.id in (select h.id from User h join h.roles r where r in :roles) order by u.displayName, u.id")
    List<User> findWithAnyRole(java.util.Collection<io.linia.accounts.Role> roles);

    @org.springframework.data.jpa.repository.Query("select u.onShift from User u where u.id = :id")
    Optional<Boolean> findOnShiftById(long id);

    @org.springframework.data.jpa.repository.Query("select t from User u join u.tags t where u.id = :userId")
    java.util.Set<String> findTags(long userId);

    interface UserTag {
        Long getUserId();
        String getTag();
    }

    @org.springframework.data.jpa.repository.Query("select u.id as userId, t as tag from User u join u.tags t")
    List<UserTag> findAllTags(org.springframework.data.domain.Limit limit);
}
