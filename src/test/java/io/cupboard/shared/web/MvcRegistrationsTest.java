package io.cupboard.shared.web;

import io.cupboard.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class MvcRegistrationsTest {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;

    @Autowired
    RequestMappingHandlerAdapter adapter;

    @Test
    void applicationUsesThePrefilterAndFormBinding() {
        assertThat(mapping).isInstanceOf(PrefilteredHandlerMapping.class);
        assertThat(mapping.getHandlerMethods()).hasSizeGreaterThan(50);
        assertThat(adapter).isInstanceOf(FormBindingHandlerAdapter.class);
    }
}
