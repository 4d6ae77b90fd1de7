package io.cupboard.identity;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;

/**
 * Who may open which page. Every page needs a signed-in user; each role's area answers 403 to the
 * other roles. Lead-level scoping (an agent sees only their own leads) lives in the queries.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    /**
     * Scripts, styles and fonts come only from this server; pages carry no inline scripts or styles.
     * {@code style-src} allows no attributes either, so templates use classes.
     */
    static final String CONTENT_SECURITY_POLICY = String.join("; ",
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self' data:",
            "font-src 'self'",
            "connect-src 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'",
            "base-uri 'self'",
            "object-src 'none'");

    /**
     * Turns Spring Security's observations off where they are made. Switched off by property only,
     * each of the filters and the authorization of every request still ran inside an observation
     * that did nothing, a twentieth of the CUP page's Java CPU time.
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    @Order(10)
    SecurityFilterChain pages(HttpSecurity http, LoginThrottle throttle) throws Exception {
        http
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/login", "/error", "/webjars/**", "/css/**", "/js/**", "/images/**",
                                "/favicon.ico", "/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/cup", "/cup/**", "/workday", "/workday/**").hasRole(Role.AGENT.name())
                        .requestMatchers("/team", "/team/**").hasAnyRole(Role.TEAM_LEAD.name(), Role.MANAGER.name())
                        .requestMatchers("/center", "/center/**").hasRole(Role.MANAGER.name())
                        .requestMatchers("/admin", "/admin/**", "/actuator/**").hasRole(Role.ADMIN.name())
                        // Lead intake: file import for team leads, managers and admins.
                        .requestMatchers("/intake", "/intake/**")
                        .hasAnyRole(Role.TEAM_LEAD.name(), Role.MANAGER.name(), Role.ADMIN.name())
                        .anyRequest().authenticated())
                .formLogin(form -> form
                        .loginPage("/login")
                        .successHandler(roleHome(throttle))
                        .failureHandler(countFailure(throttle))
                        .permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/login?logout").deleteCookies("CUPBOARD_SESSION"))
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(this::toLogin))
                .addFilterBefore(new LoginThrottleFilter(throttle), UsernamePasswordAuthenticationFilter.class)
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                        .frameOptions(frame -> frame.deny())
                        .permissionsPolicyHeader(permissions -> permissions.policy("camera=(), microphone=(), geolocation=()"))
                        // A page and its htmx fragment share a URL, so a cache must key on the header too.
                        .addHeaderWriter(new StaticHeadersWriter("Vary", "HX-Request")));
        return http.build();
    }

    /**
     * Sends an anonymous request to the login page. An htmx request gets the redirect as a header,
     * so the whole page goes to login instead of a fragment of it.
     */
    private void toLogin(HttpServletRequest request, HttpServletResponse response,
                         org.springframework.security.core.AuthenticationException exception) throws IOException {
        if ("true".equals(request.getHeader("HX-Request"))) {
            response.setHeader("HX-Redirect", request.getContextPath() + "/login");
            response.setStatus(HttpStatus.UNAUTHORIZED.value());
            return;
        }
        try {
            new LoginUrlAuthenticationEntryPoint("/login").commence(request, response, exception);
        } catch (jakarta.servlet.ServletException e) {
            throw new IOException(e);
        }
    }

    private static AuthenticationSuccessHandler roleHome(LoginThrottle throttle) {
        return (request, response, authentication) -> {
            CurrentUser user = (CurrentUser) authentication.getPrincipal();
            throttle.recordSuccess(user.getUsername());
            response.sendRedirect(request.getContextPath() + user.role().homePath());
        };
    }

    private static AuthenticationFailureHandler countFailure(LoginThrottle throttle) {
        return (request, response, exception) -> {
            throttle.recordFailure(request.getParameter("username"), request.getRemoteAddr());
            response.sendRedirect(request.getContextPath() + "/login?error");
        };
    }
}
