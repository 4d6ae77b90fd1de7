package io.cupboard.intake.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description of the intake API, served to admins at {@code /v3/api-docs} and
 * {@code /swagger-ui/index.html}. Only {@code /api/v1/**} is documented ({@code springdoc.paths-to-match}).
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static final String API_KEY = "apiKey";
    static final String BEARER = "bearer";

    @Bean
    OpenAPI intakeOpenApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("CupBoard intake API")
                        .version("v1")
                        .description("Submit leads from web forms and lead-ad webhooks. Each intake source has its own API keys, "
                                + "which the admin creates and revokes. Errors are RFC 9457 problem details "
                                + "(application/problem+json) with JSON Pointers to invalid fields."))
                .components(new Components()
                        .addSecuritySchemes(API_KEY, new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                                .in(SecurityScheme.In.HEADER).name(ApiKeyAuthenticationFilter.API_KEY_HEADER))
                        .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")));
    }
}
