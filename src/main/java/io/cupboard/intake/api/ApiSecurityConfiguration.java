package io.cupboard.intake.api;

import io.cupboard.intake.ApiKeys;
import io.cupboard.intake.IntakeProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * The security of {@code /api/**}: stateless, authenticated by an intake source's API key, with
 * CSRF protection off because no browser session is involved, and errors as problem details. It
 * comes before the page chain, which handles every other path.
 */
@Configuration(proxyBeanMethods = false)
class ApiSecurityConfiguration {

    @Bean
    @Order(5)
    SecurityFilterChain intakeApi(HttpSecurity http, ApiKeys keys, ApiRateLimiter rateLimiter, IntakeProperties properties,
                                  JsonMapper json) throws Exception {
        ProblemWriter problems = new ProblemWriter(json);
        // The filters are created here, not as beans, so the servlet container does not run them on every path.
        ApiKeyAuthenticationFilter authentication = new ApiKeyAuthenticationFilter(keys);
        http
                .securityMatcher("/api/**")
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/api/v1/**").hasRole(ApiKeyAuthentication.ROLE)
                        .anyRequest().denyAll())
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .formLogin(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .anonymous(AbstractHttpConfigurer::disable)
                .addFilterBefore(authentication, AuthorizationFilter.class)
                .addFilterAfter(new ApiLimitsFilter(rateLimiter, properties, problems), ApiKeyAuthenticationFilter.class)
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint((request, response, exception) -> {
                            response.setHeader("WWW-Authenticate", "Bearer realm=\"cupboard-intake\"");
                            problems.write(request, response, ApiProblem.of(ProblemTypes.UNAUTHORIZED, "Unauthorized", 401,
                                    "A valid API key is required, in the X-Api-Key header or as Authorization: Bearer <key>."));
                        })
                        .accessDeniedHandler((request, response, exception) ->
                                problems.write(request, response, ApiProblem.of(ProblemTypes.FORBIDDEN, "Forbidden", 403,
                                        "The API key does not grant access to " + request.getRequestURI() + "."))))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'"))
                        .frameOptions(frame -> frame.deny()));
        return http.build();
    }
}
