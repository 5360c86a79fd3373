package io.linia.knowledge.internal;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface CannedAnswerRepository extends JpaRepository<CannedAnswer, Long> {

    List<CannedAnswer> findAllByOrderByNameAscIdAsc();
}
