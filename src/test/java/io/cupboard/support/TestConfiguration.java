package io.cupboard.support;

import java.time.ZoneId;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Beans that every integration test context shares: the movable clock, the fixtures and a page that
 * fails on purpose.
 */
@org.springframework.boot.test.context.TestConfiguration(proxyBeanMethods = false)
public class TestConfiguration {

    @Bean
    @Primary
    MutableClock mutableClock(ZoneId centerZone) {
        return new MutableClock(centerZone);
    }

    @Bean
    static StatementCounter statementCounter() {
        return new StatementCounter();
    }

    @Bean
    FailingPage failingPage() {
        return new FailingPage();
    }

    @Bean
    Fixtures fixtures(org.springframework.beans.factory.config.AutowireCapableBeanFactory factory) {
        return factory.createBean(Fixtures.class);
    }
}
