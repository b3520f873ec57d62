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
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import uk.gov.safeguarding.hub.web.ProblemWriter;
import uk.gov.safeguarding.hub.routing.AuthorityRegister;

import java.io.IOException;
import java.time.Clock;
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

    /** The request allowances, one set shared by every chain below. */
    @Bean
    RateLimitFilter.RequestLimits requestLimits(SecurityProperties properties) {
        return new RateLimitFilter.RequestLimits(new RateLimits(properties.rateLimit()),
                new RateLimits(properties.unauthenticatedRateLimit()));
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http, ApiKeys apiKeys, RateLimitFilter.RequestLimits limits)
            throws Exception {
        http.securityMatcher("/api/**", "/actuator/prometheus", "/actuator/health", "/actuator/health/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(new ApiKeyAuthenticationFilter(apiKeys), AnonymousAuthenticationFilter.class)
                .addFilterAfter(new RateLimitFilter(limits), AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/api/v1/dead-letters/**", "/api/v1/dead-letters", "/actuator/prometheus")
                        .hasRole(ClientRole.OPERATIONS.name())
                        // anyone may see whether the hub and its parts are up; only operations see the details
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .anyRequest().authenticated())
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((request, response, ex) -> {
                            SecurityEvents.unauthenticated(request, request.getHeader("Authorization") != null);
                            problem(request, response, HttpStatus.UNAUTHORIZED,
                                    "A valid API key is required: Authorization: Bearer <api key>");
                        })
                        .accessDeniedHandler((request, response, ex) -> {
                            SecurityEvents.forbidden(request, principalName());
                            problem(request, response, HttpStatus.FORBIDDEN, "This API key may not do that");
                        }));
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
    SecurityFilterChain pages(HttpSecurity http, SecurityProperties properties, RateLimitFilter.RequestLimits limits)
            throws Exception {
        SecurityProperties.SignIn signIn = properties.signIn();
        SignInThrottleFilter signInThrottle = new SignInThrottleFilter(new SignInThrottle(
                new SignInThrottle.Settings(signIn.freeFailures(), signIn.firstWait(), signIn.longestWait()),
                properties.users().stream().map(SecurityProperties.PageUser::username).toList(), Clock.systemUTC()));
        HttpSessionRequestCache pageAskedFor = pageAskedFor();
        AccessDeniedHandlerImpl forbiddenPage = new AccessDeniedHandlerImpl();
        http.securityMatcher("/console/**", "/console", "/login", "/logout", "/notifications", "/notifications/**",
                        "/clocks", "/reports", "/reports/**")
                .addFilterBefore(new RateLimitFilter(limits), UsernamePasswordAuthenticationFilter.class)
                .addFilterBefore(signInThrottle, UsernamePasswordAuthenticationFilter.class)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/login").permitAll()
                        .requestMatchers("/console", "/console/**").hasRole(ClientRole.OPERATIONS.name())
                        .anyRequest().authenticated())
                .userDetailsService(users(properties))
                .requestCache(cache -> cache.requestCache(pageAskedFor))
                .formLogin(form -> form.loginPage("/login").permitAll()
                        .successHandler(signInThrottle.onSuccess(pageAskedFor, "/notifications"))
                        .failureHandler(signInThrottle.onFailure()))
                .exceptionHandling(e -> e.accessDeniedHandler((request, response, denied) -> {
                    SecurityEvents.forbidden(request, principalName());
                    forbiddenPage.handle(request, response, denied);
                }))
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
    SecurityFilterChain acknowledgementPages(HttpSecurity http, RateLimitFilter.RequestLimits limits) throws Exception {
        http.securityMatcher("/acknowledgements/**")
                .addFilterAfter(new RateLimitFilter(limits), AnonymousAuthenticationFilter.class)
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
    SecurityFilterChain publicPages(HttpSecurity http, RateLimitFilter.RequestLimits limits) throws Exception {
        http.addFilterAfter(new RateLimitFilter(limits), AnonymousAuthenticationFilter.class)
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .httpBasic(basic -> basic.disable());
        return http.build();
    }

    private static String principalName() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null ? null : authentication.getName();
    }

    private static void problem(HttpServletRequest request, HttpServletResponse response, HttpStatus status,
                                String detail) throws IOException {
        if (status == HttpStatus.UNAUTHORIZED) {
            response.setHeader("WWW-Authenticate", "Bearer");
        }
        ProblemWriter.write(response, ProblemWriter.problem(status, status.getReasonPhrase(), detail, request.getRequestURI()));
    }
}
