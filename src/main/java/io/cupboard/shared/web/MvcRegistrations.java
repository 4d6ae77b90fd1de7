package io.cupboard.shared.web;

import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Puts {@link PrefilteredHandlerMapping} and {@link FormBindingHandlerAdapter} in the place of
 * Spring MVC's own; Spring Boot configures them as it would its own.
 */
@Configuration(proxyBeanMethods = false)
class MvcRegistrations {

    @Bean
    WebMvcRegistrations cupboardMvcRegistrations() {
        return new WebMvcRegistrations() {
            @Override
            public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
                return new PrefilteredHandlerMapping();
            }

            @Override
            public RequestMappingHandlerAdapter getRequestMappingHandlerAdapter() {
                return new FormBindingHandlerAdapter();
            }
        };
    }
}
