package io.cupboard.intake.api;

import java.io.Serial;
import java.util.List;

import io.cupboard.intake.ApiKeys;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** A request authenticated by an intake source's API key. */
final class ApiKeyAuthentication extends AbstractAuthenticationToken {

    @Serial
    private static final long serialVersionUID = 1L;

    static final String ROLE = "INTAKE_API";

    private final ApiKeys.Caller caller;

    ApiKeyAuthentication(ApiKeys.Caller caller) {
        super(List.of(new SimpleGrantedAuthority("ROLE_" + ROLE)));
        this.caller = caller;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public ApiKeys.Caller getPrincipal() {
        return caller;
    }

    @Override
    public String getName() {
        return "api-key-" + caller.keyId();
    }
}
