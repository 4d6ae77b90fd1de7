package io.cupboard.identity;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.cupboard.support.Fixtures;
import io.cupboard.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class SecurityTest {

    private static final AtomicInteger ADDRESS = new AtomicInteger(10);

    private static final Map<Role, String> HOME = Map.of(
            Role.AGENT, "/cup", Role.TEAM_LEAD, "/team", Role.MANAGER, "/center", Role.ADMIN, "/admin");

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    UserDetailsService userDetails;

    @Autowired
    JdbcClient jdbc;

    private Team team;

    @BeforeEach
    void createTeam() {
        team = fixtures.team();
    }

    @ParameterizedTest
    @EnumSource(Role.class)
    void eachRoleLandsOnItsHomePage(Role role) throws Exception {
        User user = fixtures.user(role, role.requiresTeam() ? team : null);
        fixtures.openDay(user);

        mvc.perform(login(user.getUsername(), Fixtures.PASSWORD).with(freshAddress()))
                .andExpect(redirectedUrl(HOME.get(role)));
        mvc.perform(get(HOME.get(role)).with(signedIn(user)))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString(user.getDisplayName())));
    }

    @ParameterizedTest
    @EnumSource(Role.class)
    void eachRoleIsForbiddenOtherRolesPages(Role role) throws Exception {
        User user = fixtures.user(role, role.requiresTeam() ? team : null);
        fixtures.openDay(user);

        for (String page : HOME.values()) {
            boolean allowed = page.equals(HOME.get(role)) || (role == Role.MANAGER && page.equals("/team"));
            mvc.perform(get(page).with(signedIn(user)))
                    .andExpect(allowed ? status().isOk() : status().isForbidden());
        }
    }

    @Test
    void anonymousRequestRedirectsToLogin() throws Exception {
        mvc.perform(get("/cup")).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/admin")).andExpect(redirectedUrl("/login"));
    }

    @Test
    void anonymousHtmxRequestRedirectsWholePage() throws Exception {
        mvc.perform(get("/cup").header("HX-Request", "true"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("HX-Redirect", "/login"));
    }

    @Test
    void wrongPasswordShowsHebrewError() throws Exception {
        User agent = fixtures.agent(team);

        mvc.perform(login(agent.getUsername(), "wrong").with(freshAddress()))
                .andExpect(redirectedUrl("/login?error"));
        mvc.perform(get("/login").param("error", ""))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("שם המשתמש או הסיסמה שגויים")));
    }

    @Test
    void repeatedFailuresLockTheUserName() throws Exception {
        User agent = fixtures.agent(team);
        for (int i = 0; i < 5; i++) {
            mvc.perform(login(agent.getUsername(), "wrong-" + i).with(freshAddress()))
                    .andExpect(redirectedUrl("/login?error"));
        }

        mvc.perform(login(agent.getUsername(), Fixtures.PASSWORD).with(freshAddress()))
                .andExpect(redirectedUrl("/login?locked"));
        mvc.perform(get("/login").param("locked", ""))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("יותר מדי ניסיונות כניסה כושלים")));
    }

    @Test
    void unknownUserNameIsLockedLikeAKnownOne() throws Exception {
        String unknown = Fixtures.unique("nobody");
        for (int i = 0; i < 5; i++) {
            mvc.perform(login(unknown, "wrong").with(freshAddress()))
                    .andExpect(redirectedUrl("/login?error"));
        }

        mvc.perform(login(unknown, "wrong").with(freshAddress()))
                .andExpect(redirectedUrl("/login?locked"));
    }

    @Test
    void repeatedFailuresLockTheAddress() throws Exception {
        RequestPostProcessor address = freshAddress();
        for (int i = 0; i < 20; i++) {
            mvc.perform(login(Fixtures.unique("guess"), "wrong").with(address))
                    .andExpect(redirectedUrl("/login?error"));
        }
        User agent = fixtures.agent(team);

        mvc.perform(login(agent.getUsername(), Fixtures.PASSWORD).with(address))
                .andExpect(redirectedUrl("/login?locked"));
        mvc.perform(login(agent.getUsername(), Fixtures.PASSWORD).with(freshAddress()))
                .andExpect(redirectedUrl("/cup"));
    }

    @Test
    void successfulLoginClearsTheUserNameCount() throws Exception {
        User agent = fixtures.agent(team);
        for (int i = 0; i < 4; i++) {
            mvc.perform(login(agent.getUsername(), "wrong").with(freshAddress()));
        }
        mvc.perform(login(agent.getUsername(), Fixtures.PASSWORD).with(freshAddress()))
                .andExpect(redirectedUrl("/cup"));

        long rows = jdbc.sql("select count(*) from login_throttle where throttle_key = ?")
                .param("user:" + agent.getUsername().toLowerCase()).query(Long.class).single();
        assertThat(rows).isZero();
    }

    @Test
    void inactiveUserCannotLogIn() throws Exception {
        User agent = fixtures.agent(team);
        jdbc.sql("update app_user set active = false where id = ?").param(agent.getId()).update();

        mvc.perform(login(agent.getUsername(), Fixtures.PASSWORD).with(freshAddress()))
                .andExpect(redirectedUrl("/login?error"));
    }

    @Test
    void passwordsAreStoredHashed() {
        User agent = fixtures.agent(team);

        String stored = jdbc.sql("select password_hash from app_user where id = ?").param(agent.getId()).query(String.class).single();

        assertThat(stored).startsWith("{bcrypt}").doesNotContain(Fixtures.PASSWORD);
    }

    @Test
    void postWithoutCsrfTokenIsForbidden() throws Exception {
        User agent = fixtures.agent(team);

        mvc.perform(post("/logout").with(signedIn(agent))).andExpect(status().isForbidden());
        mvc.perform(post("/logout").with(signedIn(agent)).with(csrf())).andExpect(redirectedUrl("/login?logout"));
    }

    @Test
    void pagesCarrySecurityHeaders() throws Exception {
        mvc.perform(get("/login"))
                .andExpect(header().string("Content-Security-Policy", org.hamcrest.Matchers.containsString("script-src 'self'")))
                .andExpect(header().string("X-Frame-Options", "DENY"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("Referrer-Policy", "same-origin"));
    }

    @Test
    void healthIsPublicButMetricsAreForAdmins() throws Exception {
        mvc.perform(get("/actuator/health")).andExpect(status().isOk());
        mvc.perform(get("/actuator/metrics")).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/actuator/metrics").with(signedIn(fixtures.agent(team)))).andExpect(status().isForbidden());
    }

    private static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder login(String username, String password) {
        return post("/login").param("username", username).param("password", password).with(csrf());
    }

    private RequestPostProcessor signedIn(User user) {
        return user(userDetails.loadUserByUsername(user.getUsername()));
    }

    /** Returns a new client address, so that address throttling in one test does not affect another. */
    private static RequestPostProcessor freshAddress() {
        String address = "10.1." + (ADDRESS.get() / 250) + "." + (ADDRESS.getAndIncrement() % 250 + 1);
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }
}
