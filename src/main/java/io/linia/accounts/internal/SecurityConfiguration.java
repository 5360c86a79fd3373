package io.linia.accounts.internal;

import io.linia.accounts.Role;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * Three doors: the REST API (stateless: bearer token or HTTP basic, no CSRF since no cookies),
 * the operators' endpoints (health open, metrics for admins), and the web UI (form login, session,
 * CSRF on every form).
 */
@Configuration
class SecurityConfiguration {

    private static final String[] STAFF = {Role.AGENT_L1.name(), Role.AGENT_L2.name(), Role.TEAM_LEAD.name(),
            Role.TRAINER.name(), Role.ADMIN.name()};

    @Bean
    PasswordEncoder passwordEncoder() {
        // bcrypt by default, and hashes from other algorithms still verify after a future change
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    @Order(1)
    @ConditionalOnWebApplication // the filter chains only; the evaluate command runs without a web server
    SecurityFilterChain apiChain(HttpSecurity http, ProblemSecurityHandlers problems, ApiTokenFilter tokenFilter) throws Exception {
        return http.securityMatcher("/api/**")
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/api/v1/admin/**").hasRole(Role.ADMIN.name())
                        // the public help pages' API: anyone may read public articles, rate them, report a deflection
                        .requestMatchers("/api/v1/kb/public/**").permitAll()
                        // the access-recovery questionnaire: the person is locked out of their mailbox, so no sign-in
                        .requestMatchers("/api/v1/recovery/questionnaire", "/api/v1/recovery/questionnaire/**").permitAll()
                        // customers' one-click rating links (quality): signed, so no sign-in
                        .requestMatchers("/api/v1/quality/public/**").permitAll()
                        .requestMatchers("/api/v1/tickets/queue/**", "/api/v1/tickets/mine", "/api/v1/groups").hasAnyRole(STAFF)
                        .requestMatchers(HttpMethod.POST, "/api/v1/routing/categoriser/retrain")
                                .hasAnyRole(Role.TEAM_LEAD.name(), Role.ADMIN.name())
                        // business calendars: staff read them and ask the maths, administrators change them
                        .requestMatchers(HttpMethod.POST, "/api/v1/routing/calendars", "/api/v1/routing/calendars/**")
                                .hasRole(Role.ADMIN.name())
                        .requestMatchers(HttpMethod.PUT, "/api/v1/routing/calendars/**").hasRole(Role.ADMIN.name())
                        .requestMatchers("/api/v1/routing/**").hasAnyRole(STAFF)
                        // analytics: staff read the series, administrators rebuild the rollups
                        .requestMatchers("/api/v1/analytics/rollups/**").hasRole(Role.ADMIN.name())
                        .requestMatchers("/api/v1/analytics/**").hasAnyRole(STAFF)
                        // training: staff only; who may change what (leads enrol, trainers and admins edit) the module decides
                        .requestMatchers("/api/v1/training/**").hasAnyRole(STAFF)
                        .anyRequest().authenticated())
                .addFilterBefore(tokenFilter, BasicAuthenticationFilter.class)
                .httpBasic(b -> b.authenticationEntryPoint(problems))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(c -> c.disable())
                .requestCache(r -> r.disable())
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .build();
    }

    @Bean
    @Order(2)
    @ConditionalOnWebApplication // the filter chains only; the evaluate command runs without a web server
    SecurityFilterChain operationsChain(HttpSecurity http, ProblemSecurityHandlers problems, ApiTokenFilter tokenFilter) throws Exception {
        return http.securityMatcher("/actuator/**")
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                        .anyRequest().hasRole(Role.ADMIN.name()))
                .addFilterBefore(tokenFilter, BasicAuthenticationFilter.class)
                .httpBasic(b -> b.authenticationEntryPoint(problems))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(c -> c.disable())
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .build();
    }

    @Bean
    @Order(3)
    @ConditionalOnWebApplication // the filter chains only; the evaluate command runs without a web server
    SecurityFilterChain pages(HttpSecurity http, AccountService accounts) throws Exception {
        return http
                .addFilterBefore(new SessionRefreshFilter(accounts), AuthorizationFilter.class)
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/login", "/register", "/webjars/**", "/css/**", "/js/**", "/favicon.ico", "/favicon.svg",
                                "/error", "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html").permitAll()
                        // the public knowledge base: customers locked out of their mailbox read it without signing in
                        .requestMatchers("/help", "/help/**").permitAll()
                        // the access-recovery questionnaire and its "add answers" link, for people locked out of their mailbox
                        .requestMatchers("/access-recovery", "/access-recovery/**").permitAll()
                        // the customers' rating page, reached from the signed link in the solved mail without signing in
                        .requestMatchers("/rate/**").permitAll()
                        .requestMatchers("/admin/**").hasRole(Role.ADMIN.name())
                        .requestMatchers("/agent/**").hasAnyRole(STAFF)
                        .requestMatchers("/portal/**").hasRole(Role.CUSTOMER.name())
                        .anyRequest().authenticated())
                .formLogin(f -> f.loginPage("/login").defaultSuccessUrl("/", false).permitAll())
                .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?logout").permitAll())
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(
                        "default-src 'self'; img-src 'self' data: https: http:; style-src 'self' 'unsafe-inline'; "
                                + "script-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'self'")))
                .build();
    }
}
