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
}
