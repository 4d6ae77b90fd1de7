package io.cupboard.shared.web;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.servlet.HandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

class FormBindingHandlerAdapterTest {

    @Test
    void bindsParametersAndPathVariablesButNoHeaders() {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/leads/7/note");
        request.addParameter("note", "from the form");
        request.addHeader("version", "99");
        request.addHeader("note", "from a header");
        request.addHeader("leadId", "8");
        request.setAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE, Map.of("leadId", "7"));
        Form form = new Form();

        new FormBindingHandlerAdapter.FormDataBinder(form, "form").bind(request);

        assertThat(form.note).isEqualTo("from the form");
        assertThat(form.leadId).isEqualTo(7L);
        assertThat(form.version).isNull();
    }

    @Test
    void parameterOverridesPathVariable() {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/leads/7/note");
        request.addParameter("leadId", "9");
        request.setAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE, Map.of("leadId", "7"));
        Form form = new Form();

        new FormBindingHandlerAdapter.FormDataBinder(form, "form").bind(request);

        assertThat(form.leadId).isEqualTo(9L);
    }

    static class Form {

        private String note;
        private Long leadId;
        private Integer version;

        public void setNote(String note) {
            this.note = note;
        }

        public void setLeadId(Long leadId) {
            this.leadId = leadId;
        }

        public void setVersion(Integer version) {
            this.version = version;
        }
    }
}
