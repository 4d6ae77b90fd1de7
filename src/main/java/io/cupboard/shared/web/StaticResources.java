package io.cupboard.shared.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.LiteWebJarsResourceResolver;

/**
 * Serves static files from their own URL prefixes only, in place of Spring Boot's handler for
 * every path ({@code spring.web.resources.add-mappings=false}).
 *
 * <p>While the resource chain's URL rewriting was on, Thymeleaf passed every {@code @{...}} link
 * through it, and with a handler for {@code /**} each page link such as {@code /leads/123} was
 * looked up as a file in four classpath folders of the packaged jar: two thirds of the CUP page's
 * CPU time. The rewriting is now off ({@code spring.web.resources.chain.enabled=false}); the
 * webjars' own chain below still resolves version-less paths.
 */
@Configuration(proxyBeanMethods = false)
class StaticResources implements WebMvcConfigurer {

    /** The URL prefixes of static files, each with its folder on the classpath. */
    static final String[][] LOCATIONS = {
            {"/css/**", "classpath:/static/css/"},
            {"/js/**", "classpath:/static/js/"},
            {"/images/**", "classpath:/static/images/"}};

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        // Version-less webjar paths (/webjars/htmx.org/dist/htmx.min.js) resolve to the jar's version.
        registry.addResourceHandler("/webjars/**")
                .addResourceLocations("classpath:/META-INF/resources/webjars/")
                .resourceChain(true)
                .addResolver(new LiteWebJarsResourceResolver());
        for (String[] location : LOCATIONS) {
            registry.addResourceHandler(location[0]).addResourceLocations(location[1]).resourceChain(true);
        }
    }
}
