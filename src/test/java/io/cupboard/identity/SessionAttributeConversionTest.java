package io.cupboard.identity;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.core.convert.support.GenericConversionService;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.DefaultCsrfToken;

import static org.assertj.core.api.Assertions.assertThat;

class SessionAttributeConversionTest {

    private final GenericConversionService conversion = SessionAttributeConversion.create(getClass().getClassLoader());

    @Test
    void sameBytesGiveTheSameAuthentication() {
        byte[] stored = bytes(context("agent"));

        SecurityContext first = (SecurityContext) conversion.convert(stored, Object.class);
        SecurityContext second = (SecurityContext) conversion.convert(stored.clone(), Object.class);

        assertThat(first.getAuthentication()).isSameAs(second.getAuthentication());
        assertThat(first.getAuthentication().getName()).isEqualTo("agent");
    }

    @Test
    void clearedContextLeavesLaterReadsSignedIn() {
        byte[] stored = bytes(context("agent"));

        SecurityContext loggedOut = (SecurityContext) conversion.convert(stored, Object.class);
        loggedOut.setAuthentication(null);
        SecurityContext later = (SecurityContext) conversion.convert(stored, Object.class);

        assertThat(later).isNotSameAs(loggedOut);
        assertThat(later.getAuthentication().getName()).isEqualTo("agent");
    }

    @Test
    void sameBytesGiveTheSameCsrfToken() {
        byte[] stored = bytes(new DefaultCsrfToken("X-CSRF-TOKEN", "_csrf", "one"));

        assertThat(conversion.convert(stored, Object.class)).isSameAs(conversion.convert(stored.clone(), Object.class));
    }

    @Test
    void otherBytesGiveTheirOwnObjects() {
        Object agent = conversion.convert(bytes(context("agent")), Object.class);
        Object lead = conversion.convert(bytes(context("lead")), Object.class);
        CsrfToken token = (CsrfToken) conversion.convert(bytes(new DefaultCsrfToken("X-CSRF-TOKEN", "_csrf", "one")), Object.class);

        assertThat(agent).isNotSameAs(lead);
        assertThat(((SecurityContext) lead).getAuthentication().getName()).isEqualTo("lead");
        assertThat(token.getToken()).isEqualTo("one");
    }

    @Test
    void otherAttributesAreReadAfreshEachTime() {
        byte[] stored = bytes(new ArrayList<>(List.of("flash")));

        Object first = conversion.convert(stored, Object.class);
        Object second = conversion.convert(stored, Object.class);

        assertThat(first).isEqualTo(second).isNotSameAs(second);
    }

    private byte[] bytes(Object attribute) {
        return conversion.convert(attribute, byte[].class);
    }

    private static SecurityContext context(String username) {
        return new SecurityContextImpl(UsernamePasswordAuthenticationToken.authenticated(username, null,
                AuthorityUtils.createAuthorityList("ROLE_AGENT")));
    }
}
