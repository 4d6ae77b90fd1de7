package io.cupboard.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Gives every request its {@link NavigationLinks} as a request attribute, not a model attribute,
 * so that error views, which have no model, show the same navigation.
 */
@Configuration(proxyBeanMethods = false)
class NavigationConfiguration implements WebMvcConfigurer {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                request.setAttribute(NavigationLinks.ATTRIBUTE, new NavigationLinks());
                return true;
            }
        });
    }
}
