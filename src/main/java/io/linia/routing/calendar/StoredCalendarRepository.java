package io.linia.routing.calendar;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface StoredCalendarRepository extends JpaRepository<StoredCalendar, Long> {

    List<StoredCalendar> findAllByOrderByName();

    Optional<StoredCalendar> findByName(String name);
}
