package io.cupboard.allocation;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface AllocationRuleRepository extends JpaRepository<AllocationRule, Long> {

    List<AllocationRule> findAllByOrderByPositionAscIdAsc();
}
