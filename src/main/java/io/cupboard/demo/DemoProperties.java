package io.cupboard.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Demo data settings.
 *
 * @param enabled   whether to load the demo data at start-up (the {@code demo} profile sets it)
 * @param leadCount how many leads to create
 * @param seed      the random seed, so that every fresh demo database looks the same
 */
@ConfigurationProperties("cupboard.demo")
record DemoProperties(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("1500") int leadCount,
        @DefaultValue("20261204") long seed) {
}
