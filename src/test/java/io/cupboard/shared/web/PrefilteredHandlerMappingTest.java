package io.cupboard.shared.web;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.context.support.StaticWebApplicationContext;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PrefilteredHandlerMappingTest {

    private final RequestMappingHandlerMapping prefiltered = new PrefilteredHandlerMapping();
    private final RequestMappingHandlerMapping plain = new RequestMappingHandlerMapping();

    @BeforeEach
    void registerHandlers() {
        StaticWebApplicationContext context = new StaticWebApplicationContext();
        context.registerSingleton("leads", LeadHandlers.class);
        context.registerSingleton("others", OtherHandlers.class);
        context.refresh();
        for (RequestMappingHandlerMapping mapping : List.of(prefiltered, plain)) {
            mapping.setApplicationContext(context);
            mapping.afterPropertiesSet();
        }
    }

    @Test
    void findsTheSameHandlerAsSpringMvc() throws Exception {
        String[][] requests = {
                {"GET", "/leads", "list"}, {"GET", "/leads/5", "card"}, {"POST", "/leads/5/outcome", "outcome"},
                {"POST", "/leads/5/note", "note"}, {"PUT", "/files/a/b", "files"}, {"DELETE", "/files/a", "files"},
                {"GET", "/files", "files"}, {"GET", "/filesystem", null},
                {"GET", "/help/about", "help"}, {"GET", "/le%61ds/5", "card"}, {"GET", "/leads;view=1/5", "card"},
                {"HEAD", "/leads/5", "card"}, {"GET", "/nothing/here", null},
                {"GET", "/Leads/5", null}, {"GET", "/help/About", null}};
        for (String[] request : requests) {
            assertThat(handlerName(prefiltered, request[0], request[1])).as("%s %s", request[0], request[1])
                    .isEqualTo(request[2])
                    .isEqualTo(handlerName(plain, request[0], request[1]));
        }
    }

    @Test
    void wrongMethodIsNotAllowed() {
        assertThatThrownBy(() -> handlerName(prefiltered, "DELETE", "/leads/5/outcome"))
                .isInstanceOf(HttpRequestMethodNotSupportedException.class);
    }

    private static String handlerName(RequestMappingHandlerMapping mapping, String method, String path) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        ServletRequestPathUtils.parseAndCache(request);
        HandlerExecutionChain chain = mapping.getHandler(request);
        return chain == null ? null : ((HandlerMethod) chain.getHandler()).getMethod().getName();
    }

    @Controller
    @RequestMapping("/leads")
    static class LeadHandlers {

        @GetMapping
        void list() {
        }

        @GetMapping("/{id}")
        void card() {
        }

        @PostMapping("/{id}/outcome")
        void outcome() {
        }

        @PostMapping("/{leadId}/note")
        void note() {
        }

    }

    @Controller
    static class OtherHandlers {

        @RequestMapping("/files/**")
        void files() {
        }

        @GetMapping("/{page:[a-z]+}/about")
        void help() {
        }
    }
}
