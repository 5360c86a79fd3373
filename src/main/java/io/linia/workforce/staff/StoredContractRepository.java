package io.linia.workforce.staff;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface StoredContractRepository extends JpaRepository<StoredContract, Long> {

    Optional<StoredContract> findByUserIdAndValidFrom(long userId, LocalDate validFrom);

    List<StoredContract> findByUserIdOrderByValidFromDesc(long userId);

    List<StoredContract> findByUserIdInOrderByUserIdAscValidFromDesc(Collection<Long> userIds);

    boolean existsBy();
}
