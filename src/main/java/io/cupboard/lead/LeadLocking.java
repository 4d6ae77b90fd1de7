package io.cupboard.lead;

import java.util.Optional;

/**
 * Loads a lead with a row lock, so concurrent outcomes on one lead run one after the other.
 * A repository fragment rather than a query method: every outcome takes this lock, and finding
 * the entity by id skips building and binding a query each time.
 */
interface LeadLocking {

    Optional<Lead> findForUpdate(Long id);
}
