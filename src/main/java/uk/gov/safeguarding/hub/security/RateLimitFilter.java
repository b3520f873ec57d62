package uk.gov.safeguarding.hub.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import uk.gov.safeguarding.hub.web.ProblemWriter;

import java.io.IOException;
import java.util.Set;

/**
 * Request rates: each API client over {@code hub.security.rate-limit}, and each client address over
 * {@code hub.security.unauthenticated-rate-limit} for requests without valid credentials (wrong or no API key, the
 * public acknowledgement links, sign-in), so that neither keys nor links can be guessed at speed. Beyond either: 429
 * with Retry-After, logged. Signed-in people, health probes and the style sheet are not counted.
 */
class RateLimitFilter extends OncePerRequestFilter {

    private static final Set<String> NOT_COUNTED = Set.of("/actuator/health", "/actuator/health/liveness",
            "/actuator/health/readiness", "/hub.css", "/favicon.ico");
    private final RequestLimits limits;

    RateLimitFilter(RequestLimits limits) {
        this.limits = limits;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof HubClient client) {
            RateLimits.Decision decision = limits.perClient().take(client.name());
            if (!decision.allowed()) {
                refuse(request, response, client.name(), decision, "This API key has made too many requests");
                return;
            }
        } else if ((authentication == null || authentication instanceof AnonymousAuthenticationToken)
                && !NOT_COUNTED.contains(request.getRequestURI())) {
            RateLimits.Decision decision = limits.perAddress().take(request.getRemoteAddr());
            if (!decision.allowed()) {
                refuse(request, response, null, decision,
                        "Too many requests without valid credentials have come from this address");
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, String client,
                               RateLimits.Decision decision, String why) throws IOException {
        SecurityEvents.rateLimited(request, client, decision.retryAfterSeconds());
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(decision.retryAfterSeconds()));
        ProblemWriter.write(response, ProblemWriter.problem(HttpStatus.TOO_MANY_REQUESTS, "Too many requests",
                why + "; nothing was done. Try again in " + decision.retryAfterSeconds() + " seconds.",
                request.getRequestURI()));
    }

    /** The two kinds of allowance, shared by every security chain. */
    record RequestLimits(RateLimits perClient, RateLimits perAddress) {
    }
}
