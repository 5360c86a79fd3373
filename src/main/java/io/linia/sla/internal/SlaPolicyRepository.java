package io.linia.sla.internal;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface SlaPolicyRepository extends JpaRepository<SlaPolicy, Long> {

    List<SlaPolicy> findAllByOrderById();
}
