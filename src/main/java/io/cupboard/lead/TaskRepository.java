package io.cupboard.lead;

import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface TaskRepository extends JpaRepository<Task, Long> {

    @Query("select t from Task t where t.leadId = ?1 and t.state = io.cupboard.lead.TaskState.OPEN")
    Optional<Task> findOpenByLeadId(Long leadId);
}
