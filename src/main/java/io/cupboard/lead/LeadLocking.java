package io.cupboard.lead;

import java.util.Optional;

/**
 * Lead loading with a row lock, so concurrent changes of one lead run one after the other. It is a
 * repository fragment, not a query method, because finding the entity by id skips building and
 * binding a query for each lock.
 */
interface LeadLocking {

    Optional<Lead> findForUpdate(Long id);
}
