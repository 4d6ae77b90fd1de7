package io.cupboard.shared;

import java.time.Clock;
import java.time.ZoneId;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one clock of the application. Code asks it for the time instead of calling {@code now()},
 * so tests can move time forward.
 */
@Configuration(proxyBeanMethods = false)
class TimeConfiguration {

    @Bean
    Clock clock(TimeProperties properties) {
        return Clock.system(properties.zone());
    }

    @Bean
    ZoneId centerZone(TimeProperties properties) {
        return properties.zone();
    }
}
