package io.linia.sla.internal;

import java.util.List;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;

interface SlaNoticeRepository extends JpaRepository<SlaNotice, Long> {

    List<SlaNotice> findByUserIdOrderByIdDesc(long userId, Limit limit);

    List<SlaNotice> findByUserIdAndReadAtIsNull(long userId);

    long countByUserIdAndReadAtIsNull(long userId);
}
