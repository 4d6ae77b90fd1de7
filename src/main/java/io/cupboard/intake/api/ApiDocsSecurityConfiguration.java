package io.cupboard.intake.api;

import io.cupboard.identity.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * The OpenAPI documentation (springdoc's Swagger UI and {@code /v3/api-docs}) for signed-in admins.
 * It has its own chain because Swagger UI adds one inline style element: the Content-Security-Policy
 * allows that element by its hash and otherwise matches the pages' policy. The admin's session
 * comes from the shared session store, and anonymous requests go to the login page.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocsSecurityConfiguration {

    /**
     * The SHA-256 of the style element that swagger-ui-bundle.js of springdoc-openapi 3.0.3 adds.
     * A newer Swagger UI may add another; ImportBrowserTest then reports the CSP violation with
     * the new hash.
     */
    private static final String SWAGGER_UI_STYLE_HASH = "'sha256-RL3ie0nH+Lzz2YNqQN83mnU0J1ot4QL7b99vMdIX99w='";

    @Bean
    @Order(6)
    SecurityFilterChain apiDocs(HttpSecurity http) throws Exception {
        http
                .securityMatcher("/swagger-ui.html", "/swagger-ui/**", "/v3/api-docs", "/v3/api-docs/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().hasRole(Role.ADMIN.name()))
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/login")))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(String.join("; ",
                                "default-src 'self'",
                                "script-src 'self'",
                                "style-src 'self' " + SWAGGER_UI_STYLE_HASH,
                                "img-src 'self' data:",
                                "font-src 'self'",
                                "connect-src 'self'",
                                "form-action 'self'",
                                "frame-ancestors 'none'",
                                "base-uri 'self'",
                                "object-src 'none'")))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                        .frameOptions(frame -> frame.deny()));
        return http.build();
    }
}
