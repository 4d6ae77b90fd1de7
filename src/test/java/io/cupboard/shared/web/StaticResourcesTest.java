package io.cupboard.shared.web;

import io.cupboard.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class StaticResourcesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ResourceUrlProvider resourceUrls;

    @Test
    void servesStaticFilesAndWebjars() throws Exception {
        for (String path : new String[] {"/css/cupboard.css", "/js/cupboard.js", "/images/favicon.svg",
                "/webjars/htmx.org/dist/htmx.min.js", "/webjars/bootstrap/css/bootstrap.rtl.min.css"}) {
            mvc.perform(get(path)).andExpect(status().isOk());
        }
    }

    @Test
    void pagesLinkWebjarsWithoutTheirVersion() throws Exception {
        String login = mvc.perform(get("/login")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        // No filter rewrites the links; the version-less paths resolve to the jars' versions.
        assertThat(login).contains("src=\"/webjars/htmx.org/dist/htmx.min.js\"");
        assertThat(resourceUrls.getForLookupPath("/webjars/htmx.org/dist/htmx.min.js"))
                .matches("/webjars/htmx.org/[0-9.]+/dist/htmx.min.js");
    }

    @Test
    void pageLinksAreNotLookedUpAsFiles() {
        assertThat(resourceUrls.getHandlerMap()).doesNotContainKey("/**");
        assertThat(resourceUrls.getForLookupPath("/leads/123")).isNull();
    }
}
