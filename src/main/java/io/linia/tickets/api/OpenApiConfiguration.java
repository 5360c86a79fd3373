package io.linia.tickets.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class OpenApiConfiguration {

    @Bean
    OpenAPI liniaOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Linia API").version("v1")
                        .description("Service desk API. Authenticate with `Authorization: Bearer lin_…` (a token from "
                                + "your profile page) or HTTP basic. Errors are RFC 9457 problem details."))
                .components(new Components()
                        .addSecuritySchemes("bearer", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer"))
                        .addSecuritySchemes("basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")));
    }
}
