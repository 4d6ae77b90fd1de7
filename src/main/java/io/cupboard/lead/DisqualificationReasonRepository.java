package io.cupboard.lead;

import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface DisqualificationReasonRepository extends JpaRepository<DisqualificationReason, Long> {

    Optional<DisqualificationReason> findByCode(String code);

    List<DisqualificationReason> findAllByOrderBySortOrderAscIdAsc();

    boolean existsByCodeIgnoreCase(String code);
}
