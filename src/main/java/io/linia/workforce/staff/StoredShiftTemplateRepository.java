package io.linia.workforce.staff;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface StoredShiftTemplateRepository extends JpaRepository<StoredShiftTemplate, Long> {

    List<StoredShiftTemplate> findAllByOrderByDayKindAscStartMinuteAscIdAsc();

    Optional<StoredShiftTemplate> findByCode(String code);
}
