package io.cupboard.lead;

import org.springframework.data.jpa.repository.JpaRepository;

interface LeadRepository extends JpaRepository<Lead, Long>, LeadLocking {
}
