package uk.gov.safeguarding.hub.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import uk.gov.safeguarding.hub.web.ProblemWriter;
import uk.gov.safeguarding.hub.routing.AuthorityRegister;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

@Configuration
@EnableConfigurationProperties(SecurityProperties.class)
class SecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);
    /** Every page's Content-Security-Policy: nothing inline, nothing from elsewhere, never framed. */
    private static final String PAGE_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; "
            + "frame-ancestors 'none'; form-action 'self'; base-uri 'none'";

    @Bean
    ApiKeys apiKeys(SecurityProperties properties, AuthorityRegister authorities) {
        ClientScopes.check(properties, authorities);
        if (properties.demoCredentials()) {
            log.warn("The local demo credentials of SPEC §8 are active (local-trust-key, local-ops-key, ...). "
                    + "Never run like this with real data; the prod profile refuses to start with them.");
        }
        return new ApiKeys(properties);
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http, ApiKeys apiKeys, SecurityProperties properties, ObjectMapper mapper)
            throws Exception {
        SecurityProperties.Limit limit = properties.rateLimit();
        http.securityMatcher("/api/**", "/actuator/prometheus", "/actuator/health", "/actuator/health/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(new ApiKeyAuthenticationFilter(apiKeys), AnonymousAuthenticationFilter.class)
                .addFilterAfter(new RateLimitFilter(new RateLimits(limit.requests(), limit.period()), mapper),
                        AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/api/v1/dead-letters/**", "/api/v1/dead-letters", "/actuator/prometheus")
                        .hasRole(ClientRole.OPERATIONS.name())
                        // anyone may see whether the hub and its parts are up; only operations see the details
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .anyRequest().authenticated())
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((request, response, ex) -> problem(request, response,
                                HttpStatus.UNAUTHORIZED, "A valid API key is required: Authorization: Bearer <api key>"))
                        .accessDeniedHandler((request, response, ex) -> problem(request, response,
                                HttpStatus.FORBIDDEN, "This API key may not do that")));
        return http.build();
    }

    /**
     * Requests the security firewall refuses (an unknown method, a path with ".." or ";", ...) get problem details
     * like every other error, before any chain sees them.
     */
    @Bean
    RequestRejectedHandler problemForRejectedRequests(ObjectMapper mapper) {
        return (request, response, rejected) -> problem(request, response, HttpStatus.BAD_REQUEST,
                "The request was refused: its method, path or headers are not allowed");
    }

    /**
     * The pages for people (SPEC §10) and the operations console: form login with hashed passwords, back to the
     * page asked for; CSRF tokens, a strict CSP, frame denial. The console is for operations only; every other page
     * shows what the user's role and scope allow.
     */
    @Bean
    @Order(2)
    SecurityFilterChain pages(HttpSecurity http, SecurityProperties properties) throws Exception {
        SecurityProperties.Limit attempts = properties.loginAttempts();
        http.securityMatcher("/console/**", "/console", "/login", "/logout", "/notifications", "/notifications/**",
                        "/clocks", "/reports", "/reports/**")
                .addFilterBefore(new LoginThrottleFilter(new RateLimits(attempts.requests(), attempts.period()),
                                properties.users().stream().map(SecurityProperties.PageUser::username).toList()),
                        UsernamePasswordAuthenticationFilter.class)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/login").permitAll()
                        .requestMatchers("/console", "/console/**").hasRole(ClientRole.OPERATIONS.name())
                        .anyRequest().authenticated())
                .userDetailsService(users(properties))
                .requestCache(cache -> cache.requestCache(pageAskedFor()))
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/notifications").permitAll())
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(PAGE_POLICY))
                        .frameOptions(frame -> frame.deny())
                        .referrerPolicy(referrer -> referrer.policy(
                                ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)));
        return http.build();
    }

    /** After sign-in, back to the page asked for, at its own address. */
    private static HttpSessionRequestCache pageAskedFor() {
        HttpSessionRequestCache cache = new HttpSessionRequestCache();
        cache.setMatchingRequestParameterName(null);
        return cache;
    }

    private static UserDetailsService users(SecurityProperties properties) {
        Map<String, SecurityProperties.PageUser> byName = properties.users().stream()
                .collect(Collectors.toUnmodifiableMap(SecurityProperties.PageUser::username, Function.identity()));
        return username -> Optional.ofNullable(byName.get(username)).map(HubUser::new)
                .orElseThrow(() -> new UsernameNotFoundException("No such user"));
    }

    /**
     * The one-click acknowledgement pages: public (the signed token in the link is their authority, and there is no
     * session to forge requests in), with the strict CSP of every page, and no Referer that could carry the token on.
     */
    @Bean
    @Order(3)
    SecurityFilterChain acknowledgementPages(HttpSecurity http) throws Exception {
        http.securityMatcher("/acknowledgements/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(PAGE_POLICY))
                        .frameOptions(frame -> frame.deny())
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)));
        return http.build();
    }

    /**
     * Everything the chains above do not claim is public: acknowledgement pages (the signed token in the link is
     * their authority, and there is no session to forge requests in), the API description, static files,
     * and 404s for the rest.
     */
    @Bean
    @Order(4)
    SecurityFilterChain publicPages(HttpSecurity http) throws Exception {
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .httpBasic(basic -> basic.disable());
        return http.build();
    }

    private static void problem(HttpServletRequest request, HttpServletResponse response, HttpStatus status,
                                String detail) throws IOException {
        if (status == HttpStatus.UNAUTHORIZED) {
            response.setHeader("WWW-Authenticate", "Bearer");
        }
        ProblemWriter.write(response, ProblemWriter.problem(status, status.getReasonPhrase(), detail, request.getRequestURI()));
    }
}
