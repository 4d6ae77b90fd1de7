package io.cupboard.workday;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface DayTemplateRepository extends JpaRepository<DayTemplate, Long> {

    Optional<DayTemplate> findByTeamId(Long teamId);

    @Query("select t from DayTemplate t where t.teamId is null")
    Optional<DayTemplate> findCenterDefault();

    /**
     * Returns the team's template and the center's default with their segments, in one statement,
     * because every CUP page needs one of them. A null team matches the default only.
     */
    @Query("select t from DayTemplate t left join fetch t.segments where t.teamId = :teamId or t.teamId is null")
    List<DayTemplate> findOwnAndCenterDefault(@Param("teamId") Long teamId);
}
