package io.cupboard.cup;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the CUP order and page.
 *
 * @param callbackWindowBefore how long before its time a callback counts as "now"
 * @param callbackWindowAfter  how long after its time a callback still counts as "now" before it is overdue
 * @param segmentLift          how many ranks the current segment lifts its focus class; larger than
 *                             any rank, so the focus class comes first within its section
 * @param rowsPerPage          rows of the CUP, in its order, that the page shows at first and adds
 *                             with each "show more". The section counts and the work left cover
 *                             the whole CUP.
 */
@ConfigurationProperties("cupboard.cup")
public record CupProperties(
        @DefaultValue("10m") Duration callbackWindowBefore,
        @DefaultValue("30m") Duration callbackWindowAfter,
        @DefaultValue("1000") int segmentLift,
        @DefaultValue("40") int rowsPerPage) {

    public CupProperties {
        if (rowsPerPage < 1) {
            throw new IllegalArgumentException("Invalid cupboard.cup.rows-per-page " + rowsPerPage + ": set it to 1 or more");
        }
    }
}
