package io.cupboard.workday;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface DayTemplateRepository extends JpaRepository<DayTemplate, Long> {

    Optional<DayTemplate> findByTeamId(Long teamId);

    @Query("select t from DayTemplate t where t.teamId is null")
    Optional<DayTemplate> findCenterDefault();
}
