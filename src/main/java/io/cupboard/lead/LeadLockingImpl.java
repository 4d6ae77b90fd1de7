package io.cupboard.lead;

import java.util.Optional;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

/** Implementation of {@link LeadLocking}, which Spring Data finds by the fragment's name and the Impl suffix. */
class LeadLockingImpl implements LeadLocking {

    @PersistenceContext
    private EntityManager entityManager;

    @Override
    public Optional<Lead> findForUpdate(Long id) {
        return Optional.ofNullable(entityManager.find(Lead.class, id, LockModeType.PESSIMISTIC_WRITE));
    }
}
