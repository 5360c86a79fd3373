package io.linia.routing.internal;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface SupportGroupRepository extends JpaRepository<SupportGroup, Long> {

    Optional<SupportGroup> findByCode(String code);

    List<SupportGroup> findAllByOrderByNameRu();
}
