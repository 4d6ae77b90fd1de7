package io.cupboard.lead;

import java.util.Optional;

/**
 * Names of lead sources as the admin registered them. A lead stores its source's code, such as
 * {@code facebook}. The intake module manages the sources and implements this interface, so the
 * lead card can show the name without depending on that module.
 */
public interface LeadSourceNames {

    /** Returns the name of the source with this code, or empty when no source has that code. */
    Optional<String> nameOf(String code);
}
