package io.cupboard.lead;

import java.util.Optional;

/**
 * Lead loading with a row lock, so concurrent outcomes on one lead run one after the other. It is
 * a repository fragment, not a query method, because every outcome takes this lock and finding the
 * entity by id skips building and binding a query.
 */
interface LeadLocking {

    Optional<Lead> findForUpdate(Long id);
}
